package io.cameliotf.emulator.api;

import static io.cameliotf.emulator.api.DeviceApiTest.api;
import static io.cameliotf.emulator.api.DeviceApiTest.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the historian takes from clients [3.2]: payloads read as JSON only when they are exactly one JSON value,
 * {@code summarize} parameters of the documented form, and paging sessions that only their organization can use.
 */
@ExtendWith(IotfEmulatorExtension.class)
class HistorianInputTest {

    @Test
    void payloadsThatAreNotExactlyOneJsonValueAreShownAsTheirText(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        String token = org.registerDevice("sensor", "lax");
        String[] payloads = {"{\"d\":{\"v\":1}} trailing garbage", "{\"d\":{\"v\":1e999999}}", "{\"d\":{\"v\":2}}"};
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "lax", token)) {
            for (String payload : payloads) {
                device.publish("iot-2/evt/e/fmt/json", payload, 1);
            }
        }
        iotf.historian().flush(Duration.ofSeconds(5));
        JsonNode events = api(iotf, org).get("/historian/sensor/lax").json();
        assertThat(events).hasSize(3);
        // newest first: the well-formed one (positive control), then the two that are not read as JSON
        assertThat(events.get(0).get("evt").toString()).isEqualTo("{\"v\":2}");
        assertThat(events.get(1).get("evt").toString()).isEqualTo("{\"text\":\"{\\\"d\\\":{\\\"v\\\":1e999999}}\"}");
        assertThat(events.get(2).get("evt").get("text").asText()).isEqualTo(payloads[0]);
        assertThat(api(iotf, org).get("/historian/sensor/lax").body()).doesNotContain("Infinity");
        JsonNode summary = api(iotf, org).get("/historian/sensor/lax?summarize={v}&summarize_type=max").json();
        assertThat(summary.get(0).get("evt").get("v").asDouble()).as("only the JSON event counts").isEqualTo(2.0);
    }

    @Test
    void malformedSummarizeParametersAreRefusedNamingTheParameter(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        Http api = api(iotf, org);
        Http v2 = V2RegistryTest.v2(iotf, org);
        assertBadRequest(api.get("/historian?summarize={v"), "summarize '{v' has a '{' without its '}'");
        assertBadRequest(api.get("/historian?summarize=v}"), "summarize 'v}' has a '}' without its '{'");
        assertBadRequest(api.get("/historian?summarize={a,,b}"), "summarize '{a,,b}' has an empty field name");
        assertBadRequest(api.get("/historian?summarize={a,}"), "summarize '{a,}' has an empty field name");
        assertBadRequest(api.get("/historian?summarize={{a}}"), "has a brace inside the field name '{a}'");
        assertBadRequest(api.get("/historian?summarize={}"), "summarize '{}' names no field");
        assertBadRequest(v2.get("/historian?summarize={v"), "summarize '{v' has a '{' without its '}'");
        // positive controls: with braces, without, and with spaces around the names
        for (String ok : new String[] {"{v}", "v", "{ v , w }"}) {
            Http.Response r = api.get("/historian?summarize=" + ok.replace(" ", "%20"));
            assertThat(r.status()).as(ok + ": " + r).isEqualTo(200);
        }
        assertThat(api.get("/historian?summarize={%20v%20,%20w%20}").json().get(0).get("evt").has("w")).isTrue();
    }

    @Test
    void anotherOrganizationReplayingTheSessionCookieDoesNotTouchTheOwnersSession(IotfEmulator iotf,
            TestOrganization owner, TestOrganization other) throws Exception {
        String token = owner.registerDevice("sensor", "paged");
        try (MqttTestClient device = MqttTestClient.device(iotf, owner.id(), "sensor", "paged", token)) {
            for (int i = 0; i < 3; i++) {
                device.publish("iot-2/evt/e/fmt/json", "{\"d\":{\"n\":" + i + "}}", 1);
            }
        }
        iotf.historian().flush(Duration.ofSeconds(5));
        Http ownerApi = api(iotf, owner);
        Http.Response first = ownerApi.get("/historian?top=1");
        String cursor = first.header("cursorId");
        String cookie = first.header("Set-Cookie").split(";")[0];
        assertThat(first.json().get(0).get("evt").get("n").asInt()).isEqualTo(2);

        Http otherApi = api(iotf, other);
        Http.Response replayed = otherApi.get("/historian?top=1", "Cookie", cookie, "cursorId", cursor);
        assertBadRequest(replayed, "is unknown or has expired");
        assertThat(replayed.body()).doesNotContain("\"n\"");
        Http.Response replayedAgain = otherApi.get("/historian?top=1", "Cookie", cookie, "cursorId", cursor);
        assertThat(replayedAgain.status()).isEqualTo(400);
        Http.Response fresh = otherApi.get("/historian?top=1", "Cookie", cookie);
        assertThat(fresh.status()).as("without a cursor: a query of its own").isEqualTo(200);
        assertThat(fresh.json()).as("its own organization has no events").isEmpty();

        Http.Response second = ownerApi.get("/historian?top=1", "Cookie", cookie, "cursorId", cursor);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().get(0).get("evt").get("n").asInt()).as("the owner pages on").isEqualTo(1);
        Http.Response third = ownerApi.get("/historian?top=1", "Cookie", cookie, "cursorId", second.header("cursorId"));
        assertThat(third.json().get(0).get("evt").get("n").asInt()).isEqualTo(0);
        assertThat(third.header("cursorId")).as("the last page").isNull();
    }
}
