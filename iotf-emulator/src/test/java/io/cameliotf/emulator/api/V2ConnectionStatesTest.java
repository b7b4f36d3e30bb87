package io.cameliotf.emulator.api;

import static io.cameliotf.emulator.AuthenticationTest.assertRefused;
import static io.cameliotf.emulator.api.V2RegistryTest.assertError;
import static io.cameliotf.emulator.api.V2RegistryTest.v2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Client connection states and the connection log (later contract 2.8, 2.9), from the gateway's session records. */
@ExtendWith(IotfEmulatorExtension.class)
class V2ConnectionStatesTest {

    @Test
    void connectAndDisconnectAreRecorded(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "c1");
        Http api = v2(iotf, org);
        String clientId = org.deviceClientId("sensor", "c1");
        assertError(api.get("/clientconnectionstates/" + clientId), 404, "No client " + clientId);
        Instant before = Instant.now().minusSeconds(1);
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "c1", token)) {
            device.publish("iot-2/evt/e/fmt/json", "{}", 1);
            JsonNode state = await().atMost(Duration.ofSeconds(5))
                    .until(() -> api.get("/clientconnectionstates/" + clientId).json(), s -> s.has("lastActivityTime"));
            assertThat(state.get("id").asText()).isEqualTo(clientId);
            assertThat(state.get("clientType").asText()).isEqualTo("device");
            assertThat(state.get("connectionStatus").asText()).isEqualTo("connected");
            assertThat(state.get("mqttConnectProtocol").asText()).isEqualTo("3.1.1");
            assertThat(OffsetDateTime.parse(state.get("lastConnectTime").asText()).toInstant()).isAfter(before);
            JsonNode connected = api.get("/clientconnectionstates?connectionStatus=connected").json();
            assertThat(connected.get("results")).extracting(s -> s.get("id").asText()).containsExactly(clientId);
        }
        JsonNode after = await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/clientconnectionstates/" + clientId)
                .json(), s -> s.get("connectionStatus").asText().equals("disconnected"));
        assertThat(after.get("disconnectReason").asText()).isEqualTo("The client disconnected.");
        assertThat(OffsetDateTime.parse(after.get("lastDisconnectTime").asText())).isNotNull();
        assertThat(api.get("/clientconnectionstates?connectionStatus=connected").json().get("results")).isEmpty();
        assertThat(api.get("/clientconnectionstates?connectedAfter=" + before).json().get("results")).hasSize(1);
        assertThat(api.get("/clientconnectionstates?connectedAfter=2999-01-01T00:00:00Z").json().get("results")).isEmpty();
        assertThat(api.get("/clientconnectionstates?deviceType=sensor").json().get("meta").get("totalRows").asInt())
                .isEqualTo(1);
        assertError(api.get("/clientconnectionstates?connectionStatus=maybe"), 400, "connected or disconnected");
    }

    @Test
    void aDeviceBehindAGatewayShowsAsDisconnected(IotfEmulator iotf, TestOrganization org, TestOrganization other)
            throws Exception {
        iotf.devices().registerForGateway(org.id(), "sensor", "behind", "gw", "g1");
        String clientId = org.deviceClientId("sensor", "behind");
        JsonNode state = v2(iotf, org).get("/clientconnectionstates/" + clientId).json();
        assertThat(state.get("id").asText()).isEqualTo(clientId);
        assertThat(state.get("clientType").asText()).isEqualTo("device");
        assertThat(state.get("connectionStatus").asText()).isEqualTo("disconnected");
        assertThat(v2(iotf, other).get("/clientconnectionstates/" + clientId).status()).isEqualTo(404);
    }

    @Test
    void theConnectionLogShowsRefusalsToo(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "c2");
        assertRefused(() -> MqttTestClient.device(iotf, org.id(), "sensor", "c2", "wrong-token"), 5);
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "c2", token)) {
            assertThat(device.isConnected()).isTrue();
        }
        Http api = v2(iotf, org);
        JsonNode log = await().atMost(Duration.ofSeconds(5)).until(
                () -> api.get("/logs/connection?typeId=sensor&deviceId=c2").json(), l -> l.size() == 3);
        assertThat(log.get(0).get("message").asText()).startsWith("Disconnected: The client disconnected.");
        assertThat(log.get(1).get("message").asText()).startsWith("Connected from 127.0.0.1 on port " + iotf.mqttPort());
        assertThat(log.get(2).get("message").asText()).contains("Connection refused").contains("wrong token")
                .doesNotContain("wrong-token");
        assertThat(OffsetDateTime.parse(log.get(0).get("timestamp").asText())).isNotNull();
    }

    @Test
    void applicationsAreListedButNotOtherOrganizations(IotfEmulator iotf, TestOrganization org, TestOrganization other)
            throws Exception {
        try (MqttTestClient app = MqttTestClient.application(iotf, org.appClientId("listed"), org.apiKey(), org.apiToken());
                MqttTestClient stranger = MqttTestClient.application(iotf, other.appClientId("hidden"), other.apiKey(),
                        other.apiToken())) {
            JsonNode states = await().atMost(Duration.ofSeconds(5))
                    .until(() -> v2(iotf, org).get("/clientconnectionstates").json(), s -> s.get("results").size() == 1);
            assertThat(states.get("results").get(0).get("clientType").asText()).isEqualTo("application");
            assertThat(v2(iotf, org).get("/clientconnectionstates/" + other.appClientId("hidden")).status()).isEqualTo(404);
        }
    }
}
