package io.cameliotf.emulator;

import static io.cameliotf.emulator.AuthenticationTest.assertRefused;
import static io.cameliotf.emulator.GatewayTest.EVENTS;
import static io.cameliotf.emulator.GatewayTest.QUIET;
import static io.cameliotf.emulator.GatewayTest.WAIT;
import static io.cameliotf.emulator.GatewayTest.gateway;
import static io.cameliotf.emulator.GatewayTest.registerGateway;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameliotf.emulator.api.Http;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.emulator.store.Device;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The refusals of the gateway role (later contract 3.4) that {@link GatewayTest} leaves out, with plain Paho: a
 * gateway publishing outside its space, a gateway acting in another organization, a device using a gateway's topics
 * (events, notify, and the gateway form of device management, later contract 3.5.1).
 * A publish outside a client's space is dropped and its client disconnected [2.3.5]; a gateway is told first.
 */
@ExtendWith(IotfEmulatorExtension.class)
class GatewayRefusalsTest {

    @Test
    void gatewayPublishingOutsideItsSpaceIsNotifiedAndDisconnected(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        String gwToken = registerGateway(iotf, org, "gw", "gw1");
        String gw2Token = registerGateway(iotf, org, "gw", "gw2");
        org.registerDevice("sensor", "s1");
        // the device form (IBM's Java SDK 0.4.1 GatewayClient.publishEvent uses it for the gateway's own events),
        // a device's status topic, another gateway's notify topic, an application's status topic
        List<String> outside = List.of("iot-2/evt/status/fmt/json", "iot-2/type/sensor/id/s1/mon",
                "iot-2/type/gw/id/gw2/notify", "iot-2/app/watcher/mon");
        try (MqttTestClient app = TopicSpaceTest.app(iotf, org, "watcher");
                MqttTestClient gw2 = gateway(iotf, org, "gw", "gw2", gw2Token)) {
            app.subscribe(EVENTS, 1);
            app.subscribe("iot-2/type/+/id/+/mon", 1);
            app.subscribe("iot-2/app/+/mon", 1);
            gw2.subscribe("iot-2/type/gw/id/gw2/notify", 0);
            for (String topic : outside) {
                try (MqttTestClient gw = gateway(iotf, org, "gw", "gw1", gwToken)) {
                    gw.subscribe("iot-2/type/gw/id/gw1/notify", 0);
                    gw.tryPublish(topic, "{}", 1);
                    assertThat(gw.awaitConnectionLost(WAIT)).as(topic).isTrue();
                    Received notice = gw.poll(QUIET);
                    if (notice != null) { // told before the connection closes, when the notice wins the race
                        JsonNode n = new ObjectMapper().readTree(notice.payload());
                        assertThat(n.get("Request").asText()).isEqualTo("publish");
                        assertThat(n.get("Topic").asText()).isEqualTo(topic);
                    }
                }
            }
            // only the status messages of the gateways' own connects and disconnects, nothing a refused publish carried
            assertThat(app.drain(QUIET)).extracting(Received::topic).isNotEmpty()
                    .allMatch(t -> t.equals("iot-2/type/gw/id/gw1/mon") || t.equals("iot-2/type/gw/id/gw2/mon")
                            || t.equals("iot-2/app/watcher/mon"), "a gateway's status topic");
            assertThat(gw2.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void gatewayCannotActInAnotherOrganization(IotfEmulator iotf, TestOrganization org, TestOrganization other)
            throws Exception {
        String gwToken = registerGateway(iotf, org, "gw", "gw1");
        registerGateway(iotf, other, "gw", "gw1"); // the same gateway type and id there, with its own token
        other.registerDevice("sensor", "theirs");
        // its token does not open the other organization's gateway of the same name, nor does a client id that names
        // the other organization
        assertRefused(() -> gateway(iotf, org, "gw", "gw1", gwToken, other.id()), 5);
        try (MqttTestClient otherApp = TopicSpaceTest.app(iotf, other, "watcher");
                MqttTestClient gw = gateway(iotf, org, "gw", "gw1", gwToken)) {
            otherApp.subscribe(EVENTS, 1);
            // a device id only the other organization has: the gateway acts for a device of its own organization
            gw.publish("iot-2/type/sensor/id/theirs/evt/temp/fmt/json", "{\"t\":1}", 1);
            assertThat(gw.subscribe("iot-2/type/sensor/id/theirs/cmd/+/fmt/+", 1)).isEqualTo(1);
            assertThat(otherApp.drain(QUIET)).isEmpty();
            assertThat(gw.isConnected()).isTrue();
        }
        Device theirs = iotf.devices().get(other.id(), "sensor", "theirs");
        assertThat(theirs.gatewayId()).isNull();
        Device ours = iotf.devices().get(org.id(), "sensor", "theirs");
        assertThat(ours.gatewayId()).isEqualTo("gw1");
    }

    @Test
    void deviceUsingAGatewayTopicIsDisconnected(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "s1");
        String gwToken = registerGateway(iotf, org, "gw", "gw1");
        // for another device (registered or not), for itself in the typed form, on a gateway's notify topic
        List<String> gatewayTopics = List.of("iot-2/type/sensor/id/s2/evt/temp/fmt/json",
                "iot-2/type/other/id/new1/evt/temp/fmt/json", "iot-2/type/sensor/id/s1/evt/temp/fmt/json",
                "iot-2/type/gw/id/gw1/notify");
        try (MqttTestClient app = TopicSpaceTest.app(iotf, org, "watcher");
                MqttTestClient gw = gateway(iotf, org, "gw", "gw1", gwToken)) {
            app.subscribe(EVENTS, 1);
            gw.subscribe("iot-2/type/gw/id/gw1/notify", 0);
            for (String topic : gatewayTopics) {
                try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "s1", token)) {
                    device.tryPublish(topic, "{}", 1);
                    assertThat(device.awaitConnectionLost(WAIT)).as(topic).isTrue();
                }
            }
            assertThat(app.drain(QUIET)).isEmpty();
            assertThat(gw.drain(QUIET)).isEmpty();
        }
        assertThat(iotf.devices().device(org.id(), "other", "new1")).isEmpty();
        assertThat(iotf.devices().device(org.id(), "sensor", "s2")).isEmpty();
    }

