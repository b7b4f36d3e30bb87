package io.cameliotf.emulator;

import static io.cameliotf.emulator.AuthenticationTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.emulator.registry.NewDeviceType;
import io.cameliotf.emulator.store.DeviceInfo;
import io.cameliotf.emulator.store.DeviceType;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The gateway role (later contract 3.4): identity, topic space and refusals, with the plain Paho client. */
@ExtendWith(IotfEmulatorExtension.class)
class GatewayTest {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration QUIET = Duration.ofMillis(500);
    static final String EVENTS = "iot-2/type/+/id/+/evt/+/fmt/+";

    @Test
    void gatewayPublishesForItselfAndForADeviceAsTheirOwnEvents(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        String gwToken = registerGateway(iotf, org, "gw", "gw1");
        org.registerDevice("sensor", "s1");
        try (MqttTestClient app = TopicSpaceTest.app(iotf, org, "watcher");
                MqttTestClient gw = gateway(iotf, org, "gw", "gw1", gwToken)) {
            app.subscribe(EVENTS, 1);
            gw.publish("iot-2/type/gw/id/gw1/evt/status/fmt/json", "{\"up\":true}", 1);
            gw.publish("iot-2/type/sensor/id/s1/evt/temp/fmt/json", "{\"t\":21}", 1);
            // both arrive (each waited for), in order, and nothing more
            assertThat(Arrays.asList(app.poll(WAIT), app.poll(WAIT))).doesNotContainNull()
                    .extracting(Received::topic, Received::text).containsExactly(
                    tuple("iot-2/type/gw/id/gw1/evt/status/fmt/json", "{\"up\":true}"),
                    tuple("iot-2/type/sensor/id/s1/evt/temp/fmt/json", "{\"t\":21}"));
            assertThat(app.drain(QUIET)).isEmpty();
        }
        // the event hook is the device's own: the last event cache holds it under the device
        assertThat(iotf.lastEvents().event(org.id(), "sensor", "s1", "temp")).isNotNull();
    }

    @Test
    void commandToADeviceBehindTheGatewayReachesItsWildcardSubscription(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        String gwToken = registerGateway(iotf, org, "gw", "gw1");
        org.registerDevice("sensor", "s1");
        try (MqttTestClient app = TopicSpaceTest.app(iotf, org, "commander");
                MqttTestClient gw = gateway(iotf, org, "gw", "gw1", gwToken)) {
            assertThat(gw.subscribe("iot-2/type/+/id/+/cmd/+/fmt/+", 1)).isEqualTo(1);
            app.publish("iot-2/type/sensor/id/s1/cmd/reboot/fmt/json", "{\"delay\":5}", 1);
            Received r = gw.poll(WAIT);
            assertThat(r).isNotNull();
            assertThat(r.topic()).isEqualTo("iot-2/type/sensor/id/s1/cmd/reboot/fmt/json");
            assertThat(r.text()).isEqualTo("{\"delay\":5}");
        }
    }

