package io.cameliotf.emulator.interop;

import static io.cameliotf.emulator.interop.ProbeReport.expect;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.ibm.iotf.client.api.APIClient;
import com.ibm.iotf.devicemgmt.DeviceAction;
import com.ibm.iotf.devicemgmt.DeviceActionHandler;
import com.ibm.iotf.devicemgmt.DeviceData;
import com.ibm.iotf.devicemgmt.DeviceFirmware;
import com.ibm.iotf.devicemgmt.DeviceFirmware.FirmwareState;
import com.ibm.iotf.devicemgmt.DeviceFirmware.FirmwareUpdateStatus;
import com.ibm.iotf.devicemgmt.DeviceFirmwareHandler;
import com.ibm.iotf.devicemgmt.LogSeverity;
import com.ibm.iotf.devicemgmt.device.ManagedDevice;
import com.ibm.iotf.devicemgmt.gateway.ManagedGateway;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * IBM's older Java SDK ({@code com.ibm.messaging:watson-iot} 0.2.4), unchanged: its {@code ManagedDevice} and
 * {@code ManagedGateway} against the local service's device management [later 3.5], with requests initiated through
 * /mgmt/requests by the same SDK's {@code APIClient} [later 2.14] and answered by the SDK's own handlers. Run by
 * {@link JavaSdkInteropTest} in a JVM of its own, like {@link JavaSdkProbe}.
 * <p>
 * Arguments: org, API key, API token, device type, then device:token.
 */
public final class ManagedSdkProbe {

    static final String GATEWAY_TYPE = "mgw";
    static final String GATEWAY_ID = "mgw1";
    static final String GATEWAY_TOKEN = "managed-gateway-token";
    static final String SERVED_TYPE = "mserved";
    static final String SERVED_ID = "ms1";

    private ManagedSdkProbe() {
    }

