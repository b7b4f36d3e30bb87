package io.cameliotf.emulator.mgmt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.api.Http;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The device management protocol (later contract 3.5.1-3.5.4) with a plain Paho client as the managed device:
 * manage, unmanage, location and diagnostics, their refusals, and what API v0002 shows of them (2.5-2.7).
 */
@ExtendWith(IotfEmulatorExtension.class)
class DeviceManagementTest {

    static Http api(IotfEmulator iotf, TestOrganization org) {
        return new Http(iotf.httpUrl("v0002"), org.apiKey(), org.apiToken());
    }

    static final String DEVICE = "/device/types/pi/devices/p1";

    @Test
    void manageIsShownByTheApiAndUnmanageEndsIt(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("pi", "p1");
        Http api = api(iotf, org);
        assertThat(api.get(DEVICE + "/mgmt").status()).as("not managed yet").isEqualTo(404);
        try (DmClient device = DmClient.device(iotf, org, "pi", "p1", token, true)) {
            JsonNode r = device.request("mgmt/manage", "{\"lifetime\":3600,\"supports\":{\"deviceActions\":true,"
                    + "\"firmwareActions\":false,\"example-dme\":true},\"deviceInfo\":{\"model\":\"M2\","
                    + "\"fwVersion\":\"1.0\"},\"metadata\":{\"room\":7}}");
            assertThat(r.get("rc").asInt()).isEqualTo(200);
            assertThat(r.has("message")).isFalse();

            JsonNode mgmt = api.get(DEVICE + "/mgmt").json();
            assertThat(mgmt.get("supports").get("deviceActions").asBoolean()).isTrue();
            assertThat(mgmt.get("supports").get("firmwareActions").asBoolean()).isFalse();
            assertThat(mgmt.get("supports").get("example-dme").asBoolean()).isTrue();
            assertThat(mgmt.get("dormant").asBoolean()).isFalse();
            assertThat(mgmt.has("dormantDateTime")).as("lifetime 3600").isTrue();
            JsonNode d = api.get(DEVICE).json();
            assertThat(d.get("deviceInfo").get("model").asText()).isEqualTo("M2");
            assertThat(d.get("metadata").get("room").asInt()).isEqualTo(7);
            assertThat(d.get("refs").get("mgmt").asText()).isEqualTo("/api/v0002" + DEVICE + "/mgmt");

            // a second manage replaces deviceInfo and metadata as a whole
            device.request("mgmt/manage", "{\"deviceInfo\":{\"serialNumber\":\"S9\"},\"metadata\":{}}");
            d = api.get(DEVICE).json();
            assertThat(d.get("deviceInfo").has("model")).isFalse();
            assertThat(d.get("deviceInfo").get("serialNumber").asText()).isEqualTo("S9");
            assertThat(d.get("metadata").size()).isZero();

            assertThat(device.request("mgmt/unmanage", null).get("rc").asInt()).isEqualTo(200);
            assertThat(api.get(DEVICE + "/mgmt").status()).isEqualTo(404);
            assertThat(api.get(DEVICE).json().get("refs").has("mgmt")).isFalse();
            JsonNode again = device.request("mgmt/unmanage", null);
            assertThat(again.get("rc").asInt()).isEqualTo(400);
            assertThat(again.get("message").asText()).contains("not managed");
        }
    }

