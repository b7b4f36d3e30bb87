package io.cameliotf.emulator;

import static io.cameliotf.emulator.AuthenticationTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.junit.TestOrganization;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Device and application status messages [4.3.5, 5.3.7, 5.3.8]. */
@ExtendWith(IotfEmulatorExtension.class)
class StatusTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void deviceConnectAndDisconnectAreAnnouncedOnce(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "st1");
        try (MqttTestClient monitor = TopicSpaceTest.app(iotf, org, "monitor")) {
            assertThat(monitor.subscribe("iot-2/type/+/id/+/mon", 1)).isEqualTo(1);
            try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "st1", token)) {
                device.publish("iot-2/evt/a/fmt/json", "{\"d\":{}}", 1);
                device.publish("iot-2/evt/b/fmt/json", "{\"d\":{}}", 1);
            }
            List<Received> messages = monitor.drain(Duration.ofSeconds(1));
            assertThat(messages).hasSize(2);
            assertThat(messages).extracting(Received::topic).containsOnly("iot-2/type/sensor/id/st1/mon");
            JsonNode connect = JSON.readTree(messages.get(0).payload());
            JsonNode disconnect = JSON.readTree(messages.get(1).payload());
            assertThat(connect.get("Action").asText()).isEqualTo("Connect");
            assertThat(connect.get("ClientID").asText()).isEqualTo(org.deviceClientId("sensor", "st1"));
            assertThat(connect.get("ClientAddr").asText()).isEqualTo("127.0.0.1");
            assertThat(connect.get("Port").asInt()).isEqualTo(iotf.mqttPort());
            assertThat(connect.get("Secure").asBoolean()).isFalse();
            assertThat(connect.get("Protocol").asText()).isEqualTo("mqtt4");
            assertThat(connect.get("User").asText()).isEqualTo("use-token-auth");
            assertThat(connect.get("Durable").asBoolean()).isFalse();
            assertThat(OffsetDateTime.parse(connect.get("Time").asText())).isNotNull();
            assertThat(OffsetDateTime.parse(connect.get("ConnectTime").asText())).isNotNull();
            assertThat(connect.has("Reason")).isFalse();
            assertThat(disconnect.get("Action").asText()).isEqualTo("Disconnect");
            assertThat(disconnect.get("ReadMsg").asInt()).isEqualTo(2);
            assertThat(disconnect.get("WriteMsg").asInt()).isZero();
            assertThat(disconnect.get("ReadBytes").asLong()).isGreaterThan(2 * "{\"d\":{}}".length());
            assertThat(disconnect.get("WriteBytes").asLong()).isZero();
            assertThat(disconnect.get("Reason").asText()).isEqualTo("The client disconnected.");
            assertThat(disconnect.get("CloseCode").asInt()).isZero();
            assertThat(disconnect.get("ConnectTime").asText()).isEqualTo(connect.get("ConnectTime").asText());
        }
    }

    @Test
    void refusedLoginsPublishNothing(IotfEmulator iotf, TestOrganization org) throws Exception {
        org.registerDevice("sensor", "st2");
        try (MqttTestClient monitor = TopicSpaceTest.app(iotf, org, "monitor")) {
            monitor.subscribe("iot-2/type/+/id/+/mon", 1);
            monitor.subscribe("iot-2/app/+/mon", 1);
            assertRefused(() -> MqttTestClient.device(iotf, org.id(), "sensor", "st2", "wrong"), 5);
            assertRefused(() -> MqttTestClient.application(iotf, org.appClientId("x"), org.apiKey(), "wrong"), 5);
            assertThat(monitor.drain(Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void applicationStatusAndTakeOverAreReported(IotfEmulator iotf, TestOrganization org) throws Exception {
        try (MqttTestClient monitor = TopicSpaceTest.app(iotf, org, "monitor")) {
            monitor.subscribe("iot-2/app/+/mon", 1);
            MqttTestClient first = TopicSpaceTest.app(iotf, org, "worker");
            MqttTestClient second = TopicSpaceTest.app(iotf, org, "worker");
            assertThat(first.awaitConnectionLost(WAIT)).isTrue();
            second.close();
            first.close();
            List<JsonNode> status = new ArrayList<>();
            for (Received r : monitor.drain(Duration.ofSeconds(1))) {
                if (r.topic().equals("iot-2/app/worker/mon")) {
                    status.add(JSON.readTree(r.payload()));
                }
            }
            assertThat(status).extracting(s -> s.get("Action").asText())
                    .containsExactlyInAnyOrder("Connect", "Connect", "Disconnect", "Disconnect");
            assertThat(status).filteredOn(s -> s.get("Action").asText().equals("Disconnect"))
                    .extracting(s -> s.get("Reason").asText())
                    .anySatisfy(reason -> assertThat(reason).contains("took this one over"));
            assertThat(status).allSatisfy(s -> assertThat(s.get("User").asText()).isEqualTo(org.apiKey()));
        }
    }

    @Test
    void sharedApplicationsAnnounceTheirOwnClientId(IotfEmulator iotf, TestOrganization org) throws Exception {
        try (MqttTestClient monitor = TopicSpaceTest.app(iotf, org, "monitor")) {
            monitor.subscribe("iot-2/app/grp/mon", 1);
            MqttTestClient.application(iotf, "A:" + org.id() + ":grp", org.apiKey(), org.apiToken()).close();
            List<Received> status = monitor.drain(Duration.ofSeconds(1));
            assertThat(status).hasSize(2);
            assertThat(JSON.readTree(status.get(0).payload()).get("ClientID").asText()).isEqualTo("A:" + org.id() + ":grp");
        }
    }

    @Test
    void deletedDeviceIsDroppedWithAReason(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "gone");
        try (MqttTestClient monitor = TopicSpaceTest.app(iotf, org, "monitor");
                MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "gone", token)) {
            monitor.subscribe("iot-2/type/+/id/gone/mon", 1);
            iotf.devices().delete(org.id(), "sensor", "gone");
            assertThat(device.awaitConnectionLost(WAIT)).isTrue();
            Received r = monitor.poll(WAIT);
            assertThat(r).isNotNull();
            JsonNode status = JSON.readTree(r.payload());
            assertThat(status.get("Action").asText()).isEqualTo("Disconnect");
            assertThat(status.get("Reason").asText()).contains("deleted");
        }
        assertRefused(() -> MqttTestClient.device(iotf, org.id(), "sensor", "gone", token), 5);
    }
}
