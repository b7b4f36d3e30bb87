package io.cameliotf.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.junit.TestOrganization;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Delivery [5.1.5]: QoS levels, sessions, the 5,000 message backlog, the payload limit, will messages. */
@ExtendWith(IotfEmulatorExtension.class)
class DeliveryTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration QUIET = Duration.ofMillis(500);

    @Test
    void backlogOfAnOfflineDurableDeviceKeepsTheNewest5000(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "backlog");
        MqttTestClient.Builder durable = MqttTestClient.builder(iotf.mqttUrl(), org.deviceClientId("sensor", "backlog"))
                .username("use-token-auth").password(token).cleanSession(false);
        try (MqttTestClient device = durable.connect()) {
            assertThat(device.subscribe("iot-2/cmd/+/fmt/+", 1)).isEqualTo(1);
        }
        try (MqttTestClient app = TopicSpaceTest.app(iotf, org, "flood")) {
            for (int i = 0; i < 5_010; i++) {
                app.publish("iot-2/type/sensor/id/backlog/cmd/n/fmt/text", Integer.toString(i), 1);
            }
        }
        try (MqttTestClient device = durable.connect()) {
            List<Received> received = device.drain(Duration.ofSeconds(2));
            assertThat(received).hasSize(5_000);
            assertThat(received).extracting(Received::text)
                    .containsExactlyElementsOf(IntStream.range(10, 5_010).mapToObj(Integer::toString).toList());
        }
    }

    @Test
    void durableApplicationReceivesWhatArrivedWhileOffline(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "s1");
        MqttTestClient.Builder durable = MqttTestClient.builder(iotf.mqttUrl(), org.appClientId("durable"))
                .username(org.apiKey()).password(org.apiToken()).cleanSession(false);
        try (MqttTestClient app = durable.connect()) {
            app.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
        }
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "s1", token)) {
            for (int i = 0; i < 3; i++) {
                device.publish("iot-2/evt/e/fmt/text", "m" + i, 1);
            }
        }
        try (MqttTestClient app = durable.connect()) {
            assertThat(app.drain(QUIET)).extracting(Received::text).containsExactly("m0", "m1", "m2");
        }
        try (MqttTestClient clean = MqttTestClient.builder(iotf.mqttUrl(), org.appClientId("durable"))
                .username(org.apiKey()).password(org.apiToken()).cleanSession(true).connect()) {
            assertThat(clean.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void everyQualityOfServiceIsDelivered(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "q");
        try (MqttTestClient app = TopicSpaceTest.app(iotf, org, "qos");
                MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "q", token)) {
            app.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 2);
            for (int qos = 0; qos <= 2; qos++) {
                device.publish("iot-2/evt/q" + qos + "/fmt/text", "qos" + qos, qos);
                Received r = app.poll(WAIT);
                assertThat(r).isNotNull();
                assertThat(r.qos()).isEqualTo(qos);
                assertThat(r.text()).isEqualTo("qos" + qos);
            }
        }
    }

    @Test
    void payloadOverTheServiceLimitIsRefused(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "big");
        try (MqttTestClient app = TopicSpaceTest.app(iotf, org, "big");
                MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "big", token)) {
            app.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            byte[] atLimit = new byte[131_072];
            Arrays.fill(atLimit, (byte) 'a');
            device.publish("iot-2/evt/blob/fmt/bin", atLimit, 1);
            Received r = app.poll(WAIT);
            assertThat(r).isNotNull();
            assertThat(r.payload()).hasSize(131_072);
            assertThat(device.tryPublish("iot-2/evt/blob/fmt/bin", "a".repeat(131_073), 1)).isFalse();
            assertThat(device.awaitConnectionLost(WAIT)).isTrue();
            assertThat(app.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void willMessageIsPublishedInTheDevicesEventSpace(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "w1");
        try (MqttTestClient app = TopicSpaceTest.app(iotf, org, "wills");
                MqttTestClient device = MqttTestClient.builder(iotf.mqttUrl(), org.deviceClientId("sensor", "w1"))
                        .username("use-token-auth").password(token).will("iot-2/evt/lwt/fmt/json", "{\"d\":{}}", 1)
                        .connect()) {
            app.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            device.dropConnection();
            Received r = app.poll(WAIT);
            assertThat(r).isNotNull();
            assertThat(r.topic()).isEqualTo("iot-2/type/sensor/id/w1/evt/lwt/fmt/json");
        }
    }

    @Test
    void willOutsideTheDevicesSpaceIsNeverDelivered(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "w2");
        try (MqttTestClient app = TopicSpaceTest.app(iotf, org, "wills2");
                MqttTestClient device = MqttTestClient.builder(iotf.mqttUrl(), org.deviceClientId("sensor", "w2"))
                        .username("use-token-auth").password(token)
                        .will("iot-2/type/sensor/id/other/evt/lwt/fmt/json", "{\"d\":{}}", 1).connect()) {
            app.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            device.dropConnection();
            assertThat(app.drain(QUIET)).isEmpty();
        }
    }
}
