package io.cameliotf.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** API v0002's registry (later contract 2.1-2.5) over real HTTP: every endpoint, its codes and its errors. */
@ExtendWith(IotfEmulatorExtension.class)
class V2RegistryTest {

    static Http v2(IotfEmulator iotf, TestOrganization org) {
        return new Http(iotf.httpUrl("v0002"), org.apiKey(), org.apiToken());
    }

    @Test
    void organization(IotfEmulator iotf, TestOrganization org) throws Exception {
        Http.Response r = v2(iotf, org).get("/");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.get("id").asText()).isEqualTo(org.id());
        assertThat(json.get("enabled").asBoolean()).isTrue();
        assertThat(json.get("config").get("historian").get("enabled").asBoolean()).isTrue();
        assertThat(OffsetDateTime.parse(json.get("created").asText())).isNotNull();
        assertThat(r.body()).as("one line, as IBM's Java SDK reads it").doesNotContain("\n");
        assertThat(v2(iotf, org).get("/service-status").json().get("local").get("messaging").asText()).isEqualTo("green");
    }

    @Test
    void deviceTypesLifecycle(IotfEmulator iotf, TestOrganization org) throws Exception {
        Http api = v2(iotf, org);
        Http.Response created = api.post("/device/types", "{\"id\":\"thermo\",\"description\":\"Thermometers\","
                + "\"deviceInfo\":{\"manufacturer\":\"ACME\",\"fwVersion\":\"1.0\"},\"metadata\":{\"unit\":\"C\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode type = created.json();
        assertThat(type.get("id").asText()).isEqualTo("thermo");
        assertThat(type.get("classId").asText()).isEqualTo("Device");
        assertThat(type.get("deviceInfo").get("manufacturer").asText()).isEqualTo("ACME");
        assertThat(type.get("metadata").get("unit").asText()).isEqualTo("C");
        assertThat(OffsetDateTime.parse(type.get("createdDateTime").asText())).isNotNull();
        assertThat(api.post("/device/types", "{\"id\":\"thermo\"}").status()).isEqualTo(409);
        assertThat(api.get("/device/types/thermo").json().get("description").asText()).isEqualTo("Thermometers");
        assertThat(api.get("/device/types/nosuch").status()).isEqualTo(404);

        Http.Response updated = api.put("/device/types/thermo", "{\"deviceInfo\":{\"model\":\"T1\"}}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("deviceInfo").get("manufacturer").asText()).as("a merge").isEqualTo("ACME");
        assertThat(updated.json().get("deviceInfo").get("model").asText()).isEqualTo("T1");
        assertThat(updated.json().get("description").asText()).as("not given, kept").isEqualTo("Thermometers");

        // the type's deviceInfo is the template of devices registered later
        JsonNode device = api.post("/device/types/thermo/devices", "{\"deviceId\":\"t1\",\"deviceInfo\":{\"model\":\"T2\"}}")
                .json();
        assertThat(device.get("deviceInfo").get("manufacturer").asText()).isEqualTo("ACME");
        assertThat(device.get("deviceInfo").get("model").asText()).isEqualTo("T2");
        Http.Response inUse = api.delete("/device/types/thermo");
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("message").asText()).contains("still has 1 device");
        assertThat(api.delete("/device/types/thermo/devices/t1").status()).isEqualTo(204);
        assertThat(api.delete("/device/types/thermo").status()).isEqualTo(204);
        assertThat(api.get("/device/types/thermo").status()).isEqualTo(404);

        assertBadRequest(api.post("/device/types", "{\"id\":\"x\",\"classId\":\"Robot\"}"), "classId 'Robot'");
        assertBadRequest(api.post("/device/types", "{\"id\":\"x\",\"colour\":\"red\"}"), "'colour' is not a field");
        assertBadRequest(api.post("/device/types", "{\"id\":\"" + "x".repeat(37) + "\"}"), "longer than 36 characters");
        assertBadRequest(api.post("/device/types", "{\"id\":\"x\",\"deviceInfo\":{\"colour\":\"red\"}}"),
                "'deviceInfo.colour' is not a deviceInfo field");
        assertThat(api.post("/device/types", "{\"id\":\"gw\",\"classId\":\"Gateway\"}").json().get("classId").asText())
                .isEqualTo("Gateway");
    }

    @Test
    void deviceTypesArePagedAndFilteredByClass(IotfEmulator iotf, TestOrganization org) throws Exception {
        Http api = v2(iotf, org);
        for (int i = 0; i < 7; i++) {
            api.post("/device/types", "{\"id\":\"type" + i + "\"" + (i % 2 == 0 ? ",\"classId\":\"Gateway\"" : "") + "}");
        }
        List<String> ids = new ArrayList<>();
        String bookmark = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/device/types?_limit=3" + (bookmark == null ? "" : "&_bookmark=" + bookmark)).json();
            assertThat(page.get("meta").get("total_rows").asInt()).isEqualTo(7);
            assertThat(page.get("meta").get("totalRows").asInt()).isEqualTo(7);
            page.get("results").forEach(t -> ids.add(t.get("id").asText()));
            bookmark = page.has("bookmark") ? page.get("bookmark").asText() : null;
            pages++;
        } while (bookmark != null);
        assertThat(pages).isEqualTo(3);
        assertThat(ids).containsExactly("type0", "type1", "type2", "type3", "type4", "type5", "type6");
        assertThat(api.get("/device/types?classId=Gateway").json().get("results")).hasSize(4);
        assertBadRequest(api.get("/device/types?colour=red"), "cannot be filtered by 'colour'");
    }

    @Test
    void registerGetUpdateDeleteADevice(IotfEmulator iotf, TestOrganization org) throws Exception {
        Http api = v2(iotf, org);
        api.post("/device/types", "{\"id\":\"pi\"}");
        Http.Response created = api.post("/device/types/pi/devices", "{\"deviceId\":\"p1\",\"authToken\":\"my-own-token-1\","
                + "\"deviceInfo\":{\"serialNumber\":\"100087\",\"fwVersion\":\"2.1\"},\"metadata\":{\"room\":7},"
                + "\"location\":{\"latitude\":52.5,\"longitude\":13.4,\"elevation\":34}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode d = created.json();
        assertThat(d.get("clientId").asText()).isEqualTo("d:" + org.id() + ":pi:p1");
        assertThat(d.get("typeId").asText()).isEqualTo("pi");
        assertThat(d.get("deviceId").asText()).isEqualTo("p1");
        assertThat(d.get("authToken").asText()).isEqualTo("my-own-token-1");
        assertThat(d.get("deviceInfo").get("serialNumber").asText()).isEqualTo("100087");
        assertThat(d.get("metadata").get("room").asInt()).isEqualTo(7);
        assertThat(d.get("registration").get("auth").get("id").asText()).isEqualTo(org.apiKey());
        assertThat(d.get("registration").get("auth").get("type").asText()).isEqualTo("apikey");
        assertThat(d.get("status").get("alert").get("enabled").asBoolean()).isFalse();
        assertThat(d.get("refs").get("location").asText()).isEqualTo("/api/v0002/device/types/pi/devices/p1/location");
        assertThat(d.get("location").get("latitude").asDouble()).isEqualTo(52.5);
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "pi", "p1", "my-own-token-1")) {
            assertThat(device.isConnected()).isTrue();
        }

        Http.Response generated = api.post("/device/types/pi/devices", "{\"deviceId\":\"p2\"}");
        assertThat(generated.json().get("authToken").asText()).hasSize(18);
        assertThat(api.get("/device/types/pi/devices/p2").json().has("authToken")).as("shown once").isFalse();

        Http.Response got = api.get("/device/types/pi/devices/p1");
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().has("authToken")).isFalse();
        assertThat(got.json().has("location")).as("only with _expand").isFalse();
        assertThat(api.get("/device/types/pi/devices/p1?_expand=location").json().get("location").get("longitude")
                .asDouble()).isEqualTo(13.4);
        assertThat(api.get("/device/types/pi/devices/p1?deviceId=p2&typeId=other").json().get("deviceId").asText())
                .as("the path names the device, not a query parameter of the same name").isEqualTo("p1");

        Http.Response updated = api.put("/device/types/pi/devices/p1",
                "{\"deviceInfo\":{\"fwVersion\":\"2.2\"},\"status\":{\"alert\":{\"enabled\":true}}}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode u = updated.json();
        assertThat(u.get("deviceInfo").get("fwVersion").asText()).isEqualTo("2.2");
        assertThat(u.get("deviceInfo").get("serialNumber").asText()).as("not given, kept").isEqualTo("100087");
        assertThat(u.get("metadata").get("room").asInt()).as("not given, kept").isEqualTo(7);
        assertThat(u.get("status").get("alert").get("enabled").asBoolean()).isTrue();
        assertThat(api.put("/device/types/pi/devices/p1", "{\"metadata\":{\"room\":8}}").json().get("metadata")
                .get("room").asInt()).isEqualTo(8);

        assertThat(api.post("/device/types/pi/devices", "{\"deviceId\":\"p1\"}").status()).isEqualTo(409);
        Http.Response noType = api.post("/device/types/nosuch/devices", "{\"deviceId\":\"x\"}");
        assertThat(noType.status()).isEqualTo(404);
        assertThat(noType.json().get("message").asText()).contains("Device type nosuch does not exist");
        assertBadRequest(api.post("/device/types/pi/devices", "{\"deviceId\":\"x\",\"authToken\":\"short\"}"),
                "must have 8 to 128 characters");
        assertBadRequest(api.post("/device/types/pi/devices", "{\"deviceId\":\"x\",\"location\":{\"latitude\":100,"
                + "\"longitude\":0}}"), "latitude 100.0 is not from -90 to 90");
        assertBadRequest(api.put("/device/types/pi/devices/p1", "{\"deviceId\":\"other\"}"), "'deviceId' is not a field");
        assertThat(api.get("/device/types/pi/devices/nosuch").status()).isEqualTo(404);

        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "pi", "p1", "my-own-token-1")) {
            assertThat(api.delete("/device/types/pi/devices/p1").status()).isEqualTo(204);
            assertThat(device.awaitConnectionLost(Duration.ofSeconds(5))).as("revoked at once").isTrue();
        }
        assertThat(api.get("/device/types/pi/devices/p1").status()).isEqualTo(404);
        assertThat(api.delete("/device/types/pi/devices/p1").status()).isEqualTo(404);
    }

    @Test
    void bothApiVersionsSeeTheSameRegistry(IotfEmulator iotf, TestOrganization org) throws Exception {
        Http v1 = DeviceApiTest.api(iotf, org);
        Http v2 = v2(iotf, org);
        assertThat(v1.post("/devices", "{\"type\":\"legacy\",\"id\":\"l1\",\"metadata\":{\"a\":1}}").status()).isEqualTo(201);
        JsonNode type = v2.get("/device/types/legacy").json();
        assertThat(type.get("id").asText()).as("a v0001 registration creates its type").isEqualTo("legacy");
        assertThat(v2.get("/device/types/legacy/devices/l1").json().get("metadata").get("a").asInt()).isEqualTo(1);
        v2.post("/device/types/legacy/devices", "{\"deviceId\":\"l2\"}");
        assertThat(v1.get("/devices/legacy").json()).extracting(d -> d.get("id").asText()).containsExactly("l1", "l2");
        assertThat(v1.get("/device-types").json().toString()).isEqualTo("[{\"deviceType\":\"legacy\",\"count\":2}]");
    }

    @Test
    void pagesNeitherRepeatNorSkipWhileDevicesAreAdded(IotfEmulator iotf, TestOrganization org) throws Exception {
        Http api = v2(iotf, org);
        api.post("/device/types", "{\"id\":\"s\"}");
        StringBuilder bulk = new StringBuilder("[");
        for (int i = 0; i < 57; i++) {
            bulk.append(i == 0 ? "" : ",").append("{\"typeId\":\"s\",\"deviceId\":\"d").append(String.format("%02d", i))
                    .append("\",\"deviceInfo\":{\"fwVersion\":\"").append(i % 3).append("\"}}");
        }
        assertThat(api.post("/bulk/devices/add", bulk.append("]").toString()).status()).isEqualTo(201);
        for (String sort : new String[] {"", "&_sort=-deviceId", "&_sort=deviceInfo.fwVersion,-deviceId"}) {
            List<String> seen = new ArrayList<>();
            String bookmark = null;
            int page = 0;
            do {
                Http.Response r = api.get("/device/types/s/devices?_limit=10" + sort
                        + (bookmark == null ? "" : "&_bookmark=" + bookmark));
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                r.json().get("results").forEach(d -> seen.add(d.get("deviceId").asText()));
                bookmark = r.json().has("bookmark") ? r.json().get("bookmark").asText() : null;
                if (page++ == 2 && sort.isEmpty()) {
                    // devices added behind and ahead of the position while paging
                    api.post("/device/types/s/devices", "{\"deviceId\":\"d00a\"}");
                    api.post("/device/types/s/devices", "{\"deviceId\":\"zz\"}");
                }
            } while (bookmark != null);
            assertThat(seen).as("sort " + sort).doesNotHaveDuplicates();
            if (sort.isEmpty()) {
                assertThat(seen).hasSize(58).contains("zz").doesNotContain("d00a").isSorted();
            } else {
                assertThat(seen).hasSize(59);
            }
        }
        assertThat(api.get("/device/types/s/devices?deviceInfo.fwVersion=1&_limit=100").json().get("results")).hasSize(19);
        assertThat(api.get("/bulk/devices?typeId=s&_limit=1").json().get("meta").get("totalRows").asInt()).isEqualTo(59);
        assertBadRequest(api.get("/device/types/s/devices?colour=red"), "cannot be filtered by 'colour'");
        assertBadRequest(api.get("/device/types/s/devices?_sort=colour"), "cannot be sorted by 'colour'");
        assertBadRequest(api.get("/device/types/s/devices?_bookmark=nonsense"), "not one this service returned");
        String bookmark = api.get("/device/types/s/devices?_limit=5").json().get("bookmark").asText();
        assertBadRequest(api.get("/device/types/s/devices?_limit=5&_sort=-deviceId&_bookmark=" + bookmark),
                "belongs to a list in another order");
        assertBadRequest(api.get("/device/types/s/devices?_limit=0"), "_limit must be a whole number from 1 to 5000");
    }

    @Test
    void location(IotfEmulator iotf, TestOrganization org) throws Exception {
        Http api = v2(iotf, org);
        api.post("/device/types", "{\"id\":\"truck\"}");
        api.post("/device/types/truck/devices", "{\"deviceId\":\"t1\"}");
        assertThat(api.get("/device/types/truck/devices/t1/location").status()).as("none yet").isEqualTo(404);
        Http.Response put = api.put("/device/types/truck/devices/t1/location",
                "{\"latitude\":48.1,\"longitude\":11.6,\"elevation\":520,\"accuracy\":5,"
                        + "\"measuredDateTime\":\"2026-11-30T10:00:00.000Z\"}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("measuredDateTime").asText()).isEqualTo("2026-11-30T10:00:00.000Z");
        assertThat(OffsetDateTime.parse(put.json().get("updatedDateTime").asText())).isNotNull();
        JsonNode again = api.put("/device/types/truck/devices/t1/location", "{\"latitude\":48.2,\"longitude\":11.7}").json();
        assertThat(again.has("elevation")).as("each update replaces the whole set").isFalse();
        assertThat(api.get("/device/types/truck/devices/t1/location").json().get("latitude").asDouble()).isEqualTo(48.2);
        assertBadRequest(api.put("/device/types/truck/devices/t1/location", "{\"latitude\":48}"), "'longitude' is required");
        assertBadRequest(api.put("/device/types/truck/devices/t1/location", "{\"latitude\":1,\"longitude\":181}"),
                "longitude 181.0 is not from -180 to 180");
        assertThat(api.put("/device/types/truck/devices/none/location", "{\"latitude\":1,\"longitude\":1}").status())
                .isEqualTo(404);
    }

    @Test
    void bulkAddAndRemoveReportEachItem(IotfEmulator iotf, TestOrganization org) throws Exception {
        Http api = v2(iotf, org);
        api.post("/device/types", "{\"id\":\"b\"}");
        Http.Response all = api.post("/bulk/devices/add", "[{\"typeId\":\"b\",\"deviceId\":\"b1\"},"
                + "{\"typeId\":\"b\",\"deviceId\":\"b2\",\"authToken\":\"given-token-2\"}]");
        assertThat(all.status()).as(all.toString()).isEqualTo(201);
        assertThat(all.json().get(0).get("success").asBoolean()).isTrue();
        assertThat(all.json().get(0).get("authToken").asText()).hasSize(18);
        assertThat(all.json().get(1).get("authToken").asText()).isEqualTo("given-token-2");

        Http.Response partial = api.post("/bulk/devices/add", "[{\"typeId\":\"b\",\"deviceId\":\"b3\"},"
                + "{\"typeId\":\"b\",\"deviceId\":\"b1\"},{\"typeId\":\"nosuch\",\"deviceId\":\"x\"},"
                + "{\"typeId\":\"b\",\"deviceId\":\"bad id\"}]");
        assertThat(partial.status()).as(partial.toString()).isEqualTo(202);
        JsonNode items = partial.json();
        assertThat(items.get(0).get("success").asBoolean()).isTrue();
        assertThat(items.get(1).get("success").asBoolean()).isFalse();
        assertThat(items.get(1).get("message").asText()).contains("already registered");
        assertThat(items.get(1).has("authToken")).isFalse();
        assertThat(items.get(2).get("message").asText()).contains("Device type nosuch does not exist");
        assertThat(items.get(3).get("message").asText()).contains("contains ' '");
        assertThat(api.get("/device/types/b/devices/b3").status()).as("the good item was kept").isEqualTo(200);

        try (MqttTestClient b2 = MqttTestClient.device(iotf, org.id(), "b", "b2", "given-token-2")) {
            Http.Response removed = api.post("/bulk/devices/remove", "[{\"typeId\":\"b\",\"deviceId\":\"b2\"},"
                    + "{\"typeId\":\"b\",\"deviceId\":\"nosuch\"}]");
            assertThat(removed.status()).isEqualTo(202);
            assertThat(removed.json().get(0).get("success").asBoolean()).isTrue();
            assertThat(removed.json().get(1).get("success").asBoolean()).isFalse();
            assertThat(b2.awaitConnectionLost(Duration.ofSeconds(5))).as("removed devices are revoked").isTrue();
        }
        assertThat(api.post("/bulk/devices/remove", "[{\"typeId\":\"b\",\"deviceId\":\"b1\"}]").status()).isEqualTo(201);
        assertThat(api.get("/bulk/devices").json().get("results")).extracting(d -> d.get("deviceId").asText())
                .containsExactly("b3");
        assertBadRequest(api.post("/bulk/devices/add", "[]"), "takes 1 to 10000 devices");
        assertBadRequest(api.post("/bulk/devices/add", "{\"typeId\":\"b\"}"), "must be a JSON array");
        assertBadRequest(api.post("/bulk/devices/add", "[{\"deviceId\":\"x\"}]"), "'typeId' is required");
    }

    @Test
    void everyErrorIsJsonInTheLaterContractsShape(IotfEmulator iotf, TestOrganization org) throws Exception {
        Http api = v2(iotf, org);
        assertError(api.get("/no/such/path"), 404, "There is no GET /api/v0002/no/such/path");
        assertError(new Http("http://" + iotf.host() + ":" + iotf.httpPort(), null, null).get("/index.html"), 404,
                "the APIs are under /api/v0001 and /api/v0002");
        assertError(api.send("PATCH", "/device/types", "{}"), 405, "PATCH is not allowed on /api/v0002/device/types");
        assertError(api.post("/bulk/devices/add", "[" + "{\"typeId\":\"b\",\"deviceId\":\"x\"},".repeat(20_000) + "{}]"),
                413, "larger than 524288 bytes");
        assertError(api.get("/device/types?x=" + "y".repeat(9_000)), 414, "at most 8192 are taken");
        assertError(api.post("/device/types", "{\"id\":"), 400, "not valid JSON");
        assertError(new Http(iotf.httpUrl("v0002"), null, null).get("/"), 401, "HTTP Basic");
        assertError(new Http(iotf.httpUrl("v0002"), org.apiKey(), "wrong").get("/device/types"), 401, "The API key or its token is not valid");
        Http.Response nested = api.post("/device/types", "{\"id\":\"n\",\"metadata\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}");
        assertError(nested, 400, "not valid JSON");
        for (Http.Response r : List.of(nested, api.get("/no/such/path"))) {
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("jackson").doesNotContain("SELECT")
                    .doesNotContain("\tat ");
        }
        JsonNode error = api.get("/device/types/nosuch").json();
        assertThat(error.get("exception").get("id").asText()).isEqualTo("CUDLS0404E");
        assertThat(error.get("exception").get("properties").get(0).asText()).isEqualTo("nosuch");
        assertThat(error.get("message").asText()).startsWith("CUDLS0404E: ");
        assertThat(api.post("/device/types", "{\"id\":7}").json().get("exception").get("id").asText()).isEqualTo("CUDRS0007E");
    }

    static void assertBadRequest(Http.Response r, String message) throws Exception {
        assertError(r, 400, message);
    }

    static void assertError(Http.Response r, int status, String message) throws Exception {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode json = r.json();
        assertThat(json.get("message").asText()).contains(message);
        assertThat(json.get("exception").get("id").asText()).matches("CUD[A-Z]{2}\\d{4}E");
        assertThat(json.get("exception").get("properties").isArray()).isTrue();
        assertThat(json.get("status").asInt()).isEqualTo(status);
    }
}