    @Test
    void deviceUsingTheGatewayFormOfDeviceManagementGetsRc404(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        String token = org.registerDevice("sensor", "s1");
        org.registerDevice("sensor", "s2");
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "s1", token)) {
            assertThat(device.subscribe("iotdm-1/#", 1)).isEqualTo(1);
            // the gateway form of a request (later contract 3.5.1), for another device and for itself: an operation
            // a device does not have, answered rc 404 (3.5.2), not carried out
            for (String target : List.of("s2", "s1")) {
                device.publish("iotdevice-1/type/sensor/id/" + target + "/mgmt/manage",
                        "{\"d\":{\"supports\":{\"deviceActions\":true}},\"reqId\":\"gw-form-" + target + "\"}", 1);
                Received response = device.poll(WAIT);
                assertThat(response).as(target).isNotNull();
                assertThat(response.topic()).isEqualTo("iotdm-1/response");
                JsonNode r = new ObjectMapper().readTree(response.payload());
                assertThat(r.get("rc").asInt()).isEqualTo(404);
                assertThat(r.get("reqId").asText()).isEqualTo("gw-form-" + target);
            }
            assertThat(device.isConnected()).isTrue();
        }
        Http api = new Http(iotf.httpUrl("v0002"), org.apiKey(), org.apiToken());
        for (String id : List.of("s1", "s2")) {
            assertThat(api.get("/device/types/sensor/devices/" + id + "/mgmt").status()).as("managed: " + id)
                    .isEqualTo(404);
        }
    }
}
