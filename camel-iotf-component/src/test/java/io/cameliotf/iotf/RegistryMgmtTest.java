package io.cameliotf.iotf;

import static io.cameliotf.iotf.RegistryTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.model.IotfDevice;
import io.cameliotf.iotf.model.IotfDeviceMgmt;
import io.cameliotf.iotf.model.IotfDeviceRef;
import io.cameliotf.iotf.model.IotfDiagErrorCode;
import io.cameliotf.iotf.model.IotfDiagLog;
import io.cameliotf.iotf.model.IotfMgmtDeviceStatus;
import io.cameliotf.iotf.model.IotfMgmtRequest;
import io.cameliotf.iotf.rest.IotfApiException;
import io.cameliotf.iotf.rest.IotfMgmtTimeoutException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Device management through iotf:registry (later contract 2.6, 2.7, 2.14) against the local service over real HTTP,
 * with managed devices played by plain Paho clients: a reboot followed to its outcome without polling in the route,
 * the request's reads, cancel and delete, the refusals the service answers (403, 404, 400) explained, a wait that
 * runs out, the options refused where they do not act; and a device's diagnostic log and error codes.
 */
@ExtendWith(IotfEmulatorExtension.class)
class RegistryMgmtTest {

    /** The routes of the docs' snippet, and one for every operation; the component set once for the organization. */
    private static CamelContext routes(IotfEmulator iotf, TestOrganization org) throws Exception {
        CamelContext context = new DefaultCamelContext();
        IotfComponent component = new IotfComponent();
        PropertyBindingSupport.bindProperties(context, component, org.componentSettings().options());
        context.addComponent("iotf", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:registry").to("iotf:registry");
                // tag::mgmt-requests[]
                // reboot the devices of the body (type/id strings, IotfDevice or IotfDeviceRef), and wait for each
                from("direct:reboot")
                    .to("iotf:registry?operation=initiateMgmtRequest&mgmtAction=device/reboot"
                        + "&awaitCompletion=true&mgmtRequestTimeout=30000")
                    // the body: a List<IotfMgmtDeviceStatus>, one per device, once every device is done
                    .log("reboot ${header.CamelIotfMgmtRequestId}: ${header.CamelIotfMgmtFailures} failed, ${body}");

                // follow a request initiated elsewhere: its id in the header CamelIotfMgmtRequestId
                from("direct:await")
                    .to("iotf:registry?operation=awaitMgmtRequest&mgmtRequestTimeout=1500");
                // end::mgmt-requests[]
            }
        });
        context.start();
        return context;
    }

    private static Object call(ProducerTemplate t, String operation, Object body, Object... headers) {
        Map<String, Object> all = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            all.put((String) headers[i], headers[i + 1]);
        }
        return t.requestBodyAndHeaders("direct:registry", body, with(all, operation));
    }

    @Test
    void aRebootOfManagedDevicesIsFollowedToItsOutcome(IotfEmulator iotf, TestOrganization org) throws Exception {
        CamelContext context = routes(iotf, org);
        try (ManagedDevice e1 = ManagedDevice.start(iotf, org, "edge", "e1", false);
                ManagedDevice e2 = ManagedDevice.start(iotf, org, "edge", "e2", false)) {
            ProducerTemplate t = context.createProducerTemplate();
            IotfDeviceMgmt mgmt = (IotfDeviceMgmt) call(t, "getDeviceMgmt", null, IotfConstants.DEVICE_TYPE, "edge",
                    IotfConstants.DEVICE_ID, "e1");
            assertThat(mgmt.supportsDeviceActions()).isTrue();
            assertThat(mgmt.getLastActivityDateTime()).isNotNull();

            Exchange done = t.request("direct:reboot", e -> e.getIn().setBody(List.of("edge/e1",
                    new IotfDeviceRef("edge", "e2"))));
            assertThat(done.getException()).isNull();
            List<?> outcomes = done.getMessage().getBody(List.class);
            assertThat(outcomes).extracting(d -> d.toString()).containsExactlyInAnyOrder("edge/e1: SUCCESS",
                    "edge/e2: SUCCESS");
            assertThat(outcomes).allSatisfy(d -> assertThat(((IotfMgmtDeviceStatus) d).isComplete()).isTrue());
            assertThat(done.getMessage().getHeader(IotfConstants.MGMT_FAILURES)).isEqualTo(0);
            String id = done.getMessage().getHeader(IotfConstants.MGMT_REQUEST_ID, String.class);
            assertThat(id).isNotBlank();
            assertThat(e1.requests()).containsExactly("iotdm-1/mgmt/initiate/device/reboot");
            assertThat(e2.requests()).containsExactly("iotdm-1/mgmt/initiate/device/reboot");

            IotfMgmtRequest request = (IotfMgmtRequest) call(t, "getMgmtRequest", null, IotfConstants.MGMT_REQUEST_ID, id);
            assertThat(request.getAction()).isEqualTo("device/reboot");
            assertThat(request.getComplete()).isTrue();
            // a request read from the service, sent again: only what a request takes is sent, and it is a new one
            request.setDevices(List.of(new IotfDeviceRef("edge", "e1")));
            IotfMgmtRequest again = (IotfMgmtRequest) call(t, "initiateMgmtRequest", request);
            assertThat(again.getId()).isNotBlank().isNotEqualTo(id);
            Waits.await().until(() -> e1.requests().size() == 2);
            List<?> requests = (List<?>) call(t, "listMgmtRequests", null);
            assertThat(requests).extracting(r -> ((IotfMgmtRequest) r).getId()).contains(id, again.getId());
            List<?> all = (List<?>) call(t, "getMgmtRequestDeviceStatus", null, IotfConstants.MGMT_REQUEST_ID, id);
            assertThat(all).hasSize(2);
            IotfMgmtDeviceStatus one = (IotfMgmtDeviceStatus) call(t, "getMgmtRequestDeviceStatus", null,
                    IotfConstants.MGMT_REQUEST_ID, id, IotfConstants.DEVICE_TYPE, "edge", IotfConstants.DEVICE_ID, "e2");
            assertThat(one.getOutcome()).isEqualTo(IotfMgmtDeviceStatus.Outcome.SUCCESS);
            assertThat(one.getDeviceId()).isEqualTo("e2");

            assertThat(call(t, "deleteMgmtRequest", null, IotfConstants.MGMT_REQUEST_ID, id)).isNull();
            IotfApiException gone = apiError(() -> call(t, "getMgmtRequest", null, IotfConstants.MGMT_REQUEST_ID, id));
            assertThat(gone.getStatusCode()).isEqualTo(404);
            assertThat(gone.getMessage()).contains("there is no management request " + id,
                    "the header CamelIotfMgmtRequestId", "[later contract 2.14]");
            IotfApiException unknown = apiError(() -> call(t, "getMgmtRequestDeviceStatus", null,
                    IotfConstants.MGMT_REQUEST_ID, "no-such-request"));
            assertThat(unknown.getStatusCode()).isEqualTo(404);
            assertThat(unknown.getPath()).isEqualTo("/mgmt/requests/no-such-request/deviceStatus");
        } finally {
            context.stop();
        }
    }

    @Test
    void aRequestFollowedLaterTimesOutWithItsDevicesNamedAndIsCancelled(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        CamelContext context = routes(iotf, org);
        try (ManagedDevice silent = ManagedDevice.start(iotf, org, "edge", "quiet", true)) {
            ProducerTemplate t = context.createProducerTemplate();
            // the whole request as a Map: its action wins over option and header; no body would mean the device of
            // the deviceType and deviceId options or headers
            Exchange started = t.request("direct:registry", e -> {
                e.getIn().setHeader(IotfConstants.OPERATION, "initiateMgmtRequest");
                e.getIn().setBody(Map.of("action", "device/reboot", "timeout", 600, "devices", List.of(Map.of(
                        "typeId", "edge", "deviceId", "quiet"))));
            });
            assertThat(started.getException()).isNull();
            IotfMgmtRequest request = started.getMessage().getBody(IotfMgmtRequest.class);
            String id = started.getMessage().getHeader(IotfConstants.MGMT_REQUEST_ID, String.class);
            assertThat(request.getId()).isEqualTo(id).isNotBlank();
            assertThat(request.getAction()).isEqualTo("device/reboot");
            assertThat(request.getDevices()).containsExactly(new IotfDeviceRef("edge", "quiet"));
            Waits.await().until(() -> silent.requests().contains("iotdm-1/mgmt/initiate/device/reboot"));
            IotfMgmtRequest read = (IotfMgmtRequest) call(t, "getMgmtRequest", null, IotfConstants.MGMT_REQUEST_ID, id);
            assertThat(read.getTimeout()).as("the service's own timeout, passed on").isEqualTo(600);
            assertThat(read.getComplete()).isFalse();

            Throwable waited = catchThrowable(() -> t.requestBodyAndHeader("direct:await", null,
                    IotfConstants.MGMT_REQUEST_ID, id));
            assertThat(waited.getCause()).isInstanceOf(IotfMgmtTimeoutException.class);
            IotfMgmtTimeoutException timeout = (IotfMgmtTimeoutException) waited.getCause();
            assertThat(timeout.getRequestId()).isEqualTo(id);
            assertThat(timeout.getInProgress()).extracting(d -> d.getDeviceId()).containsExactly("quiet");
            assertThat(timeout.getMessage()).isEqualTo("The management request " + id + " (device/reboot) did not "
                    + "complete within 1500 ms (the option mgmtRequestTimeout): 1 of 1 devices still in progress: "
                    + "edge/quiet. Raise mgmtRequestTimeout, or follow the request later with awaitMgmtRequest or "
                    + "getMgmtRequestDeviceStatus and the header CamelIotfMgmtRequestId=" + id + ", or cancel it with "
                    + "cancelMgmtRequest [later contract 2.14]");

            IotfMgmtRequest cancelled = (IotfMgmtRequest) call(t, "cancelMgmtRequest", null,
                    IotfConstants.MGMT_REQUEST_ID, id);
            assertThat(cancelled.getComplete()).isTrue();
            List<?> after = (List<?>) t.requestBodyAndHeader("direct:await", null, IotfConstants.MGMT_REQUEST_ID, id);
            assertThat(after).singleElement().satisfies(d -> assertThat(((IotfMgmtDeviceStatus) d).getOutcome())
                    .isNotEqualTo(IotfMgmtDeviceStatus.Outcome.SUCCESS));
        } finally {
            context.stop();
        }
    }

    @Test
    void whatTheServiceRefusesIsExplained(IotfEmulator iotf, TestOrganization org) throws Exception {
        CamelContext context = routes(iotf, org);
        try (ManagedDevice managed = ManagedDevice.start(iotf, org, "edge", "fw", false)) {
            ProducerTemplate t = context.createProducerTemplate();
            org.registerDevice("edge", "plain");
            IotfApiException unmanaged = apiError(() -> t.requestBody("direct:reboot", List.of(new IotfDevice("edge",
                    "plain"))));
            assertThat(unmanaged.getStatusCode()).isEqualTo(403);
            assertThat(unmanaged.getPath()).isEqualTo("/mgmt/requests");
            assertThat(unmanaged.getMessage()).contains("with 403", "one or more of the devices are not managed, or do "
                    + "not support the action device/reboot", "supports.deviceActions", "getDeviceMgmt", "[later contract 2.14, 3.5.3]");

            IotfApiException unknown = apiError(() -> t.requestBody("direct:reboot", "edge/never-registered"));
            assertThat(unknown.getStatusCode()).isEqualTo(404);
            assertThat(unknown.getMessage()).contains("one or more of the devices are not registered");

            IotfApiException noUri = apiError(() -> call(t, "initiateMgmtRequest", "{\"action\":\"firmware/download\","
                    + "\"parameters\":{\"version\":\"2.0\"},\"devices\":[\"edge/fw\"]}"));
            assertThat(noUri.getStatusCode()).isEqualTo(400);
            assertThat(noUri.getMessage()).contains("firmware/download needs uri", "[later contract 2.14, 3.5.7]");
            assertThat(managed.requests()).as("nothing reached the device").isEmpty();

            IotfApiException notManaged = apiError(() -> call(t, "getDeviceMgmt", null, IotfConstants.DEVICE_TYPE, "edge",
                    IotfConstants.DEVICE_ID, "plain"));
            assertThat(notManaged.getStatusCode()).isEqualTo(404);
            assertThat(notManaged.getMessage()).contains("the device edge/plain is not managed");
        } finally {
            context.stop();
        }
    }

    @Test
    void aRequestTheComponentCannotSendIsRefusedBeforeItIs(IotfEmulator iotf, TestOrganization org) throws Exception {
        CamelContext context = routes(iotf, org);
        try {
            ProducerTemplate t = context.createProducerTemplate();
            assertThatThrownBy(() -> call(t, "initiateMgmtRequest", List.of("edge/e1"))).rootCause()
                    .hasMessageStartingWith("initiateMgmtRequest needs its action: set the option mgmtAction, the header "
                            + "CamelIotfMgmtAction or the body's action");
            assertThatThrownBy(() -> call(t, "initiateMgmtRequest", List.of("edge-e1"), IotfConstants.MGMT_ACTION,
                    "device/reboot")).rootCause().hasMessage("The management request of initiateMgmtRequest (the "
                            + "body), device 1, 'edge-e1' is not a device of the form typeId/deviceId");
            assertThatThrownBy(() -> call(t, "initiateMgmtRequest", List.of(), IotfConstants.MGMT_ACTION,
                    "device/reboot")).rootCause().hasMessage("The management request of initiateMgmtRequest (the body) "
                            + "has 0 devices: a request takes 1 to 5000 [later contract 2.14]");
            assertThatThrownBy(() -> call(t, "initiateMgmtRequest", null, IotfConstants.MGMT_ACTION, "reboot"))
                    .rootCause().hasMessageStartingWith("The management request of initiateMgmtRequest (the body) is "
                            + "empty and no device is named");
            assertThatThrownBy(() -> call(t, "initiateMgmtRequest", "edge/e1", IotfConstants.MGMT_ACTION, "reboot"))
                    .rootCause().hasMessageStartingWith("The management action 'reboot' is not of the form group/action");
            assertThatThrownBy(() -> call(t, "getMgmtRequest", null)).rootCause().hasMessage("The registry operation "
                    + "getMgmtRequest needs the management request to act on (the answer of initiateMgmtRequest sets "
                    + "it) in the header CamelIotfMgmtRequestId");
            String registry = "iotf:registry?apiVersion=v0002";
            assertThatThrownBy(() -> context.getEndpoint(registry + "&operation=getDevice&awaitCompletion=true"))
                    .isInstanceOf(ResolveEndpointFailedException.class).rootCause().hasMessage("The option "
                            + "awaitCompletion is for the operation initiateMgmtRequest, not getDevice: remove it from "
                            + "this endpoint");
            assertThatThrownBy(() -> context.getEndpoint(registry + "&operation=getDevice&mgmtRequestTimeout=5"))
                    .rootCause().hasMessage("The option mgmtRequestTimeout is for the operation initiateMgmtRequest "
                            + "(with awaitCompletion) or awaitMgmtRequest, not getDevice: remove it from this endpoint");
            assertThatThrownBy(() -> context.getEndpoint("iotf:registry?apiVersion=v0001&apiBaseUrl=http://127.0.0.1:8080"
                    + "&mgmtAction=device/reboot")).rootCause().hasMessage("The option mgmtAction is for device "
                            + "management requests, which only API v0002 has: remove it, or use apiVersion=v0002 "
                            + "[later contract 2.14]");
            assertThatThrownBy(() -> context.getEndpoint(registry + "&mgmtAction=reboot")).rootCause()
                    .hasMessageStartingWith("The option mgmtAction 'reboot' is not of the form group/action");
        } finally {
            context.stop();
        }
    }

    @Test
    void aDevicesDiagnosticLogAndErrorCodes(IotfEmulator iotf, TestOrganization org) throws Exception {
        CamelContext context = routes(iotf, org);
        try {
            ProducerTemplate t = context.createProducerTemplate();
            org.registerDevice("edge", "d1");
            Object[] d1 = {IotfConstants.DEVICE_TYPE, "edge", IotfConstants.DEVICE_ID, "d1"};
            IotfDiagLog entry = new IotfDiagLog("disk almost full", IotfDiagLog.WARNING);
            entry.setData("ZGlzayAxOiA5NSU=");
            IotfDiagLog added = (IotfDiagLog) call(t, "addDiagLog", entry, d1);
            assertThat(added.getId()).as("the entry as stored").isNotBlank();
            call(t, "addDiagLog", Map.of("message", "fan stopped", "severity", 2), d1);
            List<?> logs = (List<?>) call(t, "getDiagLogs", null, d1);
            assertThat(logs).extracting(l -> ((IotfDiagLog) l).getMessage()).as("newest first")
                    .containsExactly("fan stopped", "disk almost full");
            IotfDiagLog disk = (IotfDiagLog) logs.get(1);
            assertThat(disk.getId()).isNotBlank();
            assertThat(disk.getSeverity()).isEqualTo(IotfDiagLog.WARNING);
            assertThat(disk.getData()).isEqualTo("ZGlzayAxOiA5NSU=");
            assertThat(disk.getTimestamp()).as("the service's time").isNotNull();
            IotfDiagLog read = (IotfDiagLog) call(t, "getDiagLog", null, IotfConstants.DEVICE_TYPE, "edge",
                    IotfConstants.DEVICE_ID, "d1", IotfConstants.DIAG_LOG_ID, disk.getId());
            assertThat(read.getMessage()).isEqualTo("disk almost full");
            assertThat(call(t, "deleteDiagLog", null, IotfConstants.DEVICE_TYPE, "edge", IotfConstants.DEVICE_ID, "d1",
                    IotfConstants.DIAG_LOG_ID, disk.getId())).isNull();
            IotfApiException deleted = apiError(() -> call(t, "getDiagLog", null, IotfConstants.DEVICE_TYPE, "edge",
                    IotfConstants.DEVICE_ID, "d1", IotfConstants.DIAG_LOG_ID, disk.getId()));
            assertThat(deleted.getStatusCode()).isEqualTo(404);
            assertThat(deleted.getMessage()).contains("the device edge/d1 has no log entry of that id");
            IotfApiException tooSevere = apiError(() -> call(t, "addDiagLog", new IotfDiagLog("x", 3), d1));
            assertThat(tooSevere.getStatusCode()).isEqualTo(400);
            assertThat(tooSevere.getMessage()).contains("severity is 0 (info), 1 (warning) or 2 (error)",
                    "[later contract 2.7]");
            call(t, "clearDiagLogs", null, d1);
            assertThat((List<?>) call(t, "getDiagLogs", null, d1)).isEmpty();

            assertThat(((IotfDiagErrorCode) call(t, "addDiagErrorCode", 12, d1)).getErrorCode()).isEqualTo(12);
            call(t, "addDiagErrorCode", new IotfDiagErrorCode(7), d1);
            List<?> codes = (List<?>) call(t, "getDiagErrorCodes", null, d1);
            assertThat(codes).extracting(c -> ((IotfDiagErrorCode) c).getErrorCode()).containsExactly(7, 12);
            assertThat(((IotfDiagErrorCode) codes.get(0)).getTimestamp()).isNotNull();
            call(t, "clearDiagErrorCodes", null, d1);
            assertThat((List<?>) call(t, "getDiagErrorCodes", null, d1)).extracting(c -> ((IotfDiagErrorCode) c)
                    .getErrorCode()).isSubsetOf(0); // empty, or the single code 0 (2.7 records both)
            IotfApiException noDevice = apiError(() -> call(t, "getDiagLogs", null, IotfConstants.DEVICE_TYPE, "edge",
                    IotfConstants.DEVICE_ID, "nobody"));
            assertThat(noDevice.getStatusCode()).isEqualTo(404);
            assertThat(noDevice.getMessage()).contains("the device edge/nobody is not registered");
        } finally {
            context.stop();
        }
    }

    static IotfApiException apiError(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isNotNull();
        assertThat(thrown.getCause()).isInstanceOf(IotfApiException.class);
        return (IotfApiException) thrown.getCause();
    }
}
