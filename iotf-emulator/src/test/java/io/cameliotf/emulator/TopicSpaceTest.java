package io.cameliotf.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.junit.TestOrganization;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Topic spaces and organization isolation [2.3.5, 2.3.6, 5.2.3, 5.2.4, 5.3.3-5.3.8]. */
@ExtendWith(IotfEmulatorExtension.class)
class TopicSpaceTest {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration QUIET = Duration.ofMillis(500);

    @Test
    void applicationSeesDeviceEventsInTheApplicationForm(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "d1");
        try (MqttTestClient app = app(iotf, org, "watcher");
                MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "d1", token)) {
            assertThat(app.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1)).isEqualTo(1);
            device.publish("iot-2/evt/temp/fmt/json", "{\"d\":{\"t\":21}}", 1);
            Received r = app.poll(WAIT);
            assertThat(r).isNotNull();
            assertThat(r.topic()).isEqualTo("iot-2/type/sensor/id/d1/evt/temp/fmt/json");
            assertThat(r.text()).isEqualTo("{\"d\":{\"t\":21}}");
        }
    }

    @Test
    void applicationFiltersByTypeDeviceEventAndFormat(IotfEmulator iotf, TestOrganization org) throws Exception {
        String t1 = org.registerDevice("sensor", "d1");
        String t2 = org.registerDevice("sensor", "d2");
        try (MqttTestClient app = app(iotf, org, "filter");
                MqttTestClient d1 = MqttTestClient.device(iotf, org.id(), "sensor", "d1", t1);
                MqttTestClient d2 = MqttTestClient.device(iotf, org.id(), "sensor", "d2", t2)) {
            app.subscribe("iot-2/type/sensor/id/d2/evt/temp/fmt/json", 1);
            d1.publish("iot-2/evt/temp/fmt/json", "from d1", 1);
            d2.publish("iot-2/evt/other/fmt/json", "other event", 1);
            d2.publish("iot-2/evt/temp/fmt/text", "other format", 1);
            d2.publish("iot-2/evt/temp/fmt/json", "match", 1);
            assertThat(app.drain(QUIET)).extracting(Received::text).containsExactly("match");
        }
    }

    @Test
    void deviceCannotSubscribeToEvents(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "d1");
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "d1", token)) {
            assertThat(device.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1)).isEqualTo(0x80);
            assertThat(device.subscribe("iot-2/evt/+/fmt/+", 1)).isEqualTo(0x80);
            assertThat(device.subscribe("#", 1)).isEqualTo(0x80);
            assertThat(device.subscribe("iot-2/cmd/+/fmt/#", 1)).isEqualTo(0x80);
            assertThat(device.isConnected()).isTrue();
            assertThat(device.subscribe("iot-2/cmd/+/fmt/+", 1)).isEqualTo(1);
        }
    }

    @Test
    void devicesNeverReceiveEventsNotEvenTheirOwn(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "d1");
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "d1", token)) {
            device.subscribe("iot-2/cmd/+/fmt/+", 1);
            device.publish("iot-2/evt/temp/fmt/json", "{}", 1);
            assertThat(device.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void devicePublishingOnACommandTopicIsDisconnected(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "d1");
        try (MqttTestClient app = app(iotf, org, "cmdwatch");
                MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "d1", token)) {
            app.subscribe("iot-2/type/+/id/+/cmd/+/fmt/+", 1);
            device.tryPublish("iot-2/cmd/reboot/fmt/json", "{}", 1);
            assertThat(device.awaitConnectionLost(WAIT)).isTrue();
            assertThat(app.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void deviceCannotImpersonateAnotherDevice(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "d1");
        org.registerDevice("sensor", "d2");
        try (MqttTestClient app = app(iotf, org, "imp");
                MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "d1", token)) {
            app.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            device.tryPublish("iot-2/type/sensor/id/d2/evt/temp/fmt/json", "{}", 1);
            assertThat(device.awaitConnectionLost(WAIT)).isTrue();
            assertThat(app.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void commandReachesExactlyThatDevice(IotfEmulator iotf, TestOrganization org) throws Exception {
        String t1 = org.registerDevice("sensor", "d1");
        String t2 = org.registerDevice("sensor", "d2");
        try (MqttTestClient app = app(iotf, org, "commander");
                MqttTestClient d1 = MqttTestClient.device(iotf, org.id(), "sensor", "d1", t1);
                MqttTestClient d2 = MqttTestClient.device(iotf, org.id(), "sensor", "d2", t2)) {
            assertThat(d1.subscribe("iot-2/cmd/+/fmt/+", 2)).isEqualTo(2);
            d2.subscribe("iot-2/cmd/+/fmt/+", 2);
            app.publish("iot-2/type/sensor/id/d1/cmd/reboot/fmt/json", "{\"d\":{\"delay\":5}}", 2);
            Received r = d1.poll(WAIT);
            assertThat(r).isNotNull();
            assertThat(r.topic()).isEqualTo("iot-2/cmd/reboot/fmt/json");
            assertThat(r.qos()).isEqualTo(2);
            assertThat(r.text()).isEqualTo("{\"d\":{\"delay\":5}}");
            assertThat(d2.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void deviceFiltersItsCommands(IotfEmulator iotf, TestOrganization org) throws Exception {
        String t1 = org.registerDevice("sensor", "d1");
        try (MqttTestClient app = app(iotf, org, "commander");
                MqttTestClient d1 = MqttTestClient.device(iotf, org.id(), "sensor", "d1", t1)) {
            d1.subscribe("iot-2/cmd/blink/fmt/+", 1);
            app.publish("iot-2/type/sensor/id/d1/cmd/reboot/fmt/json", "no", 1);
            app.publish("iot-2/type/sensor/id/d1/cmd/blink/fmt/text", "yes", 1);
            assertThat(d1.drain(QUIET)).extracting(Received::topic).containsExactly("iot-2/cmd/blink/fmt/text");
        }
    }

    @Test
    void applicationCanWatchCommandsAndPublishEventsOnBehalfOfDevices(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        try (MqttTestClient watcher = app(iotf, org, "watcher");
                MqttTestClient proxy = app(iotf, org, "proxy")) {
            watcher.subscribe("iot-2/type/+/id/+/cmd/+/fmt/+", 1);
            watcher.subscribe("iot-2/type/legacy/id/+/evt/+/fmt/+", 1);
            proxy.publish("iot-2/type/legacy/id/old-1/evt/reading/fmt/csv", "1,2,3", 1);
            proxy.publish("iot-2/type/legacy/id/old-1/cmd/reset/fmt/json", "{}", 1);
            assertThat(watcher.drain(QUIET)).extracting(Received::topic).containsExactlyInAnyOrder(
                    "iot-2/type/legacy/id/old-1/evt/reading/fmt/csv", "iot-2/type/legacy/id/old-1/cmd/reset/fmt/json");
        }
    }

    @Test
    void applicationPublishingOutsideItsSpaceIsDisconnected(IotfEmulator iotf, TestOrganization org) throws Exception {
        try (MqttTestClient app = app(iotf, org, "rogue")) {
            app.tryPublish("iot-2/type/t/id/i/mon", "{}", 1);
            assertThat(app.awaitConnectionLost(WAIT)).isTrue();
        }
        try (MqttTestClient app = app(iotf, org, "rogue2")) {
            app.tryPublish("some/other/topic", "{}", 0);
            assertThat(app.awaitConnectionLost(WAIT)).isTrue();
        }
    }

    @Test
    void applicationSubscriptionsOutsideItsSpaceAreRefused(IotfEmulator iotf, TestOrganization org) throws Exception {
        try (MqttTestClient app = app(iotf, org, "subs")) {
            assertThat(app.subscribe("#", 0)).isEqualTo(0x80);
            assertThat(app.subscribe("iot-2/#", 0)).isEqualTo(0x80);
            assertThat(app.subscribe("iot-2/type/+/id/+/evt/#", 0)).isEqualTo(0x80);
            assertThat(app.subscribe(org.id() + "/iot-2/type/+/id/+/evt/+/fmt/+", 0)).isEqualTo(0x80);
            assertThat(app.subscribe("$share/g/iot-2/type/+/id/+/evt/+/fmt/+", 0)).isEqualTo(0x80);
            assertThat(app.subscribe("iot-2/type/+/id/+/mon", 1)).isEqualTo(1);
            assertThat(app.subscribe("iot-2/app/+/mon", 1)).isEqualTo(1);
            assertThat(app.subscribe("iot-2/type/+/id/+/cmd/+/fmt/+", 2)).isEqualTo(2);
        }
    }

    @Test
    void organizationsNeverSeeEachOthersMessages(IotfEmulator iotf, TestOrganization a, TestOrganization b)
            throws Exception {
        String ta = a.registerDevice("sensor", "same");
        String tb = b.registerDevice("sensor", "same");
        try (MqttTestClient appA = app(iotf, a, "app");
                MqttTestClient appB = app(iotf, b, "app");
                MqttTestClient devA = MqttTestClient.device(iotf, a.id(), "sensor", "same", ta);
                MqttTestClient devB = MqttTestClient.device(iotf, b.id(), "sensor", "same", tb)) {
            appA.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            appB.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            devA.subscribe("iot-2/cmd/+/fmt/+", 1);
            devB.subscribe("iot-2/cmd/+/fmt/+", 1);
            devA.publish("iot-2/evt/e/fmt/json", "from A", 1);
            devB.publish("iot-2/evt/e/fmt/json", "from B", 1);
            appA.publish("iot-2/type/sensor/id/same/cmd/c/fmt/json", "cmd A", 1);
            assertThat(appA.drain(QUIET)).extracting(Received::text).containsExactly("from A");
            assertThat(appB.drain(QUIET)).extracting(Received::text).containsExactly("from B");
            assertThat(devA.drain(QUIET)).extracting(Received::text).containsExactly("cmd A");
            assertThat(devB.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void retainedFlagIsIgnored(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "r1");
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "r1", token);
                MqttTestClient live = app(iotf, org, "live")) {
            live.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            device.publishRetained("iot-2/evt/state/fmt/json", "{}", 1);
            Received r = live.poll(WAIT);
            assertThat(r).isNotNull();
            assertThat(r.retained()).isFalse();
        }
        try (MqttTestClient late = app(iotf, org, "late")) {
            late.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            assertThat(late.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void unsubscribeStopsDelivery(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "u1");
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "u1", token);
                MqttTestClient app = app(iotf, org, "unsub")) {
            app.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            device.publish("iot-2/evt/a/fmt/json", "1", 1);
            assertThat(app.poll(WAIT)).isNotNull();
            app.unsubscribe("iot-2/type/+/id/+/evt/+/fmt/+");
            device.publish("iot-2/evt/a/fmt/json", "2", 1);
            assertThat(app.drain(QUIET)).isEmpty();
        }
    }

    static MqttTestClient app(IotfEmulator iotf, TestOrganization org, String appId) throws Exception {
        return MqttTestClient.application(iotf, org.appClientId(appId), org.apiKey(), org.apiToken());
    }
}
