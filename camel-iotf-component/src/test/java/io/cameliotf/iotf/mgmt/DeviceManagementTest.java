package io.cameliotf.iotf.mgmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.Waits;
import io.cameliotf.iotf.model.IotfFirmware;
import io.cameliotf.iotf.model.IotfLocation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * iotf:device-management against the local service, an application initiating requests through its REST API
 * (real HTTP calls to /mgmt/requests) [later §2.14, §3.5]: routes as managed devices answer reboots and firmware
 * requests, a failing route's rc, unsupported actions, and a producer's location and diagnostics read back through
 * the REST API.
 */
@ExtendWith(IotfEmulatorExtension.class)
class DeviceManagementTest extends CamelTestSupport {

    static final String TYPE = "dm-valve";
    static IotfEmulator iotf;
    static TestOrganization org;
    static Map<String, String> tokens;
    static MgmtRest rest;

    /** What the devices' routes were asked: "id action", and the bodies. */
    final List<String> asked = new CopyOnWriteArrayList<>();
    final List<Object> bodies = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void organization(IotfEmulator emulator, TestOrganization organization) {
        iotf = emulator;
        org = organization;
        tokens = Map.of("m1", org.registerDevice(TYPE, "m1"), "m2", org.registerDevice(TYPE, "m2"), "m3",
                org.registerDevice(TYPE, "m3"), "m4", org.registerDevice(TYPE, "m4"), "m5", org.registerDevice(TYPE, "m5"));
        rest = new MgmtRest(iotf, org);
    }

