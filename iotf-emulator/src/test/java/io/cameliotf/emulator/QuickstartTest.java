package io.cameliotf.emulator;

import static io.cameliotf.emulator.AuthenticationTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** QuickStart: no credentials, and its restrictions [5.2.5, 5.3.9]. Each test uses its own device type. */
@ExtendWith(IotfEmulatorExtension.class)
class QuickstartTest {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration QUIET = Duration.ofMillis(500);

    private final String type = "qs" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void devicesAndApplicationsConnectWithoutCredentials(IotfEmulator iotf) throws Exception {
        try (MqttTestClient app = MqttTestClient.builder(iotf.mqttUrl(), "a:quickstart:" + type).connect();
                MqttTestClient device = MqttTestClient.builder(iotf.mqttUrl(), "d:quickstart:" + type + ":d1").connect()) {
            assertThat(app.subscribe("iot-2/type/" + type + "/id/+/evt/+/fmt/+", 1)).isEqualTo(0);
            device.publish("iot-2/evt/temp/fmt/json", "{\"d\":{\"t\":1}}", 1);
            Received r = app.poll(WAIT);
            assertThat(r).isNotNull();
            assertThat(r.topic()).isEqualTo("iot-2/type/" + type + "/id/d1/evt/temp/fmt/json");
            assertThat(r.qos()).isZero();
        }
    }

    @Test
    void noCommands(IotfEmulator iotf) throws Exception {
        try (MqttTestClient device = MqttTestClient.builder(iotf.mqttUrl(), "d:quickstart:" + type + ":d1").connect();
                MqttTestClient app = MqttTestClient.builder(iotf.mqttUrl(), "a:quickstart:" + type).connect()) {
            assertThat(device.subscribe("iot-2/cmd/+/fmt/+", 0)).isEqualTo(0x80);
            assertThat(app.subscribe("iot-2/type/" + type + "/id/d1/cmd/+/fmt/+", 0)).isEqualTo(0x80);
            app.tryPublish("iot-2/type/" + type + "/id/d1/cmd/reboot/fmt/json", "{}", 0);
            assertThat(app.awaitConnectionLost(WAIT)).isTrue();
        }
    }

    @Test
    void noWildcardForDeviceTypeOrAppId(IotfEmulator iotf) throws Exception {
        try (MqttTestClient app = MqttTestClient.builder(iotf.mqttUrl(), "a:quickstart:" + type).connect()) {
            assertThat(app.subscribe("iot-2/type/+/id/d1/evt/+/fmt/+", 0)).isEqualTo(0x80);
            assertThat(app.subscribe("iot-2/type/+/id/+/mon", 0)).isEqualTo(0x80);
            assertThat(app.subscribe("iot-2/app/+/mon", 0)).isEqualTo(0x80);
            assertThat(app.subscribe("iot-2/type/" + type + "/id/+/mon", 0)).isZero();
            assertThat(app.subscribe("iot-2/app/" + type + "/mon", 0)).isZero();
        }
    }

    @Test
    void noDurableSessions(IotfEmulator iotf) {
        assertRefused(() -> MqttTestClient.builder(iotf.mqttUrl(), "d:quickstart:" + type + ":d1").cleanSession(false)
                .connect(), 5);
        assertRefused(() -> MqttTestClient.builder(iotf.mqttUrl(), "a:quickstart:" + type).cleanSession(false)
                .connect(), 5);
    }

    @Test
    void organizationsDoNotSeeQuickstartTraffic(IotfEmulator iotf) throws Exception {
        var key = iotf.seed().organization("orga01").apiKey(0);
        try (MqttTestClient orgApp = MqttTestClient.application(iotf, "a:orga01:" + type, key.key(), key.token());
                MqttTestClient device = MqttTestClient.builder(iotf.mqttUrl(), "d:quickstart:" + type + ":d1").connect()) {
            orgApp.subscribe("iot-2/type/" + type + "/id/+/evt/+/fmt/+", 0);
            device.publish("iot-2/evt/temp/fmt/json", "{}", 0);
            assertThat(orgApp.drain(QUIET)).isEmpty();
        }
    }
}
