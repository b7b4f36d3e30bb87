package io.cameliotf.emulator.mgmt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.api.Http;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.emulator.registry.NewDeviceType;
import io.cameliotf.emulator.store.DeviceInfo;
import io.cameliotf.emulator.store.DeviceType;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Device management requests (later contract 2.14, 3.5.5-3.5.7): each action's flow between the service and a plain
 * Paho managed device or gateway, with the per-device status the API shows, and the refusals of bad requests.
 */
@ExtendWith(IotfEmulatorExtension.class)
public class MgmtRequestsTest {

    static final String REQUESTS = "/mgmt/requests";
    static final String ALL = "{\"deviceActions\":true,\"firmwareActions\":true}";

    public static String body(String action, String parameters, String... devices) {
        StringBuilder b = new StringBuilder("{\"action\":\"" + action + "\",");
        if (parameters != null) {
            b.append("\"parameters\":").append(parameters).append(',');
        }
        b.append("\"devices\":[");
        for (int i = 0; i < devices.length; i += 2) {
            b.append(i == 0 ? "" : ",").append("{\"typeId\":\"").append(devices[i]).append("\",\"deviceId\":\"")
                    .append(devices[i + 1]).append("\"}");
        }
        return b.append("]}").toString();
    }

    public static String initiate(Http api, String body) throws Exception {
        Http.Response r = api.post(REQUESTS, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().get("reqId").asText();
    }

    public static JsonNode status(Http api, String id, String type, String device) throws Exception {
        return api.get(REQUESTS + "/" + id + "/deviceStatus/" + type + "/" + device).json();
    }

    /** The device's status once it is complete (the last step is the service's, after the device's message). */
    public static JsonNode completed(Http api, String id, String type, String device) throws Exception {
        long end = System.nanoTime() + DmClient.WAIT.toNanos();
        JsonNode s = status(api, id, type, device);
        while (!s.get("complete").asBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
            s = status(api, id, type, device);
        }
        return s;
    }

    @Test
    void rebootCompletesWithTheDevicesNextManage(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("pi", "p1");
        Http api = DeviceManagementTest.api(iotf, org);
        try (DmClient device = DmClient.device(iotf, org, "pi", "p1", token, true)) {
            device.manage(ALL);
            String id = initiate(api, body("device/reboot", null, "pi", "p1"));
            ObjectNode reboot = device.next("mgmt/initiate/device/reboot");
            assertThat(reboot.get("reqId").asText()).isNotEmpty();
            JsonNode request = api.get(REQUESTS + "/" + id).json();
            assertThat(request.get("action").asText()).isEqualTo("device/reboot");
            assertThat(request.get("complete").asBoolean()).isFalse();
            assertThat(request.get("status").asInt()).isEqualTo(1);
            assertThat(status(api, id, "pi", "p1").get("status").asInt()).as("in progress").isEqualTo(1);

            device.respond(reboot, 202, null);
            Thread.sleep(200); // the reboot itself; the 202 is kept before the new manage is read
            assertThat(status(api, id, "pi", "p1").get("complete").asBoolean()).isFalse();
            device.manage(ALL);
            JsonNode done = completed(api, id, "pi", "p1");
            assertThat(done.get("status").asInt()).isEqualTo(0);
            assertThat(done.get("complete").asBoolean()).isTrue();
            assertThat(api.get(REQUESTS + "/" + id).json().get("complete").asBoolean()).isTrue();
            JsonNode list = api.get(REQUESTS + "/" + id + "/deviceStatus").json();
            assertThat(list.get("results")).hasSize(1);
            assertThat(list.get("results").get(0).get("deviceId").asText()).isEqualTo("p1");
        }
    }

    @Test
    void factoryResetTheDeviceRefusesFailsWithItsMessage(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("pi", "p1");
        Http api = DeviceManagementTest.api(iotf, org);
        try (DmClient device = DmClient.device(iotf, org, "pi", "p1", token, true)) {
            device.manage(ALL);
            String id = initiate(api, body("device/factoryReset", null, "pi", "p1"));
            device.respond(device.next("mgmt/initiate/device/factory_reset"), 501, "no reset on this model");
            JsonNode failed = completed(api, id, "pi", "p1");
            assertThat(failed.get("status").asInt()).isEqualTo(2);
            assertThat(failed.get("rc").asInt()).isEqualTo(501);
            assertThat(failed.get("message").asText()).contains("no reset on this model").contains("501");
            assertThat(api.get(REQUESTS + "/" + id).json().get("status").asInt()).isEqualTo(2);
        }
    }

    @Test
    void firmwareDownloadThenUpdate(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("pi", "p1");
        Http api = DeviceManagementTest.api(iotf, org);
        try (DmClient device = DmClient.device(iotf, org, "pi", "p1", token, true)) {
            device.manage(ALL);
            String download = initiate(api, body("firmware/download", "[{\"name\":\"uri\",\"value\":"
                    + "\"http://fw.example/2.0.bin\"},{\"name\":\"version\",\"value\":\"2.0\"},{\"name\":\"verifier\","
                    + "\"value\":\"abc\"}]", "pi", "p1"));
            ObjectNode update = device.next("device/update");
            JsonNode fw = update.get("d").get("fields").get(0);
            assertThat(fw.get("field").asText()).isEqualTo("mgmt.firmware");
            assertThat(fw.get("value").get("uri").asText()).isEqualTo("http://fw.example/2.0.bin");
            assertThat(fw.get("value").get("version").asText()).isEqualTo("2.0");
            assertThat(fw.get("value").get("name").asText()).as("every key present").isEmpty();
            assertThat(fw.get("value").get("state").asInt()).isZero();
            device.respond(update, 204, null);
            ObjectNode observe = device.next("observe");
            assertThat(observe.get("d").get("fields").get(0).get("field").asText()).isEqualTo("mgmt.firmware");
            device.respond(observe, 200, null);
            device.respond(device.next("mgmt/initiate/firmware/download"), 202, null);
            assertThat(device.request("notify", "{\"field\":\"mgmt.firmware\",\"value\":{\"state\":1}}")
                    .get("rc").asInt()).isEqualTo(200);
            assertThat(api.get(DeviceManagementTest.DEVICE + "/mgmt").json().get("firmware").get("state").asInt())
                    .isEqualTo(1);
            // IBM's Python client notifies in the fields form, without a reqId
            device.publish("notify", "{\"d\":{\"fields\":[{\"field\":\"mgmt.firmware\",\"value\":{\"state\":2}}]}}");
            ObjectNode cancel = device.next("cancel");
            assertThat(cancel.get("d").get("fields").get(0).get("field").asText()).isEqualTo("mgmt.firmware");
            assertThat(status(api, download, "pi", "p1").get("complete").asBoolean()).isFalse();
            device.respond(cancel, 200, null);
            assertThat(completed(api, download, "pi", "p1").get("status").asInt()).isEqualTo(0);
            assertThat(api.get(DeviceManagementTest.DEVICE + "/mgmt").json().get("firmware").get("state").asInt())
                    .isEqualTo(2);

            String install = initiate(api, body("firmware/update", null, "pi", "p1"));
            device.respond(device.next("observe"), 200, null);
            device.respond(device.next("mgmt/initiate/firmware/update"), 202, null);
            device.publish("notify", "{\"d\":{\"field\":\"mgmt.firmware\",\"value\":{\"state\":0,"
                    + "\"updateStatus\":1}}}");
            device.publish("notify", "{\"d\":{\"field\":\"mgmt.firmware\",\"value\":{\"state\":0,"
                    + "\"updateStatus\":0}}}");
            device.respond(device.next("cancel"), 200, null);
            assertThat(completed(api, install, "pi", "p1").get("status").asInt()).isEqualTo(0);
            assertThat(api.get(DeviceManagementTest.DEVICE).json().get("deviceInfo").get("fwVersion").asText())
                    .isEqualTo("2.0");
        }
    }

    @Test
    void firmwareDownloadErrorStatusFailsTheDevice(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("pi", "p1");
        Http api = DeviceManagementTest.api(iotf, org);
        try (DmClient device = DmClient.device(iotf, org, "pi", "p1", token, true)) {
            device.manage(ALL);
            String id = initiate(api, body("firmware/download", "[{\"name\":\"uri\",\"value\":\"http://x/fw\"}]",
                    "pi", "p1"));
            device.respond(device.next("device/update"), 204, null);
            device.respond(device.next("observe"), 200, null);
            device.respond(device.next("mgmt/initiate/firmware/download"), 202, null);
            device.publish("notify", "{\"d\":{\"field\":\"mgmt.firmware\",\"value\":{\"state\":0,"
                    + "\"updateStatus\":3}}}");
            assertThat(device.next("cancel").has("reqId")).as("the observation ends").isTrue();
            JsonNode failed = completed(api, id, "pi", "p1");
            assertThat(failed.get("status").asInt()).isEqualTo(2);
            assertThat(failed.get("message").asText()).contains("updateStatus 3").contains("Connection Lost");
        }
    }

    @Test
    void customActionOfABundleTheDeviceOptedInto(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("pi", "p1");
        String other = org.registerDevice("pi", "p2");
        Http api = DeviceManagementTest.api(iotf, org);
        try (DmClient device = DmClient.device(iotf, org, "pi", "p1", token, true);
                DmClient plain = DmClient.device(iotf, org, "pi", "p2", other, true)) {
            device.manage("{\"example-dme\":true}");
            plain.manage(ALL);
            Http.Response refused = api.post(REQUESTS, body("example-dme/blink", null, "pi", "p2"));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("message").asText()).contains("supports.example-dme");
            String id = initiate(api, body("example-dme/blink", "[{\"name\":\"times\",\"value\":\"3\"}]",
                    "pi", "p1"));
            ObjectNode blink = device.next("mgmt/custom/example-dme/blink");
            JsonNode field = blink.get("d").get("fields").get(0);
            assertThat(field.get("field").asText()).isEqualTo("times");
            assertThat(field.get("value").asText()).isEqualTo("3");
            device.respond(blink, 200, null);
            assertThat(completed(api, id, "pi", "p1").get("status").asInt()).isEqualTo(0);
            assertThat(api.get(REQUESTS + "/" + id).json().get("parameters").get(0).get("name").asText())
                    .isEqualTo("times");
        }
    }

