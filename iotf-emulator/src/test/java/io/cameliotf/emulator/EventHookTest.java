package io.cameliotf.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cameliotf.emulator.events.DeviceEvent;
import io.cameliotf.emulator.events.EventSink;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every accepted event, and only those, goes through the one hook the historian uses. */
@ExtendWith(IotfEmulatorExtension.class)
class EventHookTest {

    @Test
    void acceptedEventsReachTheSinkAndDeniedOnesDoNot(IotfEmulator iotf, TestOrganization org) throws Exception {
        List<DeviceEvent> events = new CopyOnWriteArrayList<>();
        EventSink sink = e -> {
            if (e.org().equals(org.id())) {
                events.add(e);
            }
        };
        iotf.addEventSink(sink);
        try {
            String token = org.registerDevice("sensor", "h1");
            try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "h1", token);
                    MqttTestClient app = TopicSpaceTest.app(iotf, org, "proxy")) {
                device.publish("iot-2/evt/temp/fmt/json", "{\"d\":{\"t\":1}}", 1);
                app.publish("iot-2/type/legacy/id/x9/evt/reading/fmt/text", "42", 1);
                app.publish("iot-2/type/sensor/id/h1/cmd/reboot/fmt/json", "{}", 1);
                await().atMost(Duration.ofSeconds(5)).until(() -> events.size() >= 2);
                device.tryPublish("iot-2/cmd/reboot/fmt/json", "{}", 1);
                device.awaitConnectionLost(Duration.ofSeconds(5));
            }
            try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "h1", token)) {
                device.tryPublish("iot-2/evt/toobig/fmt/bin", "x".repeat(131_073), 1);
                device.awaitConnectionLost(Duration.ofSeconds(5));
            }
            Thread.sleep(300);
            assertThat(events).hasSize(2);
            DeviceEvent own = events.get(0);
            assertThat(own.deviceUuid()).isEqualTo("d:" + org.id() + ":sensor:h1");
            assertThat(own.event()).isEqualTo("temp");
            assertThat(own.format()).isEqualTo("json");
            assertThat(new String(own.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"d\":{\"t\":1}}");
            assertThat(own.publisher()).isEqualTo(org.deviceClientId("sensor", "h1"));
            DeviceEvent onBehalf = events.get(1);
            assertThat(onBehalf.deviceType()).isEqualTo("legacy");
            assertThat(onBehalf.deviceId()).isEqualTo("x9");
            assertThat(onBehalf.publisher()).isEqualTo(org.appClientId("proxy"));
        } finally {
            iotf.removeEventSink(sink);
        }
    }
}
