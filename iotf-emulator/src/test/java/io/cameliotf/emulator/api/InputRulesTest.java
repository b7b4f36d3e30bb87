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
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The input rules of the REST API: names that must round-trip through their URL path, tokens without control
 * characters, JSON bodies within limits and of the right Content-Type, and errors that are always JSON.
 */
@ExtendWith(IotfEmulatorExtension.class)
class InputRulesTest {

    @Test
    void dotSegmentIdsAreRefusedEverywhereIdsAreTaken(IotfEmulator iotf, TestOrganization org) throws Exception {
        Http v2 = v2(iotf, org);
        Http v1 = DeviceApiTest.api(iotf, org);
        assertError(v2.post("/device/types", "{\"id\":\".\"}"), 400, "Device type '.' is '.', which a URL path resolves away");
        assertThat(v2.post("/device/types", "{\"id\":\"sensor\"}").status()).isEqualTo(201);
        assertError(v2.post("/device/types/sensor/devices", "{\"deviceId\":\"..\"}"), 400, "Device id '..' is '..'");
        assertError(v1.post("/devices", "{\"type\":\"sensor\",\"id\":\"..\"}"), 400, "The device id '..' is '..'");
        assertError(v1.post("/devices", "{\"type\":\".\",\"id\":\"d\"}"), 400, "The device type '.' is '.'");
        Http.Response bulk = v2.post("/bulk/devices/add", "[{\"typeId\":\"sensor\",\"deviceId\":\".\"},"
                + "{\"typeId\":\"sensor\",\"deviceId\":\"v1.2\"}]");
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(202);
        assertThat(bulk.json().get(0).get("success").asBoolean()).isFalse();
        assertThat(bulk.json().get(0).get("message").asText()).contains("'.'");
        assertRefused(() -> MqttTestClient.builder(iotf.mqttUrl(), "d:" + org.id() + ":sensor:..")
                .username("use-token-auth").password("whatever1").connect(), 2);

        // positive control: dots inside a name are fine, and such a device can be read, changed and deleted
        assertThat(bulk.json().get(1).get("success").asBoolean()).isTrue();
        assertThat(v2.post("/device/types/sensor/devices", "{\"deviceId\":\"...\"}").status()).isEqualTo(201);
        assertThat(v2.get("/device/types/sensor/devices/v1.2").status()).isEqualTo(200);
        assertThat(v2.get("/device/types/sensor/devices/...").status()).isEqualTo(200);
        assertThat(v2.put("/device/types/sensor/devices/v1.2", "{\"metadata\":{\"a\":1}}").status()).isEqualTo(200);
        assertThat(v2.delete("/device/types/sensor/devices/v1.2").status()).isEqualTo(204);
    }

    @Test
    void aRegisteredTokenMayHoldNoControlCharacter(IotfEmulator iotf, TestOrganization org) throws Exception {
        Http v2 = v2(iotf, org);
        assertThat(v2.post("/device/types", "{\"id\":\"pi\"}").status()).isEqualTo(201);
        for (String token : new String[] {"goodtoken\\u0000", "goodtoken\\u0000\\u0000", "good\\ntoken", "goodtoken\\u007f"}) {
            assertError(v2.post("/device/types/pi/devices", "{\"deviceId\":\"t1\",\"authToken\":\"" + token + "\"}"), 400,
                    "The authToken of device pi/t1 contains a space or a control character");
        }
        Http.Response ok = v2.post("/device/types/pi/devices", "{\"deviceId\":\"t1\",\"authToken\":\"goodtoken\"}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "pi", "t1", "goodtoken")) {
            assertThat(device.isConnected()).isTrue();
        }
    }

    @Test
    void deepNestingInARegistrationOrAnUpdateIsA400ThatNamesNoClass(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        Http v2 = v2(iotf, org);
        Http v1 = DeviceApiTest.api(iotf, org);
        assertThat(v2.post("/device/types", "{\"id\":\"deep\"}").status()).isEqualTo(201);
        assertThat(v1.post("/devices", "{\"type\":\"deep\",\"id\":\"d0\"}").status()).isEqualTo(201);
        String tooDeep = nested(1_000);
        for (Http.Response r : new Http.Response[] {
            v2.post("/device/types/deep/devices", "{\"deviceId\":\"d1\",\"metadata\":" + tooDeep + "}"),
            v2.put("/device/types/deep/devices/d0", "{\"metadata\":" + tooDeep + "}"),
            v1.post("/devices", "{\"type\":\"deep\",\"id\":\"d2\",\"metadata\":" + tooDeep + "}"),
            v1.put("/devices/deep/d0", "{\"metadata\":" + tooDeep + "}"),
            v2.post("/bulk/devices/add", "[" + tooDeep + "]")}) {
            assertError(r, 400, "The body is not valid JSON: it nests objects and arrays deeper than 32 levels");
            assertThat(r.body()).doesNotContain("`").doesNotContain("jackson").doesNotContain("Constraints");
        }
        String bookmark = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                tooDeep.getBytes(StandardCharsets.UTF_8));
        assertError(v2.get("/device/types?_bookmark=" + bookmark), 400, "is not one this service returned");
        // positive control: nesting within the limit is kept as it was sent
        String fine = nested(30);
        Http.Response ok = v2.put("/device/types/deep/devices/d0", "{\"metadata\":" + fine + "}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("metadata").toString()).isEqualTo(fine);
    }