    @Test
    void anOfflineDurableDeviceGetsTheRequestWhenItComesBack(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        String token = org.registerDevice("pi", "away");
        Http api = DeviceManagementTest.api(iotf, org);
        try (DmClient device = DmClient.device(iotf, org, "pi", "away", token, false)) {
            device.manage(ALL);
            device.mqtt().disconnect();
        }
        String id = initiate(api, body("device/reboot", null, "pi", "away"));
        try (DmClient back = DmClient.resume(iotf, org, "pi", "away", token)) {
            ObjectNode reboot = back.next("mgmt/initiate/device/reboot");
            back.respond(reboot, 202, null);
            back.manage(ALL);
            assertThat(completed(api, id, "pi", "away").get("status").asInt()).isEqualTo(0);
        }
    }

    @Test
    void aGatewayManagesItselfAndADeviceBehindIt(IotfEmulator iotf, TestOrganization org) throws Exception {
        iotf.devices().createType(org.id(), new NewDeviceType("gw", DeviceType.GATEWAY, null, DeviceInfo.EMPTY, null));
        String gwToken = org.registerDevice("gw", "g1");
        Http api = DeviceManagementTest.api(iotf, org);
        try (MqttTestClient gw = DmClient.gateway(iotf, org, "gw", "g1", gwToken)) {
            DmClient self = DmClient.through(gw, "gw", "g1");
            DmClient served = DmClient.through(gw, "sensor", "s1"); // registered on first use
            self.manage(ALL);
            served.manage(ALL);
            assertThat(api.get("/device/types/sensor/devices/s1").json().get("gatewayId").asText()).isEqualTo("g1");
            assertThat(api.get("/device/types/sensor/devices/s1/mgmt").json().get("gateway").get("deviceId")
                    .asText()).isEqualTo("g1");
            String id = initiate(api, body("device/factoryReset", null, "sensor", "s1", "gw", "g1"));
            served.respond(served.next("mgmt/initiate/device/factory_reset"), 202, null);
            self.respond(self.next("mgmt/initiate/device/factory_reset"), 202, null);
            served.manage(ALL);
            assertThat(completed(api, id, "sensor", "s1").get("status").asInt()).isEqualTo(0);
            assertThat(status(api, id, "gw", "g1").get("complete").asBoolean()).isFalse();
            self.manage(ALL);
            assertThat(completed(api, id, "gw", "g1").get("status").asInt()).isEqualTo(0);
        }
    }

