package io.cameliotf.iotf.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// The JUnit 5 snippet of docs/emulator.md.
// tag::junit[]
@ExtendWith(IotfEmulatorExtension.class)
class MyTest {
    @Test
    void deviceEventsReachTheApplication(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "d1");
        try (MqttTestClient app = MqttTestClient.application(iotf, org.appClientId("app"), org.apiKey(), org.apiToken());
             MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "d1", token)) {
            app.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            device.publish("iot-2/evt/temp/fmt/json", "{\"d\":{\"t\":21}}", 1);
            assertThat(app.poll(Duration.ofSeconds(30)).topic()).isEqualTo("iot-2/type/sensor/id/d1/evt/temp/fmt/json");
        }
    }
}
// end::junit[]