    public static void main(String[] args) throws Exception {
        String org = args[0];
        String type = args[3];
        String[] device = args[4].split(":");
        ProbeReport report = new ProbeReport();
        Properties app = new Properties();
        app.setProperty("org", org);
        app.setProperty("auth-key", args[1]);
        app.setProperty("auth-token", args[2]);
        app.setProperty("domain", IbmPortsService.DOMAIN);
        APIClient api = new APIClient(app);

        DeviceFirmware firmware = new DeviceFirmware.Builder().version("1.0").name("fw").url("").verifier("")
                .state(FirmwareState.IDLE).build();
        DeviceData data = new DeviceData.Builder().typeId(type).deviceId(device[0]).deviceFirmware(firmware).build();
        ManagedDevice managed = new ManagedDevice(properties(org, type, device[0], device[1]), data);
        Rebooter rebooter = new Rebooter();
        managed.addDeviceActionHandler(rebooter);
        managed.addFirmwareHandler(new Firmware());
        rebooter.remanage = () -> managed.sendManageRequest(0, true, true);

        report.check("ManagedDevice connects and manages (supports device and firmware actions)", () -> {
            managed.connect();
            expect(managed.sendManageRequest(0, true, true), "manage refused");
            JsonObject mgmt = api.getDeviceManagementInformation(type, device[0]);
            expect(mgmt.getAsJsonObject("supports").get("deviceActions").getAsBoolean()
                    && mgmt.getAsJsonObject("supports").get("firmwareActions").getAsBoolean(), mgmt.toString());
        });
        report.check("ManagedDevice updateLocation, addErrorCode, addLog: rc 200, shown by API v0002", () -> {
            expect(managed.updateLocation(48.1, 11.6, 520.0) == 200, "location");
            expect(managed.addErrorCode(12) == 200, "error code");
            expect(managed.addLog("disk almost full", new Date(), LogSeverity.warning) == 200, "log");
            expect(api.getDeviceLocation(type, device[0]).get("latitude").getAsDouble() == 48.1, "getDeviceLocation");
            JsonArray codes = api.getAllDiagnosticErrorCodes(type, device[0]);
            expect(codes.toString().contains("12"), codes.toString());
            JsonArray logs = api.getAllDiagnosticLogs(type, device[0]);
            expect(logs.toString().contains("disk almost full"), logs.toString());
        });
        report.check("device/reboot through /mgmt/requests (APIClient): the SDK's handler accepts, the device manages "
                + "again, the per-device status completes", () -> {
            AtomicReference<String> id = new AtomicReference<>();
            rebooter.answerKept = () -> answered(api, id.get(), type, device[0]);
            String reqId = initiate(api, "device/reboot", "", type, device[0]);
            id.set(reqId);
            expect(complete(api, reqId, type, device[0]) == 0, "status");
            expect(rebooter.reboots == 1, rebooter.reboots + " reboots");
            expect(api.getDeviceManagementRequest(reqId).get("complete").getAsBoolean(), "request not complete");
        });
        report.check("firmware/download then firmware/update through /mgmt/requests, answered by the SDK's firmware "
                + "handler: both complete", () -> {
            String download = initiate(api, "firmware/download", "[{\"name\":\"version\",\"value\":\"2.0\"},"
                    + "{\"name\":\"name\",\"value\":\"fw\"},{\"name\":\"uri\",\"value\":\"http://127.0.0.1/fw-2.0.bin\"},"
                    + "{\"name\":\"verifier\",\"value\":\"abc123\"}]", type, device[0]);
            expect(complete(api, download, type, device[0]) == 0, "download status");
            expect(firmware.getState() == FirmwareState.DOWNLOADED.getState(), "state " + firmware.getState());
            String update = initiate(api, "firmware/update", "", type, device[0]);
            expect(complete(api, update, type, device[0]) == 0, "update status");
            expect(firmware.getUpdateStatus() == FirmwareUpdateStatus.SUCCESS.getStatus(), "updateStatus "
                    + firmware.getUpdateStatus());
        });

        report.check("ManagedGateway manages itself and a served device, which reports location and diagnostics", () -> {
            api.addGatewayDeviceType(json("{\"id\":\"" + GATEWAY_TYPE + "\"}"));
            api.registerDevice(GATEWAY_TYPE, GATEWAY_ID, GATEWAY_TOKEN, null, null, null);
            DeviceData gwData = new DeviceData.Builder().typeId(GATEWAY_TYPE).deviceId(GATEWAY_ID).build();
            ManagedGateway gateway = new ManagedGateway(properties(org, GATEWAY_TYPE, GATEWAY_ID, GATEWAY_TOKEN), gwData);
            Rebooter served = new Rebooter();
            gateway.addDeviceActionHandler(served);
            served.remanage = () -> gateway.sendDeviceManageRequest(SERVED_TYPE, SERVED_ID, 0, false, true);
            gateway.connect(); // the SDK's manage requests take (lifetime, supportFirmwareActions, supportDeviceActions)
            expect(gateway.sendGatewayManageRequest(0, false, true), "gateway manage refused");
            expect(gateway.sendDeviceManageRequest(SERVED_TYPE, SERVED_ID, 0, false, true), "device manage refused");
            expect(gateway.updateDeviceLocation(SERVED_TYPE, SERVED_ID, 52.5, 13.4, 34.0) == 200, "location");
            expect(gateway.addDeviceErrorCode(SERVED_TYPE, SERVED_ID, 7) == 200, "error code");
            expect(gateway.addDeviceLog(SERVED_TYPE, SERVED_ID, "served log", new Date(), LogSeverity.informational)
                    == 200, "log");
            JsonObject servedDevice = api.getDevice(SERVED_TYPE, SERVED_ID);
            expect(servedDevice.get("gatewayId").getAsString().equals(GATEWAY_ID), servedDevice.toString());
            expect(api.getDeviceLocation(SERVED_TYPE, SERVED_ID).get("longitude").getAsDouble() == 13.4, "location");
            expect(api.getAllDiagnosticLogs(SERVED_TYPE, SERVED_ID).toString().contains("served log"), "log");

            AtomicReference<String> id = new AtomicReference<>();
            served.answerKept = () -> answered(api, id.get(), SERVED_TYPE, SERVED_ID);
            String reqId = initiate(api, "device/reboot", "", SERVED_TYPE, SERVED_ID);
            id.set(reqId);
            expect(complete(api, reqId, SERVED_TYPE, SERVED_ID) == 0, "served device's reboot status");
            expect(served.reboots == 1 && (SERVED_TYPE + "/" + SERVED_ID).equals(served.target), served.target);
            gateway.disconnect();
        });
        managed.disconnect();
        report.exit();
    }

