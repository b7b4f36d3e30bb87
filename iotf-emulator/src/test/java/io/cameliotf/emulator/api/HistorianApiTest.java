package io.cameliotf.emulator.api;

import static io.cameliotf.emulator.api.DeviceApiTest.api;
import static io.cameliotf.emulator.api.DeviceApiTest.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Historical Event API [3.2] over real HTTP, checked against events the tests publish themselves. */
@ExtendWith(IotfEmulatorExtension.class)
class HistorianApiTest {

    @Test
    void queriesByScopeWithTheDocumentedFieldsNewestFirst(IotfEmulator iotf, TestOrganization org) throws Exception {
        String t1 = org.registerDevice("sensor", "s1");
        String t2 = org.registerDevice("meter", "m1");
        try (MqttTestClient s1 = MqttTestClient.device(iotf, org.id(), "sensor", "s1", t1);
                MqttTestClient m1 = MqttTestClient.device(iotf, org.id(), "meter", "m1", t2);
                MqttTestClient app = MqttTestClient.application(iotf, org.appClientId("proxy"), org.apiKey(), org.apiToken())) {
            // each event is stored, and the clock has moved on, before the next is published: the store's order is the
            // publishing order, and no two events share the millisecond that start= and end= compare
            s1.publish("iot-2/evt/temp/fmt/json", "{\"d\":{\"t\":1},\"ts\":\"2026-01-01T00:00:00Z\"}", 1);
            storedAndClockMoved(iotf);
            m1.publish("iot-2/evt/kwh/fmt/json", "{\"kwh\":7}", 1);
            storedAndClockMoved(iotf);
            m1.publish("iot-2/evt/raw/fmt/csv", "1,2,3", 1);
            storedAndClockMoved(iotf);
            app.publish("iot-2/type/sensor/id/s1/evt/temp/fmt/json", "{\"d\":{\"t\":2}}", 1);
        }
        iotf.historian().flush(Duration.ofSeconds(5));
        Http api = api(iotf, org);

        JsonNode all = api.get("/historian").json();
        assertThat(all).hasSize(4);
        JsonNode newest = all.get(0);
        assertThat(fieldNames(newest)).containsExactly("device_id", "device_type", "evt_type", "timestamp", "evt");
        assertThat(newest.get("device_id").asText()).isEqualTo("d:" + org.id() + ":sensor:s1");
        assertThat(newest.get("device_type").asText()).isEqualTo("sensor");
        assertThat(newest.get("evt_type").asText()).isEqualTo("temp");
        assertThat(newest.get("timestamp").get("$date").asLong()).isPositive();
        assertThat(newest.get("evt").toString()).as("IoTF payload: evt is d").isEqualTo("{\"t\":2}");
        assertThat(all.get(1).get("evt").toString()).as("non-JSON payload").isEqualTo("{\"text\":\"1,2,3\"}");
        assertThat(all.get(2).get("evt").toString()).as("custom JSON: the whole document").isEqualTo("{\"kwh\":7}");
        List<Long> times = new ArrayList<>();
        all.forEach(e -> times.add(e.get("timestamp").get("$date").asLong()));
        assertThat(times).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        JsonNode ofType = api.get("/historian/sensor").json();
        assertThat(ofType).hasSize(2);
        assertThat(fieldNames(ofType.get(0))).containsExactly("device_id", "evt_type", "timestamp", "evt");
        JsonNode ofDevice = api.get("/historian/meter/m1").json();
        assertThat(ofDevice).hasSize(2);
        assertThat(fieldNames(ofDevice.get(0))).containsExactly("evt_type", "timestamp", "evt");
        assertThat(api.get("/historian/meter/m1?evt_type=kwh").json()).hasSize(1);
        long oldest = all.get(3).get("timestamp").get("$date").asLong();
        long second = all.get(2).get("timestamp").get("$date").asLong();
        assertThat(api.get("/historian?start=" + second).json()).hasSize(3);
        assertThat(api.get("/historian?end=" + oldest).json()).hasSize(1);
        assertThat(api.get("/historian?top=2").json()).hasSize(2);
    }