    @Test
    void numbersBeyondADoubleLongNumbersAndTrailingGarbageAreRefused(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        Http v2 = v2(iotf, org);
        assertError(v2.post("/device/types", "{\"id\":\"n\",\"metadata\":{\"x\":1e999999}}"), 400,
                "the number at metadata.x is out of the range of a double");
        assertError(v2.post("/device/types", "{\"id\":\"n\",\"metadata\":{\"x\":" + "9".repeat(101) + "}}"), 400,
                "a number longer than 100 characters");
        assertError(v2.post("/device/types", "{\"id\":\"n\"} trailing"), 400, "there is more after the JSON value");
        assertError(v2.post("/device/types", "{\"id\":\"n\"}{\"id\":\"m\"}"), 400, "there is more after the JSON value");
        assertThat(v2.get("/device/types/n").status()).as("nothing was created").isEqualTo(404);
        Http.Response ok = v2.post("/device/types", "{\"id\":\"n\",\"metadata\":{\"x\":1.5e300}}\n");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.json().get("metadata").get("x").asDouble()).isEqualTo(1.5e300);
    }

    @Test
    void aBodyThatIsNotSentAsJsonIsRefusedForItsContentType(IotfEmulator iotf, TestOrganization org) throws Exception {
        String auth = RawHttp.basic(org.apiKey(), org.apiToken());
        RawHttp http = new RawHttp(null, iotf.httpPort());
        RawHttp.Answer form = http.send("POST", "/api/v0002/device/types", auth, "application/x-www-form-urlencoded",
                "id=formtype");
        assertThat(form.status()).as(form.toString()).isEqualTo(415);
        assertThat(form.json().get("message").asText()).contains("sent with Content-Type: application/json")
                .contains("Content-Type is application/x-www-form-urlencoded").doesNotContain("not valid JSON");
        assertThat(http.send("PUT", "/api/v0001/devices/x/y", auth, "text/plain", "{\"metadata\":{}}").status())
                .isEqualTo(415);
        // positive controls: JSON with a charset, and no Content-Type at all (taken as JSON)
        assertThat(http.send("POST", "/api/v0002/device/types", auth, "application/json; charset=UTF-8",
                "{\"id\":\"ct1\"}").status()).isEqualTo(201);
        assertThat(http.send("POST", "/api/v0002/device/types", auth, null, "{\"id\":\"ct2\"}").status()).isEqualTo(201);
    }

    @Test
    void errorsTheRouterOrTheHttpCodecAnswerAreJsonToo(IotfEmulator iotf, TestOrganization org) throws Exception {
        String auth = RawHttp.basic(org.apiKey(), org.apiToken());
        RawHttp http = new RawHttp(null, iotf.httpPort());
        assertJsonError(http.send("GET", "/api/v0002/%zz", auth, null, null), 400, "not a valid HTTP request");
        assertJsonError(http.raw("GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), 400, "not a valid HTTP request");
        assertJsonError(http.send("GET", "/api/v0002/device/types?x=" + "y".repeat(70_000), auth, null, null), 414,
                "longer than 8192 characters");
        assertJsonError(http.raw(("GET /api/v0002/ HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(70_000)
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)), 431, "headers are too large");
        assertJsonError(http.send("GET", "/nothing/here", auth, null, null), 404, "There is no GET /nothing/here");
        assertJsonError(http.send("DELETE", "/api/v0002/", auth, null, null), 405, "DELETE is not allowed");
        assertThat(http.send("GET", "/api/v0002/", auth, null, null).status()).as("positive control").isEqualTo(200);
    }

    private static void assertJsonError(RawHttp.Answer answer, int status, String message) throws Exception {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode json = answer.json();
        assertThat(json.get("message").asText()).contains(message);
        assertThat(json.get("exception").get("id").asText()).isEqualTo(status == 400 ? "CUDRS0007E" : "CUDLS0" + status + "E");
        assertThat(json.get("status").asInt()).isEqualTo(status);
    }

    /** An object nested {@code depth} levels deep. */
    static String nested(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }
}