    @Test
    void requestsThatCannotBeInitiatedAreRefused(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("pi", "p1");
        org.registerDevice("pi", "idle");
        String other = org.registerDevice("cam", "c1");
        Http api = DeviceManagementTest.api(iotf, org);
        try (DmClient device = DmClient.device(iotf, org, "pi", "p1", token, true);
                DmClient cam = DmClient.device(iotf, org, "cam", "c1", other, true)) {
            device.manage("{\"deviceActions\":true}");
            cam.manage(ALL);
            Http.Response unknown = api.post(REQUESTS, body("device/reboot", null, "pi", "nobody"));
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().get("message").asText()).contains("pi/nobody");
            Http.Response unmanaged = api.post(REQUESTS, body("device/reboot", null, "pi", "idle"));
            assertThat(unmanaged.status()).isEqualTo(403);
            assertThat(unmanaged.json().get("message").asText()).contains("pi/idle").contains("not managed");
            Http.Response unsupported = api.post(REQUESTS, body("firmware/update", null, "pi", "p1"));
            assertThat(unsupported.status()).isEqualTo(403);
            assertThat(unsupported.json().get("message").asText()).contains("supports.firmwareActions");
            Http.Response mixed = api.post(REQUESTS, body("firmware/update", null, "pi", "p1", "cam", "c1"));
            assertThat(mixed.status()).isEqualTo(400);
            assertThat(mixed.json().get("message").asText()).contains("one type");
            Http.Response noUri = api.post(REQUESTS, body("firmware/download", "[]", "cam", "c1"));
            assertThat(noUri.status()).isEqualTo(400);
            assertThat(noUri.json().get("message").asText()).contains("'uri'");

            Http.Response bad = api.post(REQUESTS, "{\"action\":\"reboot\",\"devices\":[],\"priority\":1,"
                    + "\"timeout\":0}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("violations")).extracting(v -> v.get("message").asText()).hasSize(4)
                    .anyMatch(m -> m.contains("'priority'")).anyMatch(m -> m.contains("'action' reboot"))
                    .anyMatch(m -> m.contains("'timeout'")).anyMatch(m -> m.contains("1 to 5000"));
            StringBuilder many = new StringBuilder();
            for (int i = 0; i <= RequestEngine.MAX_DEVICES; i++) {
                many.append(i == 0 ? "" : ",").append("{\"typeId\":\"pi\",\"deviceId\":\"d").append(i).append("\"}");
            }
            Http.Response tooMany = api.post(REQUESTS, "{\"action\":\"device/reboot\",\"devices\":[" + many + "]}");
            assertThat(tooMany.status()).isEqualTo(400);
            assertThat(tooMany.json().get("message").asText()).contains("5001 devices").contains("1 to 5000");

            // a firmware request in progress blocks another, unless ?override=true
            String first = initiate(api, body("firmware/download", "[{\"name\":\"uri\",\"value\":\"http://x/1\"}]",
                    "cam", "c1"));
            Http.Response blocked = api.post(REQUESTS, body("firmware/download",
                    "[{\"name\":\"uri\",\"value\":\"http://x/2\"}]", "cam", "c1"));
            assertThat(blocked.status()).isEqualTo(409);
            assertThat(blocked.json().get("message").asText()).contains(first).contains("override=true");
            Http.Response override = api.post(REQUESTS + "?override=true", body("firmware/download",
                    "[{\"name\":\"uri\",\"value\":\"http://x/2\"}]", "cam", "c1"));
            assertThat(override.status()).isEqualTo(202);
            JsonNode overridden = status(api, first, "cam", "c1");
            assertThat(overridden.get("status").asInt()).isEqualTo(2);
            assertThat(overridden.get("message").asText()).contains(override.json().get("reqId").asText());
        }
    }

