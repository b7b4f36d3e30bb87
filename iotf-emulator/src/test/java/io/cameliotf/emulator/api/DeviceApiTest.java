package io.cameliotf.emulator.api;

import static io.cameliotf.emulator.AuthenticationTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Device Management API [3.1] over real HTTP, every endpoint and every error. */
@ExtendWith(IotfEmulatorExtension.class)
class DeviceApiTest {

    static Http api(IotfEmulator iotf, TestOrganization org) {
        return new Http(iotf.httpUrl(), org.apiKey(), org.apiToken());
    }

    @Test
    void viewOrganization(IotfEmulator iotf, TestOrganization org) throws Exception {
        for (String path : new String[] {"", "/"}) {
            Http.Response r = api(iotf, org).get(path);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            JsonNode json = r.json();
            assertThat(json.get("id").asText()).isEqualTo(org.id());
            assertThat(json.get("name").asText()).isEqualTo("Test organization " + org.id());
            assertThat(OffsetDateTime.parse(json.get("created").asText())).isNotNull();
            assertThat(OffsetDateTime.parse(json.get("updated").asText())).isNotNull();
            assertThat(r.header("Authorization")).isNull();
        }
    }

    @Test
    void registerThenConnectOverMqttWithTheReturnedToken(IotfEmulator iotf, TestOrganization org) throws Exception {
        Http.Response r = api(iotf, org).post("/devices",
                "{\"type\":\"raspberrypi-sample\",\"id\":\"1958138a4dfe\",\"metadata\":{\"address\":{\"number\":29}}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.header("Location")).endsWith("/api/v0001/devices/raspberrypi-sample/1958138a4dfe").startsWith("http://");
        JsonNode json = r.json();
        assertThat(json.get("uuid").asText()).isEqualTo("d:" + org.id() + ":raspberrypi-sample:1958138a4dfe");
        assertThat(json.get("type").asText()).isEqualTo("raspberrypi-sample");
        assertThat(json.get("id").asText()).isEqualTo("1958138a4dfe");
        assertThat(json.get("metadata").get("address").get("number").asInt()).isEqualTo(29);
        assertThat(json.get("registration").get("auth").get("id").asText()).isEqualTo(org.apiKey());
        assertThat(json.get("registration").get("auth").get("type").asText()).isEqualTo("apiKey");
        assertThat(OffsetDateTime.parse(json.get("registration").get("date").asText())).isNotNull();
        String token = json.get("password").asText();
        assertThat(token).hasSizeGreaterThanOrEqualTo(16);
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "raspberrypi-sample", "1958138a4dfe", token)) {
            assertThat(device.isConnected()).isTrue();
        }
        Http.Response again = api(iotf, org).get("/devices/raspberrypi-sample/1958138a4dfe");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().has("password")).as("the token is returned once only").isFalse();
        Http.Response duplicate = api(iotf, org).post("/devices", "{\"type\":\"raspberrypi-sample\",\"id\":\"1958138a4dfe\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("message").asText()).contains("already registered");
    }

    @Test
    void listsDevicesAllAndByTypeAndCountsTypes(IotfEmulator iotf, TestOrganization org) throws Exception {
        org.registerDevice("mbed", "b1");
        org.registerDevice("pi", "a1");
        org.registerDevice("pi", "a2");
        Http api = api(iotf, org);
        JsonNode all = api.get("/devices").json();
        assertThat(all).hasSize(3);
        assertThat(all.get(0).get("uuid").asText()).isEqualTo("d:" + org.id() + ":mbed:b1");
        assertThat(all.get(0).has("password")).isFalse();
        JsonNode pis = api.get("/devices/pi").json();
        assertThat(pis).extracting(d -> d.get("id").asText()).containsExactly("a1", "a2");
        JsonNode types = api.get("/device-types").json();
        assertThat(types.toString()).isEqualTo("[{\"deviceType\":\"mbed\",\"count\":1},{\"deviceType\":\"pi\",\"count\":2}]");
        assertThat(api.get("/devices/none").json()).isEmpty();
    }

    @Test
    void updateChangesOnlyTheMetadata(IotfEmulator iotf, TestOrganization org) throws Exception {
        org.registerDevice("pi", "u1");
        Http api = api(iotf, org);
        Http.Response r = api.put("/devices/pi/u1", "{\"metadata\":{\"address\":{\"number\":21,\"street\":\"Acacia Avenue\"}}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("metadata").get("address").get("street").asText()).isEqualTo("Acacia Avenue");
        assertThat(api.get("/devices/pi/u1").json().get("metadata").get("address").get("number").asInt()).isEqualTo(21);
        assertThat(api.put("/devices/pi/none", "{\"metadata\":{}}").status()).isEqualTo(404);
        assertThat(api.put("/devices/pi/u1", "{\"metadata\":[1]}").status()).isEqualTo(400);
        assertThat(api.put("/devices/pi/u1", "{\"type\":\"x\"}").json().get("message").asText()).contains("'metadata' is required");
        assertThat(api.get("/devices/pi/u1").json().get("metadata").get("address").get("number").asInt())
                .as("nothing was half-written by the refused updates").isEqualTo(21);
    }

    @Test
    void deleteRevokesTheDevice(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("pi", "d1");
        Http api = api(iotf, org);
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "pi", "d1", token)) {
            Http.Response r = api.delete("/devices/pi/d1");
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.body()).isEmpty();
            assertThat(device.awaitConnectionLost(Duration.ofSeconds(5))).as("the live connection is dropped").isTrue();
        }
        assertRefused(() -> MqttTestClient.device(iotf, org.id(), "pi", "d1", token), 5);
        assertThat(api.get("/devices/pi/d1").status()).isEqualTo(404);
        assertThat(api.delete("/devices/pi/d1").status()).isEqualTo(404);
    }

    @Test
    void validationErrorsSayWhatIsWrongAndWriteNothing(IotfEmulator iotf, TestOrganization org) throws Exception {
        Http api = api(iotf, org);
        assertBadRequest(api.post("/devices", "{\"type\":\"pi\",\"id\":\"" + "x".repeat(33) + "\"}"), "longer than 32 characters");
        assertBadRequest(api.post("/devices", "{\"type\":\"p i\",\"id\":\"x\"}"), "contains ' '");
        assertBadRequest(api.post("/devices", "{\"type\":\"pi\"}"), "'id' is required");
        assertBadRequest(api.post("/devices", "{\"type\":7,\"id\":\"x\"}"), "'type' must be a string, not number");
        assertBadRequest(api.post("/devices", "{\"type\":\"pi\",\"id\":\"x\",\"metadata\":\"m\"}"), "'metadata' must be a JSON object");
        assertBadRequest(api.post("/devices", "{\"type\":\"pi\",\"id\":"), "not valid JSON");
        assertBadRequest(api.post("/devices", "[1,2]"), "must be a JSON object, not array");
        assertBadRequest(api.get("/devices/" + "y".repeat(40)), "longer than 32 characters");
        assertThat(api.get("/devices").json()).as("nothing was registered").isEmpty();
    }

    @Test
    void authenticationErrors(IotfEmulator iotf, TestOrganization org, TestOrganization other) throws Exception {
        Http.Response none = new Http(iotf.httpUrl(), null, null).get("/devices");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Basic realm=\"IoTF\"");
        assertThat(none.json().get("message").asText()).contains("HTTP Basic");
        Http.Response wrong = new Http(iotf.httpUrl(), org.apiKey(), "wrong").get("/devices");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).isNotNull();
        // one answer whichever part is wrong, so that the API tells nobody which keys exist
        assertThat(wrong.json().get("message").asText()).isEqualTo("CUDLS0401E: The API key or its token is not valid");
        assertThat(new Http(iotf.httpUrl(), "a-" + org.id() + "-nosuchkey0", "x").get("/").status()).isEqualTo(401);
        String token = org.registerDevice("pi", "dev");
        Http.Response device = new Http(iotf.httpUrl(), "use-token-auth", token).get("/devices");
        assertThat(device.status()).isEqualTo(401);
        assertThat(device.json().get("message").asText()).contains("Device tokens cannot use the API");
        Http.Response otherOrgHost = api(iotf, org).get("/devices", "Host", other.id() + ".localhost:" + iotf.httpPort());
        assertThat(otherOrgHost.status()).isEqualTo(403);
        assertThat(otherOrgHost.json().get("message").asText()).contains("cannot be used for organization " + other.id());
        assertThat(api(iotf, org).get("/devices", "Host", org.id() + ".localhost:" + iotf.httpPort()).status()).isEqualTo(200);
        assertThat(api(iotf, org).get("/devices?org=" + other.id()).status()).isEqualTo(403);
        assertThat(api(iotf, org).get("/devices", "Host", other.id() + "." + iotf.domain()).status()).isEqualTo(403);
    }

    @Test
    void httpsServesTheSameApiWithTheMqttCertificate(IotfEmulator iotf, TestOrganization org) throws Exception {
        Http https = new Http(iotf.httpsUrl().replace(iotf.host(), "localhost"), org.apiKey(), org.apiToken(),
                iotf.tls().clientSslContext());
        Http.Response r = https.get("/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("id").asText()).isEqualTo(org.id());
        Http.Response created = https.post("/devices", "{\"type\":\"pi\",\"id\":\"secure1\"}");
        assertThat(created.header("Location")).startsWith("https://localhost:" + iotf.httpsPort());
    }

    static void assertBadRequest(Http.Response r, String message) throws Exception {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().get("status").asInt()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains(message);
    }
}
