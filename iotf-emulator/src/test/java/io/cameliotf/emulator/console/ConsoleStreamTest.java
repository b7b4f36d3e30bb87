package io.cameliotf.emulator.console;

import static io.cameliotf.emulator.console.ConsoleClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.emulator.registry.ApiKeyCredentials;
import io.cameliotf.emulator.seed.Seed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's live event stream (Server-Sent Events) and its overview, against devices that publish over MQTT
 * (Paho): an organization's stream carries its own events and connects only, never another organization's (the two
 * seeded organizations have a device of the same type and id, and both publish); a burst is sampled with the dropped
 * count reported while the publisher gets every PUBACK; a stream ends with its session.
 */
@ExtendWith(IotfEmulatorExtension.class)
class ConsoleStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void anOrganizationsStreamCarriesItsOwnEventsAndStatusNeverAnothers(IotfEmulator iotf) throws Exception {
        Seed.Org a = iotf.seed().organization("orga01");
        Seed.Org b = iotf.seed().organization("orgb02");
        ConsoleClient consoleA = ConsoleClient.signedIn(iotf, a.apiKey(0).key(), a.apiKey(0).token());
        ConsoleClient consoleB = ConsoleClient.signedIn(iotf, b.apiKey(0).key(), b.apiKey(0).token());
        try (ConsoleClient.Sse streamA = consoleA.stream("/console/api/events/stream");
                ConsoleClient.Sse streamB = consoleB.stream("/console/api/events/stream")) {
            assertThat(streamA.next("hello", WAIT).json().get("org").asText()).isEqualTo("orga01");
            assertThat(streamB.next("hello", WAIT)).isNotNull();
            assertThat(streamA.status).isEqualTo(200);
            assertThat(streamA.contentType).startsWith("text/event-stream");
            // the same type and id in both organizations: only the organization tells them apart
            try (MqttTestClient devA = MqttTestClient.device(iotf, "orga01", "sensor", "dev1",
                    a.device("sensor", "dev1").token());
                    MqttTestClient devB = MqttTestClient.device(iotf, "orgb02", "sensor", "dev1",
                            b.device("sensor", "dev1").token())) {
                for (int i = 0; i < 5; i++) {
                    devA.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"from\":\"A\",\"n\":" + i + "}}", 1);
                    devB.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"from\":\"B\",\"n\":" + i + "}}", 1);
                }
                devA.publish("iot-2/evt/note/fmt/text", "plain text", 1);
                List<ConsoleClient.Sse.Message> seenA = collect(streamA, "A", 5);
                List<ConsoleClient.Sse.Message> seenB = collect(streamB, "B", 5);
                JsonNode first = seenA.stream().filter(m -> m.event().equals("evt")).findFirst().orElseThrow().json();
                assertThat(first.get("type").asText()).isEqualTo("sensor");
                assertThat(first.get("id").asText()).isEqualTo("dev1");
                assertThat(first.get("event").asText()).isEqualTo("reading");
                assertThat(first.get("format").asText()).isEqualTo("json");
                assertThat(first.get("ts").asText()).endsWith("Z");
                assertThat(first.get("payload").get("d").get("from").asText()).isEqualTo("A");
                assertThat(first.get("raw").asText()).startsWith("{\"d\":{\"from\":\"A\"");
                ConsoleClient.Sse.Message text = streamA.next("evt", WAIT);
                assertThat(text.json().get("payload").isNull()).as("not json: no payload").isTrue();
                assertThat(text.json().get("raw").asText()).isEqualTo("plain text");

