package io.cameliotf.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A gateway made through API v0002 (a device type of class Gateway), and the devices it publishes for: registered on
 * first use with the gateway recorded (later contract 3.4), shown so by the REST API.
 */
@ExtendWith(IotfEmulatorExtension.class)
class GatewayRegistrationTest {

    @Test
    void unknownDeviceAGatewayPublishesForIsRegisteredWithTheGateway(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        Http api = V2RegistryTest.v2(iotf, org);
        assertThat(api.post("/device/types", "{\"id\":\"gw\",\"classId\":\"Gateway\"}").status()).isEqualTo(201);
        assertThat(api.get("/device/types/gw").json().get("classId").asText()).isEqualTo("Gateway");
        assertThat(api.post("/device/types/gw/devices", "{\"deviceId\":\"gw1\",\"authToken\":\"gw-token-0001\"}")
                .status()).isEqualTo(201);
        org.registerDevice("sensor", "known");
        try (MqttTestClient gw = MqttTestClient.builder(iotf.mqttUrl(), "g:" + org.id() + ":gw:gw1")
                .username("use-token-auth").password("gw-token-0001").connect()) {
            // QoS 1: the PUBACK comes once the device is registered
            gw.publish("iot-2/type/newtype/id/n1/evt/temp/fmt/json", "{\"t\":1}", 1);
            gw.publish("iot-2/type/sensor/id/known/evt/temp/fmt/json", "{\"t\":2}", 1);
            gw.publish("iot-2/type/gw/id/gw1/evt/status/fmt/json", "{}", 1);
            assertThat(gw.isConnected()).isTrue();
        }
        JsonNode added = api.get("/device/types/newtype/devices/n1").json();
        assertThat(added.get("gatewayTypeId").asText()).isEqualTo("gw");
        assertThat(added.get("gatewayId").asText()).isEqualTo("gw1");
        assertThat(api.get("/device/types/newtype").json().get("classId").asText()).isEqualTo("Device");
        // a registered device is left as it was, and the gateway is not its own gateway
        assertThat(api.get("/device/types/sensor/devices/known").json().has("gatewayId")).isFalse();
        assertThat(api.get("/device/types/gw/devices/gw1").json().has("gatewayId")).isFalse();
        JsonNode served = api.get("/device/types/gw/devices/gw1/devices").json();
        assertThat(served.get("results")).extracting(d -> d.get("deviceId").asText()).containsExactly("n1");
        assertThat(added.get("registration").get("auth").get("id").asText()).isEqualTo("g:" + org.id() + ":gw:gw1");
    }

    @Test
    void subscribingToOneDevicesCommandsRegistersItAndADeletedOneComesBack(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        Http api = V2RegistryTest.v2(iotf, org);
        api.post("/device/types", "{\"id\":\"gw\",\"classId\":\"Gateway\"}");
        api.post("/device/types/gw/devices", "{\"deviceId\":\"gw1\",\"authToken\":\"gw-token-0001\"}");
        try (MqttTestClient gw = MqttTestClient.builder(iotf.mqttUrl(), "g:" + org.id() + ":gw:gw1")
                .username("use-token-auth").password("gw-token-0001").connect()) {
            assertThat(gw.subscribe("iot-2/type/cam/id/c1/cmd/+/fmt/+", 1)).isEqualTo(1);
            assertThat(gw.subscribe("iot-2/type/cam/id/+/cmd/+/fmt/+", 1)).isEqualTo(1);
            assertThat(api.get("/device/types/cam/devices/c1").json().get("gatewayId").asText()).isEqualTo("gw1");
            assertThat(api.get("/device/types/cam/devices").json().get("results")).hasSize(1);

            assertThat(api.delete("/device/types/cam/devices/c1").status()).isEqualTo(204);
            gw.publish("iot-2/type/cam/id/c1/evt/frame/fmt/json", "{}", 1);
            assertThat(api.get("/device/types/cam/devices/c1").status()).isEqualTo(200);
        }
    }
}