    @Test
    void cancelDeleteTimeoutAndPaging(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("pi", "p1");
        Http api = DeviceManagementTest.api(iotf, org);
        try (DmClient device = DmClient.device(iotf, org, "pi", "p1", token, true)) {
            device.manage(ALL);
            String silent = initiate(api, body("device/reboot", null, "pi", "p1"));
            Http.Response cancelled = api.post(REQUESTS + "/" + silent + "/cancel", "");
            assertThat(cancelled.status()).isEqualTo(200);
            assertThat(cancelled.json().get("complete").asBoolean()).isTrue();
            JsonNode s = status(api, silent, "pi", "p1");
            assertThat(s.get("status").asInt()).isEqualTo(2);
            assertThat(s.get("message").asText()).contains("Cancelled");

            String timed = initiate(api, "{\"action\":\"device/reboot\",\"timeout\":1,\"devices\":[{\"typeId\":"
                    + "\"pi\",\"deviceId\":\"p1\"}]}");
            assertThat(api.get(REQUESTS + "/" + timed).json().get("timeout").asInt()).isEqualTo(1);
            JsonNode expired = completedWithin(api, timed, Duration.ofSeconds(5));
            assertThat(expired.get("status").asInt()).isEqualTo(3);
            assertThat(expired.get("message").asText()).contains("timeout of 1 s");

            JsonNode page = api.get(REQUESTS + "?_limit=1").json();
            assertThat(page.get("results")).hasSize(1);
            assertThat(page.get("results").get(0).get("id").asText()).isEqualTo(silent);
            assertThat(page.get("meta").get("total_rows").asInt()).isEqualTo(2);
            JsonNode next = api.get(REQUESTS + "?_limit=1&_bookmark=" + page.get("bookmark").asText()).json();
            assertThat(next.get("results").get(0).get("id").asText()).isEqualTo(timed);
            assertThat(next.has("bookmark")).isFalse();

            assertThat(api.delete(REQUESTS + "/" + silent).status()).isEqualTo(204);
            assertThat(api.get(REQUESTS + "/" + silent).status()).isEqualTo(404);
            assertThat(api.get(REQUESTS + "/" + silent + "/deviceStatus").status()).isEqualTo(404);
            assertThat(api.delete(REQUESTS + "/" + silent).status()).isEqualTo(404);
        }
    }

    private static JsonNode completedWithin(Http api, String id, Duration wait) throws Exception {
        long end = System.nanoTime() + wait.toNanos();
        JsonNode s = status(api, id, "pi", "p1");
        while (!s.get("complete").asBoolean() && System.nanoTime() < end) {
            Thread.sleep(50);
            s = status(api, id, "pi", "p1");
        }
        return s;
    }
}