    static String device(String id) {
        return "clientType=device&org=" + org.id() + "&deviceType=" + TYPE + "&deviceId=" + id + "&authToken=RAW("
                + tokens.get(id) + ")&brokerUrl=" + iotf.mqttUrl() + "&mgmtTimeout=10000";
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-management?" + device("m1") + "&supportsDeviceActions=true"
                        + "&supportsFirmwareActions=true").routeId("m1").process(this::act);
                from("iotf:device-management?" + device("m2") + "&supportsDeviceActions=true"
                        + "&supportsFirmwareActions=true").routeId("m2").process(this::act);
                // claims nothing: the service is told otherwise by a producer's manage below
                from("iotf:device-management?" + device("m3")).routeId("m3").process(this::act);
                from("iotf:device-management?" + device("m4") + "&unmanageOnStop=true&lifetime=0").routeId("m4")
                        .process(this::act);
                from("direct:m1").to("iotf:device-management?" + device("m1") + "&mgmtOperation=updateLocation");
                from("direct:m3").to("iotf:device-management?" + device("m3"));
            }

            /** The devices behind the routes: m2's relay is stuck, none resets, an image at a missing uri fails. */
            private void act(Exchange e) throws Exception {
                String id = e.getIn().getHeader(IotfConstants.DEVICE_ID, String.class);
                String action = e.getIn().getHeader(IotfConstants.MGMT_ACTION, String.class);
                assertThat(e.getIn().getHeader(IotfConstants.DEVICE_TYPE)).isEqualTo(TYPE);
                asked.add(id + " " + action);
                bodies.add(e.getIn().getBody());
                switch (action) {
                    case "device/reboot":
                        if ("m2".equals(id)) {
                            throw new IllegalStateException("the relay of m2 is stuck");
                        }
                        break;
                    case "device/factoryReset":
                        throw new UnsupportedOperationException("no factory reset on " + id);
                    case "firmware/download":
                        IotfFirmware image = e.getIn().getBody(IotfFirmware.class);
                        if (image.getUri().contains("missing")) {
                            throw new IotfFirmwareException(IotfFirmwareException.INVALID_URI, "no image at "
                                    + image.getUri());
                        }
                        break;
                    default:
                        break;
                }
            }
        };
    }

    @Test
    void aRebootIsAnsweredByTheRoute() throws Exception {
        JsonNode status = rest.run("device/reboot", Map.of(), TYPE, "m1");
        assertThat(status.path("status").asInt()).as("success [later §2.14]: %s", status).isEqualTo(0);
        assertThat(asked).contains("m1 device/reboot");
    }

    @Test
    void firmwareIsDownloadedThenInstalledThroughTheStateMachine() throws Exception {
        JsonNode download = rest.run("firmware/download", Map.of("uri", "http://firmware.example/valve-2.1.bin",
                "name", "valve", "version", "2.1", "verifier", "abc123"), TYPE, "m1");
        assertThat(download.path("status").asInt()).as("the download: %s", download).isEqualTo(0);
        IotfFirmware image = (IotfFirmware) bodies.get(asked.indexOf("m1 firmware/download"));
        assertThat(image.getUri()).isEqualTo("http://firmware.example/valve-2.1.bin");
        assertThat(image.getVersion()).isEqualTo("2.1");
        assertThat(image.getVerifier()).isEqualTo("abc123");
        assertThat(rest.get(rest.device(TYPE, "m1") + "/mgmt").path("firmware").path("state").asInt())
                .as("downloaded [later §3.5.7]").isEqualTo(IotfFirmware.DOWNLOADED);

        JsonNode update = rest.run("firmware/update", Map.of(), TYPE, "m1");
        assertThat(update.path("status").asInt()).as("the update: %s", update).isEqualTo(0);
        assertThat(asked).containsSubsequence("m1 firmware/download", "m1 firmware/update");
        assertThat(rest.get(rest.device(TYPE, "m1")).path("deviceInfo").path("fwVersion").asText()).isEqualTo("2.1");
        JsonNode firmware = rest.get(rest.device(TYPE, "m1") + "/mgmt").path("firmware");
        assertThat(firmware.path("state").asInt()).isEqualTo(IotfFirmware.IDLE);
        assertThat(firmware.path("updateStatus").asInt()).isEqualTo(0);
    }

    @Test
    void aFailingRouteAnswers500WithItsMessage() throws Exception {
        JsonNode status = rest.run("device/reboot", Map.of(), TYPE, "m2");
        assertThat(status.path("status").asInt()).as("failure: %s", status).isEqualTo(2);
        assertThat(status.toString()).contains("500").contains("the relay of m2 is stuck");
    }

    @Test
    void aFailedDownloadReportsTheUpdateStatusOfTheRoutesException() throws Exception {
        JsonNode status = rest.run("firmware/download", Map.of("uri", "http://firmware.example/missing.bin",
                "version", "9"), TYPE, "m2");
        assertThat(status.path("status").asInt()).as("failure: %s", status).isEqualTo(2);
        JsonNode firmware = rest.get(rest.device(TYPE, "m2") + "/mgmt").path("firmware");
        assertThat(firmware.path("updateStatus").asInt()).as("invalid URI [later §3.5.7]")
                .isEqualTo(IotfFirmwareException.INVALID_URI);
        assertThat(firmware.path("state").asInt()).isEqualTo(IotfFirmware.IDLE);
    }

    @Test
    void anActionTheRouteDoesNotImplementIsAnswered501() throws Exception {
        JsonNode status = rest.run("device/factoryReset", Map.of(), TYPE, "m1");
        assertThat(status.path("status").asInt()).as("failure: %s", status).isEqualTo(2);
        assertThat(status.toString()).contains("501").contains("no factory reset on m1");
    }

    @Test
    void anActionTheDeviceDidNotClaimIsAnswered501WithoutTheRoute() throws Exception {
        // the service believes m3 supports device actions; its consumer's options say otherwise
        template.sendBodyAndHeader("direct:m3", Map.of("lifetime", 0, "supports", Map.of("deviceActions", true)),
                IotfConstants.MGMT_OPERATION, "manage");
        JsonNode status = rest.run("device/reboot", Map.of(), TYPE, "m3");
        assertThat(status.path("status").asInt()).as("failure: %s", status).isEqualTo(2);
        assertThat(status.toString()).contains("501").contains("supportsDeviceActions=true");
        assertThat(asked).noneMatch(a -> a.startsWith("m3 "));
    }

    @Test
    void locationAndDiagnosticsFromAProducerAreReadThroughRest() throws Exception {
        Exchange located = template.request("direct:m1", e -> e.getIn().setBody(new IotfLocation(52.37, 4.89)));
        assertThat(located.getException()).isNull();
        assertThat(located.getMessage().getHeader(IotfConstants.MGMT_RESPONSE_CODE)).isEqualTo(200);
        assertThat(rest.get(rest.device(TYPE, "m1") + "/location").path("latitude").asDouble()).isEqualTo(52.37);

        template.sendBodyAndHeader("direct:m1", "the valve is stuck at 40 %", IotfConstants.MGMT_OPERATION, "addLog");
        template.sendBodyAndHeader("direct:m1", 7, IotfConstants.MGMT_OPERATION, "addErrorCode");
        assertThat(rest.get(rest.device(TYPE, "m1") + "/diag/logs").toString()).contains("the valve is stuck at 40 %");
        assertThat(rest.get(rest.device(TYPE, "m1") + "/diag/errorCodes").findValuesAsText("errorCode")).contains("7");

        template.sendBodyAndHeader("direct:m1", null, IotfConstants.MGMT_OPERATION, "clearErrorCodes");
        assertThat(rest.get(rest.device(TYPE, "m1") + "/diag/errorCodes").findValuesAsText("errorCode"))
                .doesNotContain("7");
    }

    @Test
    void aConsumerWithUnmanageOnStopUnmanagesItsDevice() throws Exception {
        assertThat(rest.get(rest.device(TYPE, "m4") + "/mgmt").path("supports").path("deviceActions").asBoolean())
                .isFalse();
        context.getRouteController().stopRoute("m4");
        assertThat(rest.send("GET", rest.device(TYPE, "m4") + "/mgmt", null).statusCode())
                .as("not managed any more [later §2.6]").isEqualTo(404);
    }

    @Test
    void aDeviceManagesAgainWhenItsConnectionIsMadeAgain() throws Exception {
        AtomicInteger commands = new AtomicInteger();
        CamelContext device = new DefaultCamelContext();
        device.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-management?" + device("m5") + "&cleanSession=false&supportsDeviceActions=true")
                        .process(e -> asked.add("m5 " + e.getIn().getHeader(IotfConstants.MGMT_ACTION)));
                // on a durable session a failed command is not acknowledged: the connection is made again
                from("iotf:command?" + device("m5") + "&cleanSession=false&qos=1").process(e -> {
                    if (commands.getAndIncrement() == 0) {
                        throw new IllegalStateException("the first command fails");
                    }
                });
                from("direct:unmanage").to("iotf:device-management?" + device("m5") + "&cleanSession=false"
                        + "&mgmtOperation=unmanage");
            }
        });
        device.start();
        try (MqttTestClient app = MqttTestClient.application(iotf, org.appClientId("dm-commander"), org.apiKey(),
                org.apiToken())) {
            String mgmt = rest.device(TYPE, "m5") + "/mgmt";
            assertThat(rest.send("GET", mgmt, null).statusCode()).isEqualTo(200);
            device.createProducerTemplate().sendBody("direct:unmanage", null);
            assertThat(rest.send("GET", mgmt, null).statusCode()).isEqualTo(404);
            app.publish("iot-2/type/" + TYPE + "/id/m5/cmd/go/fmt/json", "{}", 1);
            Waits.await().until(() -> rest.send("GET", mgmt, null).statusCode() == 200);
            assertThat(commands.get()).as("the command came again on the new connection").isGreaterThanOrEqualTo(2);
        } finally {
            device.stop();
        }
    }

    @Test
    void aRefusedOperationNamesTheOperationTheDeviceAndTheRc() {
        assertThatThrownBy(() -> template.sendBody("direct:m1", Map.of("latitude", 100, "longitude", 4)))
                .isInstanceOf(CamelExecutionException.class).cause().isInstanceOf(IotfMgmtException.class)
                .hasMessageContaining("updateLocation").hasMessageContaining(TYPE + "/m1").hasMessageContaining("rc 400")
                .satisfies(e -> assertThat(((IotfMgmtException) e).getRc()).isEqualTo(400));
    }

    @Test
    void aProducerWithoutAnOperationSaysWhichOptionIsMissing() {
        assertThatThrownBy(() -> template.sendBody("direct:m3", "{}")).cause()
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mgmtOperation")
                .hasMessageContaining(IotfConstants.MGMT_OPERATION);
        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:m3", "{}", IotfConstants.MGMT_OPERATION, "reboot"))
                .cause().hasMessageContaining("'reboot' is no device management operation");
        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:m3", Map.of("longitude", 4),
                IotfConstants.MGMT_OPERATION, "updateLocation")).cause().hasMessageContaining("latitude");
    }
}