    private static Properties properties(String org, String type, String id, String token) {
        Properties p = new Properties();
        p.setProperty("org", org);
        p.setProperty("type", type);
        p.setProperty("id", id);
        p.setProperty("auth-method", "token");
        p.setProperty("auth-token", token);
        p.setProperty("domain", IbmPortsService.DOMAIN);
        return p;
    }

    /** POST /mgmt/requests for one device, by the SDK's APIClient; the request's id. */
    private static String initiate(APIClient api, String action, String parameters, String type, String id)
            throws Exception {
        JsonObject request = json("{\"action\":\"" + action + "\"," + (parameters.isEmpty() ? ""
                : "\"parameters\":" + parameters + ",") + "\"devices\":[{\"typeId\":\"" + type + "\",\"deviceId\":\""
                + id + "\"}]}");
        JsonObject accepted = api.initiateDMRequest(request);
        expect(accepted != null && accepted.has("reqId"), String.valueOf(accepted));
        return accepted.get("reqId").getAsString();
    }

    /** True once the service holds the device's answer (its rc) in request {@code reqId}; false before it is known. */
    private static boolean answered(APIClient api, String reqId, String type, String id) {
        if (reqId == null) {
            return false;
        }
        try {
            return api.getDeviceManagementRequestStatusByDevice(reqId, type, id).has("rc");
        } catch (Exception e) {
            return false; // asked again
        }
    }

    /** Waits (at most 20 s) for the device's status in the request to be complete; returns the status. */
    private static int complete(APIClient api, String reqId, String type, String id) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonObject status = api.getDeviceManagementRequestStatusByDevice(reqId, type, id);
        while (!status.get("complete").getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(100);
            status = api.getDeviceManagementRequestStatusByDevice(reqId, type, id);
        }
        expect(status.get("complete").getAsBoolean(), "not complete: " + status);
        return status.get("status").getAsInt();
    }

    private static JsonObject json(String text) {
        return new JsonParser().parse(text).getAsJsonObject();
    }

    interface Remanage {
        void run() throws Exception;
    }

    /** Accepts a reboot and, as a device back from its reboot, manages again [later 3.5.6]. */
    static final class Rebooter extends DeviceActionHandler {
        volatile int reboots;
        volatile String target;
        volatile Remanage remanage;
        /** True once the service kept the device's 202: a device back from its reboot manages after it. */
        volatile BooleanSupplier answerKept = () -> true;

        @Override
        public void handleReboot(DeviceAction action) {
            reboots++;
            target = action.getTypeId() + "/" + action.getDeviceId();
            action.setStatus(DeviceAction.Status.ACCEPTED);
            new Thread(() -> {
                try {
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (!answerKept.getAsBoolean() && System.nanoTime() < end) {
                        Thread.sleep(20); // the SDK answers 202 after this handler returns
                    }
                    remanage.run();
                } catch (Exception e) {
                    System.out.println("re-manage after the reboot failed: " + e);
                }
            }).start();
        }

        @Override
        public void handleFactoryReset(DeviceAction action) {
            action.setStatus(DeviceAction.Status.UNSUPPORTED);
        }
    }

    /** Downloads and installs at once, through the states the SDK reports by itself [later 3.5.7]. */
    static final class Firmware extends DeviceFirmwareHandler {
        @Override
        public void downloadFirmware(DeviceFirmware firmware) {
            firmware.setState(FirmwareState.DOWNLOADING);
            firmware.setState(FirmwareState.DOWNLOADED);
        }

        @Override
        public void updateFirmware(DeviceFirmware firmware) {
            firmware.setUpdateStatus(FirmwareUpdateStatus.IN_PROGRESS);
            firmware.setUpdateStatus(FirmwareUpdateStatus.SUCCESS);
            firmware.setState(FirmwareState.IDLE);
        }
    }
}
