package io.cameliotf.emulator.interop;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.ibm.iotf.client.IoTFCReSTException;
import com.ibm.iotf.client.api.APIClient;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.http.message.BasicNameValuePair;

/**
 * IBM's older Java SDK ({@code com.ibm.messaging:watson-iot} 0.2.4, {@code com.ibm.iotf.client.api.APIClient}),
 * unchanged, against the local service: every API v0002 call it has that this service serves. Run by
 * {@link JavaSdkInteropTest} in a JVM of its own, where {@code -Djdk.net.hosts.file} resolves the service's host
 * names and {@code -Djavax.net.ssl.trustStore} trusts its certificate, as a Java user would set up. Prints one line
 * per call and "RESULTS passed failed"; exits 1 when a call failed.
 * <p>
 * Arguments: org, API key, API token, device type, then device:token pairs.
 */
public final class JavaSdkProbe {

    private static final ProbeReport REPORT = new ProbeReport();

    private JavaSdkProbe() {
    }

    public static void main(String[] args) throws Exception {
        String org = args[0];
        String type = args[3];
        String[] device = args[4].split(":");
        Properties app = new Properties();
        app.setProperty("org", org);
        app.setProperty("auth-key", args[1]);
        app.setProperty("auth-token", args[2]);
        app.setProperty("domain", IbmPortsService.DOMAIN);
        APIClient api = new APIClient(app);
        String t = "javasdk";

        check("getOrganizationDetails", () -> expect(api.getOrganizationDetails().get("id").getAsString().equals(org), "id"));
        check("getServiceStatus", () -> expect(!api.getServiceStatus().entrySet().isEmpty(), "empty"));
        check("addDeviceType, isDeviceTypeExist, getDeviceType, getDeviceTypes, updateDeviceType", () -> {
            JsonObject created = api.addDeviceType(t, "Java SDK", json("{\"manufacturer\":\"IBM\"}"), json("{\"k\":1}"));
            expect(created.get("id").getAsString().equals(t), created.toString());
            expect(api.isDeviceTypeExist(t) && !api.isDeviceTypeExist("nosuch"), "isDeviceTypeExist");
            expect(api.getDeviceType(t).getAsJsonObject("deviceInfo").get("manufacturer").getAsString().equals("IBM"), "get");
            expect(api.getDeviceTypes().getAsJsonArray("results").size() >= 2, "getDeviceTypes");
            JsonObject updated = api.updateDeviceType(t, json("{\"description\":\"changed\"}"));
            expect(updated.get("description").getAsString().equals("changed"), updated.toString());
            JsonObject gateway = api.addGatewayDeviceType(json("{\"id\":\"" + t + "-gw\"}"));
            expect(gateway.get("classId").getAsString().equals("Gateway"), gateway.toString());
        });
        check("registerDevice, isDeviceExist, getDevice, updateDevice, retrieveDevices, getAllDevices", () -> {
            JsonObject created = api.registerDevice(t, "j1", "j1-own-token", json("{\"serialNumber\":\"7\"}"),
                    json("{\"latitude\":1,\"longitude\":2}"), json("{\"m\":1}"));
            expect(created.get("authToken").getAsString().equals("j1-own-token"), created.toString());
            expect(api.isDeviceExist(t, "j1") && !api.isDeviceExist(t, "nosuch"), "isDeviceExist");
            expect(api.getDevice(t, "j1").getAsJsonObject("deviceInfo").get("serialNumber").getAsString().equals("7"), "get");
            JsonObject updated = api.updateDevice(t, "j1", json("{\"deviceInfo\":{\"model\":\"M\"}}"));
            expect(updated.getAsJsonObject("deviceInfo").get("serialNumber").getAsString().equals("7"), updated.toString());
            expect(api.retrieveDevices(t).getAsJsonArray("results").size() == 1, "retrieveDevices");
            List<org.apache.http.NameValuePair> params = List.of(new BasicNameValuePair("typeId", t),
                    new BasicNameValuePair("_limit", "10"));
            expect(api.getAllDevices(new ArrayList<>(params)).getAsJsonArray("results").size() == 1, "getAllDevices");
        });
        check("getDeviceLocation, updateDeviceLocation", () -> {
            expect(api.getDeviceLocation(t, "j1").get("latitude").getAsDouble() == 1, "get");
            expect(api.updateDeviceLocation(t, "j1", json("{\"latitude\":3,\"longitude\":4}")).get("longitude")
                    .getAsDouble() == 4, "update");
        });
        check("addMultipleDevices, deleteMultipleDevices", () -> {
            JsonArray added = api.addMultipleDevices(array("[{\"typeId\":\"" + t + "\",\"deviceId\":\"m1\"},"
                    + "{\"typeId\":\"" + t + "\",\"deviceId\":\"m2\"}]"));
            expect(added.size() == 2 && added.get(0).getAsJsonObject().get("success").getAsBoolean(), added.toString());
            JsonArray removed = api.deleteMultipleDevices(array("[{\"typeId\":\"" + t + "\",\"deviceId\":\"m1\"},"
                    + "{\"typeId\":\"" + t + "\",\"deviceId\":\"m2\"}]"));
            expect(removed.get(1).getAsJsonObject().get("success").getAsBoolean(), removed.toString());
        });
        check("a 409 carries the service's body", () -> {
            try {
                api.registerDevice(t, "j1", null, null, null, null);
                throw new AssertionError("registered twice");
            } catch (IoTFCReSTException e) {
                expect(e.getHttpCode() == 409 && e.getResponse().toString().contains("already registered"), e.toString());
            }
        });

        Properties asDevice = new Properties();
        asDevice.setProperty("org", org);
        asDevice.setProperty("domain", IbmPortsService.DOMAIN);
        asDevice.setProperty("auth-method", "device");
        asDevice.setProperty("auth-token", device[1]);
        asDevice.setProperty("Device-Type", type);
        asDevice.setProperty("Device-ID", device[0]);
        APIClient deviceApi = new APIClient(asDevice);
        check("publishDeviceEventOverHTTP (https://<org>.messaging.<domain>:8883)", () ->
                expect(deviceApi.publishDeviceEventOverHTTP("javaHttp", json("{\"d\":{\"v\":42}}")), "false"));
        check("publishApplicationEventforDeviceOverHTTP", () ->
                expect(api.publishApplicationEventforDeviceOverHTTP(device[0], type, "javaApp", json("{\"d\":{\"a\":1}}")),
                        "false"));
        Properties commander = new Properties();
        commander.putAll(app);
        commander.setProperty("Device-Type", type);
        commander.setProperty("Device-ID", device[0]);
        check("publishCommandOverHTTP", () -> expect(new APIClient(commander).publishCommandOverHTTP("reboot",
                json("{\"delay\":1}")), "false"));
        check("getLastEvents, getLastEvent", () -> {
            JsonElement all = api.getLastEvents(type, device[0]);
            expect(all.isJsonArray() && all.getAsJsonArray().size() == 2, all.toString());
            JsonObject one = api.getLastEvent(type, device[0], "javaHttp").getAsJsonObject();
            String payload = new String(Base64.getDecoder().decode(one.get("payload").getAsString()), StandardCharsets.UTF_8);
            expect(payload.contains("42"), payload);
        });
        check("getDeviceConnectionLogs", () -> {
            JsonArray log = api.getDeviceConnectionLogs(type, device[0]);
            expect(log.toString().contains("Connected from"), log.toString()); // the test connected it once over MQTT
        });
        String day = LocalDate.now(java.time.ZoneOffset.UTC).toString();
        check("getActiveDevices, getHistoricalDataUsage, getDataTraffic", () -> {
            expect(api.getActiveDevices(day, day, true).has("total"), "active");
            // the historian stores in batches: asked until it counts the two events (at most 20 s)
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            long stored = api.getHistoricalDataUsage(day, day, false).get("total").getAsLong();
            while (stored < 2 && System.nanoTime() < end) {
                Thread.sleep(50);
                stored = api.getHistoricalDataUsage(day, day, false).get("total").getAsLong();
            }
            expect(stored >= 2, "historical: " + stored);
            expect(api.getDataTraffic(day, day, true).has("days"), "traffic");
        });
        check("deleteDevice, deleteDeviceType", () -> {
            expect(api.deleteDevice(t, "j1"), "deleteDevice");
            expect(api.deleteDeviceType(t) && api.deleteDeviceType(t + "-gw"), "deleteDeviceType");
            expect(!api.isDeviceTypeExist(t), "still there");
        });
        REPORT.exit();
    }

    private static void check(String name, ProbeReport.Call call) {
        REPORT.check(name, call);
    }

    private static void expect(boolean condition, String what) {
        ProbeReport.expect(condition, what);
    }

    private static JsonObject json(String text) {
        return new JsonParser().parse(text).getAsJsonObject();
    }

    private static JsonArray array(String text) {
        return new JsonParser().parse(text).getAsJsonArray();
    }
}