    @Test
    void badRequestsAreAnsweredWithWhatIsWrong(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("pi", "p1");
        try (DmClient device = DmClient.device(iotf, org, "pi", "p1", token, true)) {
            JsonNode notify = device.request("notify", "{\"field\":\"mgmt.firmware\",\"value\":{\"state\":1}}");
            assertThat(notify.get("rc").asInt()).isEqualTo(400);
            assertThat(notify.get("message").asText()).contains("not managed").contains("iotdevice-1/mgmt/manage");

            device.publish("mgmt/manage", "{not json");
            JsonNode bad = device.next("response");
            assertThat(bad.get("rc").asInt()).isEqualTo(400);
            assertThat(bad.has("reqId")).isFalse();
            assertThat(bad.get("message").asText()).contains("iotdevice-1/mgmt/manage").contains("not a JSON object");

            JsonNode lifetime = device.request("mgmt/manage", "{\"lifetime\":60}");
            assertThat(lifetime.get("rc").asInt()).isEqualTo(400);
            assertThat(lifetime.get("message").asText()).contains("d.lifetime").contains("3600");
            JsonNode info = device.request("mgmt/manage", "{\"deviceInfo\":{\"colour\":\"red\"}}");
            assertThat(info.get("rc").asInt()).isEqualTo(400);
            assertThat(info.get("message").asText()).contains("d.deviceInfo.colour");
            JsonNode supports = device.request("mgmt/manage", "{\"supports\":{\"deviceActions\":\"yes\"}}");
            assertThat(supports.get("rc").asInt()).isEqualTo(400);
            JsonNode unknown = device.request("mgmt/reboot-now", null);
            assertThat(unknown.get("rc").asInt()).isEqualTo(404);
            assertThat(unknown.get("message").asText()).contains("iotdevice-1/mgmt/reboot-now");

            device.manage("{\"deviceActions\":true}");
            JsonNode unobserved = device.request("notify", "{\"field\":\"mgmt.firmware\",\"value\":{\"state\":1}}");
            assertThat(unobserved.get("rc").asInt()).isEqualTo(404);
            assertThat(unobserved.get("message").asText()).contains("not observed");
            assertThat(device.mqtt().isConnected()).as("refusals answer, they do not disconnect").isTrue();
        }
    }

    @Test
    void managementTopicsAreConfinedToTheDeviceItself(IotfEmulator iotf, TestOrganization org, TestOrganization other)
            throws Exception {
        String a = org.registerDevice("pi", "p1");
        String b = org.registerDevice("pi", "p2");
        String otherToken = other.registerDevice("pi", "p1");
        try (DmClient first = DmClient.device(iotf, org, "pi", "p1", a, true);
                DmClient second = DmClient.device(iotf, org, "pi", "p2", b, true);
                DmClient otherOrg = DmClient.device(iotf, other, "pi", "p1", otherToken, true);
                MqttTestClient app = MqttTestClient.application(iotf, org.appClientId("dm"), org.apiKey(),
                        org.apiToken())) {
            first.manage("{\"deviceActions\":true}");
            assertThat(second.rest()).as("another device's responses").isEmpty();
            assertThat(otherOrg.rest()).as("the same ids in another organization").isEmpty();
            assertThat(api(iotf, other).get(DEVICE + "/mgmt").status()).isEqualTo(404);

            assertThat(app.subscribe("iotdm-1/#", 1)).isEqualTo(0x80);
            assertThat(app.subscribe("iotdm-1/type/+/id/+/#", 1)).isEqualTo(0x80);
            assertThat(first.mqtt().subscribe("iotdm-1/type/pi/id/p2/#", 1)).as("a device's own space only")
                    .isEqualTo(1); // mounted in its own space: it receives nothing of p2
            app.tryPublish("iotdevice-1/mgmt/manage", "{\"reqId\":\"x\"}", 1);
            assertThat(app.awaitConnectionLost(DmClient.WAIT)).as("an application publishing a DM request").isTrue();
        }
    }

    @Test
    void locationFromTheDeviceAndFromTheApi(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("pi", "p1");
        Http api = api(iotf, org);
        try (DmClient device = DmClient.device(iotf, org, "pi", "p1", token, true)) {
            device.manage("{}");
            JsonNode ok = device.request("device/update/location", "{\"latitude\":52.5,\"longitude\":13.4,"
                    + "\"elevation\":34,\"measuredDateTime\":\"2026-12-01T10:00:00.000Z\"}");
            assertThat(ok.get("rc").asInt()).isEqualTo(200);
            JsonNode location = api.get(DEVICE + "/location").json();
            assertThat(location.get("latitude").asDouble()).isEqualTo(52.5);
            assertThat(location.get("elevation").asDouble()).isEqualTo(34);
            assertThat(location.get("measuredDateTime").asText()).isEqualTo("2026-12-01T10:00:00.000Z");
            JsonNode bad = device.request("device/update/location", "{\"latitude\":100,\"longitude\":13.4}");
            assertThat(bad.get("rc").asInt()).isEqualTo(400);
            assertThat(bad.get("message").asText()).contains("latitude 100");
            JsonNode missing = device.request("device/update/location", "{\"latitude\":1}");
            assertThat(missing.get("message").asText()).contains("d.longitude");

            assertThat(api.put(DEVICE + "/location", "{\"latitude\":1.5,\"longitude\":2.5}").status()).isEqualTo(200);
            JsonNode update = device.next("device/update");
            assertThat(update.has("reqId")).as("no answer wanted").isFalse();
            JsonNode field = update.get("d").get("fields").get(0);
            assertThat(field.get("field").asText()).isEqualTo("location");
            assertThat(field.get("value").get("latitude").asDouble()).isEqualTo(1.5);
            assertThat(field.get("value").has("elevation")).isFalse();
        }
    }

