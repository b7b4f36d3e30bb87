package io.cameliotf.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.seed.Seed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The organization at the root of the broker's topics (the test seed's first, {@code orga01}) and a mounted one
 * ({@code orgb02}), which both have a device {@code sensor/dev1}: identical client topics, one stored as written and
 * one under its mount. Neither reaches anything of the other, in either direction, whatever a client tries [2.1.1,
 * 2.3.6]: wildcards, another organization's topic written out, shared subscriptions, wills, publishes on behalf of
 * devices and status messages.
 */
@ExtendWith(IotfEmulatorExtension.class)
class RootOrganizationTest {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration QUIET = Duration.ofMillis(500);
    static final String ROOT = "orga01";
    static final String MOUNTED = "orgb02";
    static final String EVENTS = "iot-2/type/+/id/+/evt/+/fmt/+";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFirstOrganizationOfTheSeedIsAtTheRoot(IotfEmulator iotf) {
        assertThat(iotf.rootOrganization()).isEqualTo(ROOT);
        assertThat(iotf.endpoints().get("Root organization")).startsWith(ROOT);
    }

    @Test
    void eventsOfTheSameDeviceIdNeverCrossTheBoundary(IotfEmulator iotf) throws Exception {
        try (MqttTestClient rootApp = app(iotf, ROOT, "evx");
                MqttTestClient mountedApp = app(iotf, MOUNTED, "evx");
                MqttTestClient rootDev = device(iotf, ROOT);
                MqttTestClient mountedDev = device(iotf, MOUNTED)) {
            rootApp.subscribe(EVENTS, 1);
            mountedApp.subscribe(EVENTS, 1);
            rootDev.publish("iot-2/evt/e/fmt/json", "from root", 1);
            mountedDev.publish("iot-2/evt/e/fmt/json", "from mounted", 1);
            List<Received> atRoot = rootApp.drain(QUIET);
            assertThat(atRoot).extracting(Received::text).containsExactly("from root");
            // delivered as stored: the root organization's topics are its clients' topics
            assertThat(atRoot.get(0).topic()).isEqualTo("iot-2/type/sensor/id/dev1/evt/e/fmt/json");
            List<Received> atMounted = mountedApp.drain(QUIET);
            assertThat(atMounted).extracting(Received::text).containsExactly("from mounted");
            assertThat(atMounted.get(0).topic()).isEqualTo("iot-2/type/sensor/id/dev1/evt/e/fmt/json");
        }
    }

    @Test
    void noFilterOfTheRootReachesAMountedOrganizationAndTheReverse(IotfEmulator iotf) throws Exception {
        String[] filters = {"#", "+/#", "+/iot-2/#", "+/iot-2/type/+/id/+/evt/+/fmt/+", MOUNTED + "/#",
            MOUNTED + "/iot-2/type/+/id/+/evt/+/fmt/+", ROOT + "/iot-2/type/+/id/+/evt/+/fmt/+", "iot-2/#",
            "$share/g/#", "$share/g/+/iot-2/type/+/id/+/evt/+/fmt/+", "$share/g/" + MOUNTED + "/iot-2/#",
            "$share/" + MOUNTED + ":evx/" + EVENTS, "iotdm-1/#", "iotdevice-1/#", "$iotf/denied"};
        for (String org : List.of(ROOT, MOUNTED)) {
            try (MqttTestClient app = app(iotf, org, "wild")) {
                for (String filter : filters) {
                    assertThat(app.subscribe(filter, 1)).as(org + " subscribing to " + filter).isEqualTo(0x80);
                }
                assertThat(app.isConnected()).isTrue();
            }
        }
    }

    @Test
    void commandsOnBehalfReachOnlyTheirOwnOrganizationsDevice(IotfEmulator iotf) throws Exception {
        try (MqttTestClient rootApp = app(iotf, ROOT, "cmdx");
                MqttTestClient mountedApp = app(iotf, MOUNTED, "cmdx");
                MqttTestClient rootDev = device(iotf, ROOT);
                MqttTestClient mountedDev = device(iotf, MOUNTED)) {
            rootDev.subscribe("iot-2/cmd/+/fmt/+", 1);
            mountedDev.subscribe("iot-2/cmd/+/fmt/+", 1);
            rootApp.publish("iot-2/type/sensor/id/dev1/cmd/c/fmt/json", "root cmd", 1);
            mountedApp.publish("iot-2/type/sensor/id/dev1/cmd/c/fmt/json", "mounted cmd", 1);
            assertThat(rootDev.drain(QUIET)).extracting(Received::text).containsExactly("root cmd");
            assertThat(mountedDev.drain(QUIET)).extracting(Received::text).containsExactly("mounted cmd");
        }
    }

    @Test
    void eventsPublishedOnBehalfOfDevicesStayInTheirOrganization(IotfEmulator iotf) throws Exception {
        try (MqttTestClient rootApp = app(iotf, ROOT, "obx");
                MqttTestClient mountedApp = app(iotf, MOUNTED, "obx");
                MqttTestClient rootRelay = app(iotf, ROOT, "relay");
                MqttTestClient mountedRelay = app(iotf, MOUNTED, "relay")) {
            rootApp.subscribe(EVENTS, 1);
            mountedApp.subscribe(EVENTS, 1);
            rootRelay.publish("iot-2/type/sensor/id/dev1/evt/e/fmt/json", "root relay", 1);
            mountedRelay.publish("iot-2/type/sensor/id/dev1/evt/e/fmt/json", "mounted relay", 1);
            assertThat(rootApp.drain(QUIET)).extracting(Received::text).containsExactly("root relay");
            assertThat(mountedApp.drain(QUIET)).extracting(Received::text).containsExactly("mounted relay");
        }
    }