    @Test
    void gatewayNeverReachesAnotherOrganization(IotfEmulator iotf, TestOrganization org, TestOrganization other)
            throws Exception {
        String gwToken = registerGateway(iotf, org, "gw", "gw1");
        String otherToken = other.registerDevice("sensor", "s1");
        try (MqttTestClient otherApp = TopicSpaceTest.app(iotf, other, "app");
                MqttTestClient otherDevice = MqttTestClient.device(iotf, other.id(), "sensor", "s1", otherToken);
                MqttTestClient gw = gateway(iotf, org, "gw", "gw1", gwToken)) {
            otherApp.subscribe(EVENTS, 1);
            otherDevice.subscribe("iot-2/cmd/+/fmt/+", 1);
            assertThat(gw.subscribe(other.id() + "/iot-2/type/sensor/id/s1/cmd/+/fmt/+", 1)).isEqualTo(0x80);
            assertThat(gw.subscribe("iot-2/type/sensor/id/s1/cmd/+/fmt/+", 1)).isEqualTo(1);
            otherApp.publish("iot-2/type/sensor/id/s1/cmd/reboot/fmt/json", "{}", 1);
            gw.publish("iot-2/type/sensor/id/s1/evt/temp/fmt/json", "from the gateway", 1);
            Received command = otherDevice.poll(WAIT);
            assertThat(command).isNotNull();
            assertThat(command.text()).isEqualTo("{}");
            assertThat(gw.drain(QUIET)).isEmpty();
            assertThat(otherApp.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void gatewaySubscriptionsOutsideItsSpaceAreRefusedAndNotified(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        String gwToken = registerGateway(iotf, org, "gw", "gw1");
        try (MqttTestClient gw = gateway(iotf, org, "gw", "gw1", gwToken)) {
            assertThat(gw.subscribe("iot-2/type/gw/id/gw1/notify", 0)).isEqualTo(0);
            assertThat(gw.subscribe(EVENTS, 1)).isEqualTo(0x80);
            JsonNode notice = new ObjectMapper().readTree(gw.poll(WAIT).payload());
            assertThat(notice.get("Request").asText()).isEqualTo("subscribe");
            assertThat(notice.get("Topic").asText()).isEqualTo(EVENTS);
            assertThat(notice.get("Type").asText()).isEqualTo("+");
            assertThat(notice.get("Client").asText()).isEqualTo("g:" + org.id() + ":gw:gw1");
            assertThat(notice.get("RC").asInt()).isEqualTo(0x80);
            assertThat(notice.has("Time")).isTrue();
            assertThat(notice.get("Message").asText()).contains("outside");
            assertThat(gw.subscribe("#", 0)).isEqualTo(0x80);
            assertThat(gw.subscribe("iot-2/app/+/mon", 0)).isEqualTo(0x80);
            assertThat(gw.subscribe("iot-2/type/+/id/+/cmd/+/fmt/#", 0)).isEqualTo(0x80);
            assertThat(gw.subscribe("iot-2/type/other/id/gw2/notify", 0)).isEqualTo(0x80);
            assertThat(gw.subscribe("iot-2/cmd/+/fmt/+", 0)).isEqualTo(0x80);
            assertThat(gw.isConnected()).isTrue();
        }
    }

    @Test
    void gatewayPublishingACommandIsDisconnected(IotfEmulator iotf, TestOrganization org) throws Exception {
        String gwToken = registerGateway(iotf, org, "gw", "gw1");
        org.registerDevice("sensor", "s1");
        try (MqttTestClient app = TopicSpaceTest.app(iotf, org, "cmdwatch");
                MqttTestClient gw = gateway(iotf, org, "gw", "gw1", gwToken)) {
            app.subscribe("iot-2/type/+/id/+/cmd/+/fmt/+", 1);
            gw.tryPublish("iot-2/type/sensor/id/s1/cmd/reboot/fmt/json", "{}", 1);
            assertThat(gw.awaitConnectionLost(WAIT)).isTrue();
            assertThat(app.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void gatewayLoginNeedsAGatewayTypeAndItsToken(IotfEmulator iotf, TestOrganization org) throws Exception {
        String deviceToken = org.registerDevice("sensor", "s1");
        String gwToken = registerGateway(iotf, org, "gw", "gw1");
        assertRefused(() -> gateway(iotf, org, "sensor", "s1", deviceToken), 5);
        assertRefused(() -> gateway(iotf, org, "gw", "gw1", deviceToken), 5);
        assertRefused(() -> gateway(iotf, org, "gw", "unknown", gwToken), 5);
        assertRefused(() -> MqttTestClient.builder(iotf.mqttUrl(), "g:" + org.id() + ":gw:gw1").username("someone")
                .password(gwToken).connect(), 5);
        assertRefused(() -> gateway(iotf, org, "gw", "gw1", gwToken, "quickstart"), 5);
        try (MqttTestClient gw = gateway(iotf, org, "gw", "gw1", gwToken)) {
            assertThat(gw.isConnected()).isTrue();
        }
    }

    @Test
    void gatewayConnectIsAnnouncedOnItsDeviceStatusTopic(IotfEmulator iotf, TestOrganization org) throws Exception {
        String gwToken = registerGateway(iotf, org, "gw", "gw1");
        try (MqttTestClient app = TopicSpaceTest.app(iotf, org, "status")) {
            app.subscribe("iot-2/type/gw/id/gw1/mon", 1);
            try (MqttTestClient gw = gateway(iotf, org, "gw", "gw1", gwToken)) {
                JsonNode connect = new ObjectMapper().readTree(app.poll(WAIT).payload());
                assertThat(connect.get("Action").asText()).isEqualTo("Connect");
                assertThat(connect.get("ClientID").asText()).isEqualTo("g:" + org.id() + ":gw:gw1");
            }
        }
    }

    @Test
    void gatewaySeesTheStatusOfDevicesOfItsOrganization(IotfEmulator iotf, TestOrganization org) throws Exception {
        String gwToken = registerGateway(iotf, org, "gw", "gw1");
        String token = org.registerDevice("sensor", "s1");
        try (MqttTestClient gw = gateway(iotf, org, "gw", "gw1", gwToken)) {
            assertThat(gw.subscribe("iot-2/type/+/id/+/mon", 0)).isEqualTo(0);
            try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "s1", token)) {
                MqttTestClient.Received status = gw.poll(WAIT);
                while (status != null && !status.topic().equals("iot-2/type/sensor/id/s1/mon")) {
                    status = gw.poll(WAIT); // its own retained Connect comes first
                }
                assertThat(status).isNotNull();
                assertThat(new ObjectMapper().readTree(status.payload()).get("Action").asText()).isEqualTo("Connect");
            }
        }
    }

    @Test
    void deletingTheGatewayDeviceDropsItsGatewayConnection(IotfEmulator iotf, TestOrganization org) throws Exception {
        String gwToken = registerGateway(iotf, org, "gw", "gw1");
        try (MqttTestClient gw = gateway(iotf, org, "gw", "gw1", gwToken)) {
            iotf.devices().delete(org.id(), "gw", "gw1");
            assertThat(gw.awaitConnectionLost(WAIT)).isTrue();
        }
    }

    @Test
    void deviceCannotUseTheGatewayPatterns(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "s1");
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "s1", token)) {
            assertThat(device.subscribe("iot-2/type/+/id/+/cmd/+/fmt/+", 1)).isEqualTo(0x80);
            assertThat(device.subscribe("iot-2/type/sensor/id/s1/cmd/+/fmt/+", 1)).isEqualTo(0x80);
            assertThat(device.subscribe("iot-2/type/sensor/id/s1/notify", 0)).isEqualTo(0x80);
            assertThat(device.isConnected()).isTrue();
        }
    }

    /** Registers a gateway type (unless it exists) and a gateway of it; returns the gateway's token. */
    static String registerGateway(IotfEmulator iotf, TestOrganization org, String type, String id) {
        if (iotf.devices().type(org.id(), type).isEmpty()) {
            iotf.devices().createType(org.id(), new NewDeviceType(type, DeviceType.GATEWAY, null, DeviceInfo.EMPTY,
                    null));
        }
        return org.registerDevice(type, id);
    }

    static MqttTestClient gateway(IotfEmulator iotf, TestOrganization org, String type, String id, String token)
            throws Exception {
        return gateway(iotf, org, type, id, token, org.id());
    }

    static MqttTestClient gateway(IotfEmulator iotf, TestOrganization org, String type, String id, String token,
            String orgId) throws Exception {
        return MqttTestClient.builder(iotf.mqttUrl(), "g:" + orgId + ':' + type + ':' + id).username("use-token-auth")
                .password(token).connect();
    }
}
