package io.cameliotf.emulator.api;

import static io.cameliotf.emulator.AuthenticationTest.assertRefused;
import static io.cameliotf.emulator.api.V2RegistryTest.assertError;
import static io.cameliotf.emulator.api.V2RegistryTest.v2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.emulator.store.ApiKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** API keys (later contract 2.13) [2.3.3: "API keys can be individually revoked"], over real HTTP and MQTT. */
@ExtendWith(IotfEmulatorExtension.class)
class V2ApiKeysTest {

    @Test
    void createdKeysWorkOnMqttAndRestAndAreListedWithoutTokens(IotfEmulator iotf, TestOrganization org) throws Exception {
        Http api = v2(iotf, org);
        Http.Response created = api.post("/authorization/apikeys", "{\"comment\":\"for the relay\",\"roles\":[\"PD_STANDARD_APP\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String key = created.json().get("key").asText();
        String token = created.json().get("token").asText();
        assertThat(key).matches("a-" + org.id() + "-[A-Za-z0-9]{10}");
        assertThat(token).hasSize(18);
        assertThat(created.json().get("comment").asText()).isEqualTo("for the relay");
        assertThat(created.json().get("roles").get(0).asText()).isEqualTo("PD_STANDARD_APP");

        assertThat(new Http(iotf.httpUrl("v0002"), key, token).get("/").status()).isEqualTo(200);
        try (MqttTestClient app = MqttTestClient.application(iotf, org.appClientId("relay"), key, token)) {
            assertThat(app.isConnected()).isTrue();
        }
        JsonNode list = api.get("/authorization/apikeys").json();
        assertThat(list).extracting(k -> k.get("key").asText()).contains(org.apiKey(), key);
        assertThat(list.toString()).doesNotContain(token).doesNotContain("token");
        JsonNode one = api.get("/authorization/apikeys/" + key).json();
        assertThat(one.get("comment").asText()).isEqualTo("for the relay");
        assertThat(one.has("token")).isFalse();
        ApiKey stored = iotf.registry().apiKey(key).orElseThrow();
        assertThat(stored.tokenHash()).as("stored salted and hashed").startsWith("pbkdf2-sha256$").doesNotContain(token);
    }

    @Test
    void aDeletedKeyStopsWorkingEverywhereAtOnce(IotfEmulator iotf, TestOrganization org) throws Exception {
        Http api = v2(iotf, org);
        JsonNode created = api.post("/authorization/apikeys", "{}").json();
        String key = created.get("key").asText();
        String token = created.get("token").asText();
        Http withKey = new Http(iotf.httpUrl("v0002"), key, token);
        assertThat(withKey.get("/device/types").status()).as("the token is cached after this").isEqualTo(200);
        try (MqttTestClient app = MqttTestClient.application(iotf, org.appClientId("a1"), key, token);
                MqttTestClient shared1 = MqttTestClient.application(iotf, "A:" + org.id() + ":pool", key, token);
                MqttTestClient shared2 = MqttTestClient.application(iotf, "A:" + org.id() + ":pool", key, token);
                MqttTestClient other = MqttTestClient.application(iotf, org.appClientId("a2"), org.apiKey(), org.apiToken())) {
            Http.Response deleted = api.delete("/authorization/apikeys/" + key);
            assertThat(deleted.status()).isEqualTo(200);
            assertThat(app.awaitConnectionLost(Duration.ofSeconds(5))).as("its live connections are dropped").isTrue();
            assertThat(shared1.awaitConnectionLost(Duration.ofSeconds(5))).isTrue();
            assertThat(shared2.awaitConnectionLost(Duration.ofSeconds(5))).isTrue();
            assertThat(other.isConnected()).as("another key's connection stays").isTrue();
        }
        assertError(withKey.get("/device/types"), 401, "The API key or its token is not valid");
        assertRefused(() -> MqttTestClient.application(iotf, org.appClientId("a1"), key, token), 5);
        assertError(api.delete("/authorization/apikeys/" + key), 404, "has no API key " + key);
        assertError(api.get("/authorization/apikeys/" + key), 404, "has no API key");
    }

    @Test
    void keysOfAnotherOrganizationAreNeitherSeenNorDeleted(IotfEmulator iotf, TestOrganization org, TestOrganization other)
            throws Exception {
        assertThat(v2(iotf, org).get("/authorization/apikeys").json().toString()).doesNotContain(other.apiKey());
        assertThat(v2(iotf, org).delete("/authorization/apikeys/" + other.apiKey()).status()).isEqualTo(404);
        assertThat(v2(iotf, other).get("/").status()).as("still valid").isEqualTo(200);
        assertError(v2(iotf, org).post("/authorization/apikeys", "{\"roles\":\"admin\"}"), 400, "'roles' must be an array");
    }
}