    @Test
    void summarizeMatchesValuesComputedHere(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "sum1");
        double[] temps = {20.5, 22.0, 19.25, 25.0, 21.75};
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "sum1", token)) {
            for (int i = 0; i < temps.length; i++) {
                device.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"temp\":" + temps[i] + ",\"hum\":" + (40 + i) + "}}", 1);
            }
            device.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"temp\":\"broken\"}}", 1);
            device.publish("iot-2/evt/other/fmt/json", "{\"d\":{\"temp\":1000}}", 1);
        }
        iotf.historian().flush(Duration.ofSeconds(5));
        double sum = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double t : temps) {
            sum += t;
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        double mean = sum / temps.length;
        double variance = 0;
        for (double t : temps) {
            variance += (t - mean) * (t - mean);
        }
        variance /= temps.length;
        Http api = api(iotf, org);
        String query = "/historian/sensor/sum1?evt_type=reading&summarize={temp,hum}&summarize_type=";
        assertThat(summary(api, query + "avg").get("temp").asDouble()).isCloseTo(mean, offset(1e-9));
        assertThat(summary(api, query + "sum").get("temp").asDouble()).isCloseTo(sum, offset(1e-9));
        assertThat(summary(api, query + "min").get("temp").asDouble()).isEqualTo(min);
        assertThat(summary(api, query + "max").get("temp").asDouble()).isEqualTo(max);
        assertThat(summary(api, query + "range").get("temp").asDouble()).isEqualTo(max - min);
        assertThat(summary(api, query + "count").get("temp").asInt()).as("non-numbers are skipped").isEqualTo(temps.length);
        assertThat(summary(api, query + "variance").get("temp").asDouble()).isCloseTo(variance, offset(1e-9));
        assertThat(summary(api, query + "stdev").get("temp").asDouble()).isCloseTo(Math.sqrt(variance), offset(1e-9));
        assertThat(summary(api, query + "avg").get("hum").asDouble()).isEqualTo(42.0);
        JsonNode record = api.get("/historian/sensor/sum1?summarize={temp}").json().get(0);
        assertThat(record.get("summarize_type").asText()).as("avg is the default").isEqualTo("avg");
        assertThat(record.get("evt").get("temp").asDouble()).as("without evt_type the 'other' event counts too")
                .isCloseTo((sum + 1000) / (temps.length + 1), offset(1e-9));
        assertThat(api.get("/historian/sensor/sum1?summarize={nothere}").json().get(0).get("evt").get("nothere").isNull()).isTrue();
    }

    @Test
    void pagesThrough1000EventsWithoutDuplicateOrGapAndWithAClearEnd(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "pager");
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "pager", token)) {
            for (int i = 0; i < 1_000; i++) {
                device.publish("iot-2/evt/n/fmt/json", "{\"d\":{\"n\":" + i + "}}", i % 50 == 0 ? 1 : 0);
            }
            device.publish("iot-2/evt/n/fmt/json", "{\"d\":{\"n\":-1}}", 1);
        }
        iotf.historian().flush(Duration.ofSeconds(10));
        Http api = api(iotf, org);
        Http.Response page = api.get("/historian/sensor/pager");
        List<Integer> seen = new ArrayList<>();
        int pages = 0;
        String cookie = null;
        while (true) {
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            pages++;
            page.json().forEach(e -> seen.add(e.get("evt").get("n").asInt()));
            String cursor = page.header("cursorId");
            if (cursor == null) {
                break;
            }
            String setCookie = page.header("Set-Cookie");
            if (setCookie != null) {
                cookie = setCookie.substring(0, setCookie.indexOf(';'));
                assertThat(cookie).startsWith("iotHistorianSessionId=");
            }
            page = api.get("/historian/sensor/pager", "cursorId", cursor, "Cookie", cookie);
        }
        assertThat(pages).isEqualTo(11);
        assertThat(seen).hasSize(1_001);
        Set<Integer> unique = new HashSet<>(seen);
        assertThat(unique).hasSize(1_001);
        for (int i = 0; i < 1_000; i++) {
            assertThat(unique).contains(i);
        }
        assertThat(seen.get(0)).as("newest first").isEqualTo(-1);
        assertThat(api.get("/historian/sensor/pager", "cursorId", "abc").json().get("message").asText())
                .contains("needs the iotHistorianSessionId cookie");
        assertThat(api.get("/historian/sensor/pager", "cursorId", "abc", "Cookie", "iotHistorianSessionId=nope").status())
                .isEqualTo(400);
    }

    @Test
    void badParametersAreRefused(IotfEmulator iotf, TestOrganization org) throws Exception {
        Http api = api(iotf, org);
        assertBadRequest(api.get("/historian?top=0"), "top must be a whole number from 1 to 100, not '0'");
        assertBadRequest(api.get("/historian?top=101"), "not '101'");
        assertBadRequest(api.get("/historian?top=ten"), "not 'ten'");
        assertBadRequest(api.get("/historian?start=20&end=10"), "start (20) is after end (10)");
        assertBadRequest(api.get("/historian?start=yesterday"), "start must be milliseconds since 1970-01-01T00:00:00Z");
        assertBadRequest(api.get("/historian?end=-5"), "end must be milliseconds");
        assertBadRequest(api.get("/historian?summarize={temp}&summarize_type=median"), "summarize_type 'median' is not one of");
        assertBadRequest(api.get("/historian?summarize={}"), "summarize '{}' names no field");
        assertThat(new Http(iotf.httpUrl(), org.apiKey(), "wrong").get("/historian").status()).isEqualTo(401);
    }

    private static JsonNode summary(Http api, String path) throws Exception {
        Http.Response r = api.get(path);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json()).hasSize(1);
        return r.json().get(0).get("evt");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Waits until what was published is stored and the wall clock (which stamps events) is a millisecond later. */
    private static void storedAndClockMoved(IotfEmulator iotf) throws InterruptedException {
        iotf.historian().flush(Duration.ofSeconds(30));
        long stored = System.currentTimeMillis();
        org.awaitility.Awaitility.await().pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(5))
                .until(() -> System.currentTimeMillis() > stored);
    }
}
