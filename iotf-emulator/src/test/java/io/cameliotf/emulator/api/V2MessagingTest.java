package io.cameliotf.emulator.api;

import static io.cameliotf.emulator.api.V2RegistryTest.assertError;
import static io.cameliotf.emulator.api.V2RegistryTest.v2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * HTTP messaging (later contract 2.11), the last event cache (2.10) and the historian of v0002 (2.12), with plain
 * Paho clients as the other side.
 */
@ExtendWith(IotfEmulatorExtension.class)
class V2MessagingTest {

    /** Messaging is addressed to {@code <org>.messaging.<domain>}, as IBM's clients do. */
    static Http device(IotfEmulator iotf, TestOrganization org, String token) {
        return new Http(iotf.httpUrl("v0002"), "use-token-auth", token);
    }

    static String host(IotfEmulator iotf, TestOrganization org) {
        return org.id() + ".messaging." + iotf.domain() + ":" + iotf.httpPort();
    }

    @Test
    void aDevicesHttpEventIsAnMqttEvent(IotfEmulator iotf, TestOrganization org, TestOrganization other) throws Exception {
        String token = org.registerDevice("sensor", "h1");
        try (MqttTestClient app = MqttTestClient.application(iotf, org.appClientId("watch"), org.apiKey(), org.apiToken());
                MqttTestClient stranger = MqttTestClient.application(iotf, other.appClientId("watch"), other.apiKey(),
                        other.apiToken())) {
            app.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            stranger.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            Http.Response r = device(iotf, org, token).post("/device/types/sensor/devices/h1/events/temp",
                    "{\"d\":{\"t\":21.5}}".getBytes(StandardCharsets.UTF_8), "application/json", "Host", host(iotf, org));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            MqttTestClient.Received got = app.poll(Duration.ofSeconds(5));
            assertThat(got).isNotNull();
            assertThat(got.topic()).isEqualTo("iot-2/type/sensor/id/h1/evt/temp/fmt/json");
            assertThat(got.text()).isEqualTo("{\"d\":{\"t\":21.5}}");
            assertThat(got.qos()).isEqualTo(1);

            device(iotf, org, token).post("/device/types/sensor/devices/h1/events/line", "a,b,c".getBytes(StandardCharsets.UTF_8),
                    "text/plain; charset=utf-8", "Host", host(iotf, org));
            assertThat(app.poll(Duration.ofSeconds(5)).topic()).isEqualTo("iot-2/type/sensor/id/h1/evt/line/fmt/text");
            device(iotf, org, token).post("/device/types/sensor/devices/h1/events/blob", new byte[] {1, 2, 3},
                    "application/octet-stream", "Host", host(iotf, org));
            assertThat(app.poll(Duration.ofSeconds(5)).topic()).endsWith("/evt/blob/fmt/bin");
            device(iotf, org, token).post("/device/types/sensor/devices/h1/events/plain", "{\"v\":1}".getBytes(StandardCharsets.UTF_8),
                    null, "Host", host(iotf, org));
            assertThat(app.poll(Duration.ofSeconds(5)).topic()).as("no Content-Type is JSON").endsWith("/evt/plain/fmt/json");
            assertThat(stranger.drain(Duration.ofMillis(300))).as("another organization sees nothing").isEmpty();
        }
        iotf.historian().flush(Duration.ofSeconds(5));
        JsonNode stored = v2(iotf, org).get("/historian/types/sensor/devices/h1?evt_type=temp").json().get("events");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("evt").get("t").asDouble()).isEqualTo(21.5);
    }

    @Test
    void refusedHttpEvents(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "r1");
        org.registerDevice("sensor", "r2");
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        String path = "/device/types/sensor/devices/r1/events/e";
        assertError(device(iotf, org, "wrong-token").post(path, json, "application/json", "Host", host(iotf, org)), 401,
                "The device or its token is not valid");
        assertError(device(iotf, org, token).post("/device/types/sensor/devices/r2/events/e", json, "application/json",
                "Host", host(iotf, org)), 401, "The device or its token is not valid");
        assertError(device(iotf, org, token).post(path, json, "application/json"), 401, "organization of the device is not known");
        assertError(new Http(iotf.httpUrl("v0002"), org.apiKey(), org.apiToken()).post(path, json, "application/json",
                "Host", host(iotf, org)), 401, "A device authenticates with the user name use-token-auth");
        assertError(device(iotf, org, token).post(path, json, "image/png", "Host", host(iotf, org)), 400,
                "The Content-Type image/png has no IoTF format");
        assertError(device(iotf, org, token).post(path, new byte[131_073], "application/octet-stream", "Host",
                host(iotf, org)), 413, "at most 131072");
        assertThat(device(iotf, org, token).post(path + "?org=" + org.id(), json, "application/json").status())
                .as("?org= names the organization when the host cannot").isEqualTo(200);
    }

    @Test
    void applicationsPublishEventsAndCommandsOverHttp(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("valve", "v1");
        Http api = v2(iotf, org);
        try (MqttTestClient app = MqttTestClient.application(iotf, org.appClientId("watch"), org.apiKey(), org.apiToken());
                MqttTestClient valve = MqttTestClient.device(iotf, org.id(), "valve", "v1", token)) {
            app.subscribe("iot-2/type/valve/id/v1/evt/+/fmt/+", 1);
            valve.subscribe("iot-2/cmd/+/fmt/+", 1);
            assertThat(api.post("/application/types/valve/devices/v1/events/state",
                    "{\"open\":true}".getBytes(StandardCharsets.UTF_8), "application/json").status()).isEqualTo(200);
            assertThat(app.poll(Duration.ofSeconds(5)).topic()).isEqualTo("iot-2/type/valve/id/v1/evt/state/fmt/json");
            assertThat(api.post("/application/types/valve/devices/v1/commands/open",
                    "{\"pct\":50}".getBytes(StandardCharsets.UTF_8), "application/json").status()).isEqualTo(200);
            MqttTestClient.Received command = valve.poll(Duration.ofSeconds(5));
            assertThat(command.topic()).isEqualTo("iot-2/cmd/open/fmt/json");
            assertThat(command.text()).isEqualTo("{\"pct\":50}");
        }
        assertError(api.post("/application/types/valve/devices/v1/events/a+b", new byte[0], "application/json"), 400,
                "cannot stand in an MQTT topic level");
    }

    @Test
    void theLastEventCacheHasTheNewestEventOfEachId(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("meter", "m1");
        try (MqttTestClient meter = MqttTestClient.device(iotf, org.id(), "meter", "m1", token);
                MqttTestClient app = MqttTestClient.application(iotf, org.appClientId("proxy"), org.apiKey(), org.apiToken())) {
            meter.publish("iot-2/evt/power/fmt/json", "{\"d\":{\"w\":1}}", 1);
            meter.publish("iot-2/evt/power/fmt/json", "{\"d\":{\"w\":2}}", 1);
            meter.publish("iot-2/evt/alarm/fmt/text", "overload", 1);
            app.publish("iot-2/type/meter/id/m1/evt/status/fmt/json", "{\"ok\":true}", 1);
        }
        device(iotf, org, token).post("/device/types/meter/devices/m1/events/viaHttp",
                "{\"h\":1}".getBytes(StandardCharsets.UTF_8), "application/json", "Host", host(iotf, org));
        Http api = v2(iotf, org);
        JsonNode events = awaitEvents(api, "/device/types/meter/devices/m1/events", 4);
        assertThat(events).extracting(e -> e.get("eventId").asText()).containsExactly("alarm", "power", "status", "viaHttp");
        JsonNode power = api.get("/device/types/meter/devices/m1/events/power").json();
        assertThat(power.get("typeId").asText()).isEqualTo("meter");
        assertThat(power.get("deviceId").asText()).isEqualTo("m1");
        assertThat(power.get("format").asText()).isEqualTo("json");
        assertThat(power.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(new String(Base64.getDecoder().decode(power.get("payload").asText()), StandardCharsets.UTF_8))
                .isEqualTo("{\"d\":{\"w\":2}}");
        assertThat(new String(Base64.getDecoder().decode(events.get(0).get("payload").asText()), StandardCharsets.UTF_8))
                .isEqualTo("overload");
        assertError(api.get("/device/types/meter/devices/m1/events/nosuch"), 404, "No event 'nosuch'");
        assertThat(api.get("/device/types/meter/devices/other/events").json()).isEmpty();
        api.delete("/device/types/meter/devices/m1");
        assertThat(api.get("/device/types/meter/devices/m1/events").json()).as("gone with the device").isEmpty();
    }

    @Test
    void theHistorianOfV0002PagesWithBookmarks(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "pg");
        try (MqttTestClient d = MqttTestClient.device(iotf, org.id(), "sensor", "pg", token)) {
            for (int i = 0; i < 250; i++) {
                d.publish("iot-2/evt/n/fmt/json", "{\"d\":{\"n\":" + i + "}}", i == 249 ? 1 : 0);
            }
        }
        iotf.historian().flush(Duration.ofSeconds(10));
        Http api = v2(iotf, org);
        for (String scope : List.of("/historian", "/historian/types/sensor", "/historian/types/sensor/devices/pg")) {
            Set<Integer> seen = new HashSet<>();
            String bookmark = null;
            int pages = 0;
            do {
                JsonNode page = api.get(scope + "?evt_type=n&_limit=100" + (bookmark == null ? "" : "&_bookmark=" + bookmark))
                        .json();
                for (JsonNode e : page.get("events")) {
                    assertThat(e.get("device_type").asText()).isEqualTo("sensor");
                    assertThat(e.get("device_id").asText()).isEqualTo("pg");
                    assertThat(seen.add(e.get("evt").get("n").asInt())).as("no event twice").isTrue();
                }
                bookmark = page.has("bookmark") ? page.get("bookmark").asText() : null;
                pages++;
            } while (bookmark != null);
            assertThat(pages).isEqualTo(3);
            assertThat(seen).hasSize(250);
        }
        assertThat(api.get("/historian?deviceId=other&typeId=other&_limit=1").json().get("events")).as("the path gives the scope")
                .hasSize(1);
        JsonNode newest = api.get("/historian/types/sensor/devices/pg?top=1").json().get("events");
        assertThat(newest).hasSize(1);
        assertThat(newest.get(0).get("evt").get("n").asInt()).isEqualTo(249);
        JsonNode summary = api.get("/historian/types/sensor/devices/pg?summarize={n}&summarize_type=max").json().get("events");
        assertThat(summary.get(0).get("evt").get("n").asDouble()).isEqualTo(249);
        assertError(api.get("/historian?_bookmark=junk"), 400, "not one this service returned");
        assertError(api.get("/historian?_limit=101"), 400, "_limit must be a whole number from 1 to 100");
    }

    static JsonNode awaitEvents(Http api, String path, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode events;
        do {
            events = api.get(path).json();
        } while (events.size() < count && System.nanoTime() < deadline);
        return events;
    }
}