    @Test
    void publishingAnotherOrganizationsTopicWrittenOutIsRefused(IotfEmulator iotf) throws Exception {
        try (MqttTestClient mountedDev = device(iotf, MOUNTED);
                MqttTestClient rootDev = device(iotf, ROOT)) {
            mountedDev.subscribe("iot-2/cmd/+/fmt/+", 1);
            rootDev.subscribe("iot-2/cmd/+/fmt/+", 1);
            try (MqttTestClient rootApp = app(iotf, ROOT, "rogue")) {
                rootApp.tryPublish(MOUNTED + "/iot-2/type/sensor/id/dev1/cmd/c/fmt/json", "x", 1);
                assertThat(rootApp.awaitConnectionLost(WAIT)).isTrue();
            }
            try (MqttTestClient mountedApp = app(iotf, MOUNTED, "rogue")) {
                mountedApp.tryPublish(ROOT + "/iot-2/type/sensor/id/dev1/cmd/c/fmt/json", "x", 1);
                assertThat(mountedApp.awaitConnectionLost(WAIT)).isTrue();
            }
            assertThat(mountedDev.drain(QUIET)).isEmpty();
            assertThat(rootDev.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void willsAreMountedLikePublishes(IotfEmulator iotf) throws Exception {
        try (MqttTestClient rootDev = device(iotf, ROOT);
                MqttTestClient mountedDev = device(iotf, MOUNTED)) {
            rootDev.subscribe("iot-2/cmd/+/fmt/+", 1);
            mountedDev.subscribe("iot-2/cmd/+/fmt/+", 1);
            // a mounted application's will on the root organization's device's command topic
            dropWithWill(iotf, MOUNTED, "iot-2/type/sensor/id/dev1/cmd/will/fmt/json", "mounted will");
            // the root application's will, written out with the mounted organization's prefix
            dropWithWill(iotf, ROOT, MOUNTED + "/iot-2/type/sensor/id/dev1/cmd/will/fmt/json", "root will");
            assertThat(mountedDev.drain(QUIET)).extracting(Received::text).containsExactly("mounted will");
            assertThat(rootDev.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void statusMessagesStayInTheirOrganization(IotfEmulator iotf) throws Exception {
        try (MqttTestClient rootMon = app(iotf, ROOT, "monx");
                MqttTestClient mountedMon = app(iotf, MOUNTED, "monx")) {
            rootMon.subscribe("iot-2/type/+/id/+/mon", 1);
            mountedMon.subscribe("iot-2/type/+/id/+/mon", 1);
            rootMon.subscribe("iot-2/app/+/mon", 1);
            mountedMon.subscribe("iot-2/app/+/mon", 1);
            try (MqttTestClient rootDev = device(iotf, ROOT)) {
                assertThat(rootMon.poll(WAIT)).isNotNull();
            }
            List<Received> root = rootMon.drain(QUIET);
            assertThat(root).extracting(Received::topic).containsOnly("iot-2/type/sensor/id/dev1/mon");
            assertThat(mountedMon.drain(QUIET)).isEmpty();
            try (MqttTestClient other = app(iotf, MOUNTED, "visitor")) {
                assertThat(mountedMon.poll(WAIT)).isNotNull();
            }
            assertThat(rootMon.drain(QUIET)).isEmpty();
        }
    }

    /**
     * What the root organization's applications give up for the hook they do without: the service does not see what
     * is delivered to them, so their Disconnect status counts no written messages; a mounted organization's does.
     */
    @Test
    void deliveriesToRootApplicationsAreNotCounted(IotfEmulator iotf) throws Exception {
        for (String org : List.of(ROOT, MOUNTED)) {
            try (MqttTestClient monitor = app(iotf, org, "counter-mon")) {
                monitor.subscribe("iot-2/app/counted/mon", 1);
                try (MqttTestClient counted = app(iotf, org, "counted");
                        MqttTestClient dev = device(iotf, org)) {
                    counted.subscribe(EVENTS, 1);
                    dev.publish("iot-2/evt/e/fmt/json", "{}", 1);
                    assertThat(counted.poll(WAIT)).isNotNull();
                    counted.disconnect();
                }
                JsonNode disconnect = null;
                for (Received r : monitor.drain(QUIET)) {
                    JsonNode status = JSON.readTree(r.payload());
                    if ("Disconnect".equals(status.get("Action").asText())) {
                        disconnect = status;
                    }
                }
                assertThat(disconnect).as(org + "'s Disconnect status").isNotNull();
                assertThat(disconnect.get("WriteMsg").asInt()).as(org).isEqualTo(ROOT.equals(org) ? 0 : 1);
            }
        }
    }

    private static void dropWithWill(IotfEmulator iotf, String org, String topic, String payload) throws Exception {
        Seed.Key key = seedOrg(iotf, org).apiKey(0);
        try (MqttTestClient app = MqttTestClient.builder(iotf.mqttUrl(), "a:" + org + ":willer")
                .username(key.key()).password(key.token()).will(topic, payload, 1).connect()) {
            app.dropConnection();
        }
    }

    static MqttTestClient app(IotfEmulator iotf, String org, String appId) throws Exception {
        Seed.Key key = seedOrg(iotf, org).apiKey(0);
        return MqttTestClient.application(iotf, "a:" + org + ":" + appId, key.key(), key.token());
    }

    static MqttTestClient device(IotfEmulator iotf, String org) throws Exception {
        return MqttTestClient.device(iotf, org, "sensor", "dev1", seedOrg(iotf, org).device("sensor", "dev1").token());
    }

    private static Seed.Org seedOrg(IotfEmulator iotf, String org) {
        return iotf.seed().organizations().stream().filter(o -> o.id().equals(org)).findFirst().orElseThrow();
    }
}