                assertThat(seenA).filteredOn(m -> m.event().equals("status")).extracting(m -> m.json().get("clientId")
                        .asText()).contains("d:orga01:sensor:dev1");
                assertNothingOf("orgb02", "\"from\":\"B\"", seenA);
                assertNothingOf("orga01", "\"from\":\"A\"", seenB);
                devB.disconnect();
                devA.disconnect();
            }
            ConsoleClient.Sse.Message gone = streamA.next("status", WAIT);
            assertThat(gone).isNotNull();
            assertThat(gone.json().get("action").asText()).isEqualTo("Disconnect");
            assertThat(gone.json().get("clientId").asText()).isEqualTo("d:orga01:sensor:dev1");
            assertThat(gone.json().get("kind").asText()).isEqualTo("device");
            assertThat(gone.json().get("reason").asText()).isNotEmpty();
            List<ConsoleClient.Sse.Message> rest = new ArrayList<>(streamA.messages);
            assertNothingOf("orgb02", "\"from\":\"B\"", rest);

            JsonNode recent = json(consoleA.get("/console/api/status/recent"));
            JsonNode last = recent.get(recent.size() - 1);
            assertThat(last.get("action").asText()).as("newest last").isEqualTo("Disconnect");
            // every entry is of A's clients (a reason may quote a topic that names B: a refused publish of A's)
            assertThat(recent).allSatisfy(entry -> assertThat(entry.get("clientId").asText()).contains(":orga01:"));
        }
    }

    @Test
    void aBurstIsSampledTheDroppedAreCountedAndThePublisherIsNotSlowed(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        String token = org.registerDevice("pump", "p1");
        org.registerDevice("pump", "p2");
        ConsoleClient console = ConsoleClient.signedIn(iotf, org.apiKey(), org.apiToken());
        int burst = 600;
        try (ConsoleClient.Sse stream = console.stream("/console/api/events/stream?type=pump&device=p1&event=flow")) {
            assertThat(stream.next("hello", WAIT)).isNotNull();
            MqttAsyncClient device = new MqttAsyncClient(iotf.mqttUrl(), org.deviceClientId("pump", "p1"),
                    new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName("use-token-auth");
            options.setPassword(token.toCharArray());
            options.setMaxInflight(burst);
            options.setSocketFactory(MqttTestClient.noDelaySockets());
            device.connect(options).waitForCompletion(10_000);
            try {
                device.publish("iot-2/evt/other/fmt/json", new MqttMessage("{}".getBytes(StandardCharsets.UTF_8)))
                        .waitForCompletion(10_000); // filtered out: another event id
                List<IMqttDeliveryToken> acks = new ArrayList<>();
                for (int i = 0; i < burst; i++) {
                    MqttMessage m = new MqttMessage(("{\"d\":{\"n\":" + i + "}}").getBytes(StandardCharsets.UTF_8));
                    m.setQos(1);
                    acks.add(device.publish("iot-2/evt/flow/fmt/json", m));
                }
                for (IMqttDeliveryToken ack : acks) {
                    ack.waitForCompletion(30_000);
                }
                assertThat(acks).as("every PUBACK arrived").allMatch(IMqttDeliveryToken::isComplete)
                        .allMatch(t -> t.getException() == null);
            } finally {
                device.disconnect().waitForCompletion(10_000);
                device.close();
            }
            // everything of the burst is either sent or counted as dropped, and most of it was dropped
            long[] sentAndDropped = new long[2];
            await().atMost(WAIT).until(() -> {
                for (ConsoleClient.Sse.Message m; (m = stream.messages.poll()) != null;) {
                    if (m.event().equals("evt")) {
                        assertThat(m.json().get("event").asText()).isEqualTo("flow");
                        assertThat(m.json().get("id").asText()).isEqualTo("p1");
                        sentAndDropped[0]++;
                    } else if (m.event().equals("dropped")) {
                        sentAndDropped[1] += m.json().get("n").asLong();
                    }
                }
                return sentAndDropped[0] + sentAndDropped[1] == burst;
            });
            assertThat(sentAndDropped[1]).as("dropped").isPositive();
            assertThat(sentAndDropped[0]).as("sent").isPositive().isLessThan(burst);
        }
    }

    @Test
    void theOverviewCountsWhatIsConnectedTheDeviceTypesAndTheEvents(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        String token = org.registerDevice("valve", "v1");
        org.registerDevice("valve", "v2");
        org.registerDevice("meter", "m1");
        ConsoleClient console = ConsoleClient.signedIn(iotf, org.apiKey(), org.apiToken());
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "valve", "v1", token);
                MqttTestClient app = MqttTestClient.application(iotf, org.appClientId("watch"), org.apiKey(),
                        org.apiToken())) {
            for (int i = 0; i < 7; i++) {
                device.publish("iot-2/evt/state/fmt/json", "{\"d\":{\"open\":true}}", 1);
            }
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode overview = json(console.get("/console/api/overview"));
                assertThat(overview.get("org").asText()).isEqualTo(org.id());
                assertThat(overview.get("devicesConnected").asInt()).isEqualTo(1);
                assertThat(overview.get("applicationsConnected").asInt()).isEqualTo(1);
                assertThat(overview.get("gatewaysConnected").asInt()).isZero();
                JsonNode rates = overview.get("eventsPerSecond");
                assertThat(rates).hasSize(300);
                long sum = 0;
                for (JsonNode s : rates) {
                    sum += s.get("n").asLong();
                }
                assertThat(sum).isEqualTo(7);
                assertThat(rates.get(0).get("t").asText()).isLessThan(rates.get(299).get("t").asText());
                assertThat(overview.get("deviceTypes").toString()).contains("{\"id\":\"meter\",\"devices\":1}")
                        .contains("{\"id\":\"valve\",\"devices\":2}");
                assertThat(overview.get("mqtt").get("port").asInt()).isEqualTo(iotf.mqttPort());
                assertThat(overview.get("mqtt").get("tlsPort").asInt()).isEqualTo(iotf.mqttsPort());
            });
        }
        JsonNode settings = json(console.get("/console/api/settings"));
        assertThat(settings.get("org").asText()).isEqualTo(org.id());
        assertThat(settings.get("mqttHost").asText()).isEqualTo("127.0.0.1");
        assertThat(settings.get("mqttPort").asInt()).isEqualTo(iotf.mqttPort());
        assertThat(settings.get("domain").asText()).isEqualTo(iotf.domain());
    }

    @Test
    void aStreamEndsWithItsSession(IotfEmulator iotf, TestOrganization org) throws Exception {
        ApiKeyCredentials key = org.newApiKey();
        ConsoleClient console = ConsoleClient.signedIn(iotf, key.key(), key.token());
        ConsoleClient admin = new ConsoleClient(iotf);
        admin.signInAsAdmin(IotfEmulatorExtension.CONSOLE_ADMIN, IotfEmulatorExtension.CONSOLE_ADMIN_PASSWORD);
        try (ConsoleClient.Sse stream = console.stream("/console/api/events/stream");
                ConsoleClient.Sse adminStream = admin.stream("/console/api/events/stream?org=" + org.id())) {
            assertThat(stream.next("hello", WAIT)).isNotNull();
            assertThat(adminStream.next("hello", WAIT).json().get("org").asText()).isEqualTo(org.id());
            assertThat(admin.get("/console/api/events/stream").statusCode()).as("the admin names the org")
                    .isEqualTo(400);
            assertThat(ConsoleClient.signedIn(iotf, org.apiKey(), org.apiToken()).send("DELETE",
                    "/api/v0002/authorization/apikeys/" + key.key(), null).statusCode()).isEqualTo(200);
            ConsoleClient.Sse.Message end = stream.next("end", WAIT);
            assertThat(end).as("the revoked key's stream ends").isNotNull();
            assertThat(end.json().get("reason").asText()).contains("was revoked");
            await().atMost(WAIT).until(() -> stream.ended);
            assertThat(adminStream.ended).as("another session's stream goes on").isFalse();
        }
    }

    /** The messages of a stream until {@code count} events with {@code "from":"<from>"} came. */
    private static List<ConsoleClient.Sse.Message> collect(ConsoleClient.Sse stream, String from, int count)
            throws InterruptedException {
        List<ConsoleClient.Sse.Message> seen = new ArrayList<>();
        int mine = 0;
        long end = System.nanoTime() + WAIT.toNanos();
        while (mine < count && System.nanoTime() < end) {
            ConsoleClient.Sse.Message m = stream.messages.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (m != null) {
                seen.add(m);
                if (m.event().equals("evt") && m.data().contains("\"from\":\"" + from + "\"")) {
                    mine++;
                }
            }
        }
        assertThat(mine).as("events of " + from + " on its stream").isEqualTo(count);
        return seen;
    }

    private static void assertNothingOf(String otherOrg, String otherMarker, List<ConsoleClient.Sse.Message> seen) {
        for (ConsoleClient.Sse.Message m : seen) {
            assertThat(m.data()).as(m.event()).doesNotContain(otherOrg).doesNotContain(otherMarker);
        }
    }
}