    @Test
    void diagnosticsFromTheDeviceAndTheApi(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("pi", "p1");
        Http api = api(iotf, org);
        try (DmClient device = DmClient.device(iotf, org, "pi", "p1", token, true)) {
            device.manage("{}");
            assertThat(device.request("add/diag/log", "{\"message\":\"booted\",\"severity\":1,\"data\":\"AQI=\","
                    + "\"timestamp\":\"2026-12-01T10:00:00\"}").get("rc").asInt()).isEqualTo(200);
            assertThat(device.request("add/diag/errorCodes", "{\"errorCode\":12}").get("rc").asInt()).isEqualTo(200);
            assertThat(device.request("add/diag/log", "{\"message\":\"x\",\"severity\":3}").get("rc").asInt())
                    .isEqualTo(400);
            assertThat(device.request("add/diag/errorCodes", "{}").get("message").asText()).contains("d.errorCode");

            Http.Response added = api.post(DEVICE + "/diag/logs", "{\"message\":\"from the API\",\"severity\":2}");
            assertThat(added.status()).isEqualTo(201);
            JsonNode logs = api.get(DEVICE + "/diag/logs").json();
            assertThat(logs).extracting(l -> l.get("message").asText()).containsExactly("from the API", "booted");
            assertThat(logs.get(1).get("data").asText()).isEqualTo("AQI=");
            assertThat(logs.get(1).get("typeId").asText()).isEqualTo("pi");
            String logId = logs.get(1).get("id").asText();
            assertThat(api.get(DEVICE + "/diag/logs/" + logId).json().get("message").asText()).isEqualTo("booted");
            assertThat(api.delete(DEVICE + "/diag/logs/" + logId).status()).isEqualTo(204);
            assertThat(api.get(DEVICE + "/diag/logs/" + logId).status()).isEqualTo(404);
            Http.Response tooSevere = api.post(DEVICE + "/diag/logs", "{\"message\":\"m\",\"severity\":3}");
            assertThat(tooSevere.status()).isEqualTo(400);
            assertThat(tooSevere.json().get("message").asText()).contains("severity");

            assertThat(api.post(DEVICE + "/diag/errorCodes", "{\"errorCode\":7}").status()).isEqualTo(201);
            assertThat(api.get(DEVICE + "/diag/errorCodes").json()).extracting(c -> c.get("errorCode").asInt())
                    .containsExactly(7, 12);
            assertThat(device.request("clear/diag/errorCodes", null).get("rc").asInt()).isEqualTo(200);
            assertThat(api.get(DEVICE + "/diag/errorCodes").json()).isEmpty();
            assertThat(device.request("clear/diag/log", null).get("rc").asInt()).isEqualTo(200);
            assertThat(api.get(DEVICE + "/diag/logs").json()).isEmpty();
            assertThat(api.post(DEVICE + "/diag/errorCodes", "{\"errorCode\":1}").status()).isEqualTo(201);
            assertThat(api.delete(DEVICE + "/diag/errorCodes").status()).isEqualTo(204);
            assertThat(api.get(DEVICE + "/diag/errorCodes").json()).isEmpty();
            assertThat(api.get("/device/types/pi/devices/nobody/diag/logs").status()).isEqualTo(404);
        }
    }
}
