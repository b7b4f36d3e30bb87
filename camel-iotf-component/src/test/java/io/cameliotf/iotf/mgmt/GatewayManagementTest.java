package io.cameliotf.iotf.mgmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.emulator.registry.NewDeviceType;
import io.cameliotf.emulator.store.DeviceInfo;
import io.cameliotf.emulator.store.DeviceType;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.model.IotfLocation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * iotf:device-management with clientType=gateway [later §3.4, §3.5.1]: a Camel route as the gateway manages itself
 * and a device it serves on its one connection, in the gateway form of the topics; an application initiates requests
 * through /mgmt/requests (real HTTP calls) and reads the reports back.
 */
@ExtendWith(IotfEmulatorExtension.class)
class GatewayManagementTest extends CamelTestSupport {

    static IotfEmulator iotf;
    static TestOrganization org;
    static String gatewayToken;
    static MgmtRest rest;

    final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void organization(IotfEmulator emulator, TestOrganization organization) {
        iotf = emulator;
        org = organization;
        iotf.devices().createType(org.id(), new NewDeviceType("dm-gw", DeviceType.GATEWAY, null, DeviceInfo.EMPTY,
                null));
        gatewayToken = org.registerDevice("dm-gw", "g1");
        org.registerDevice("dm-sensor", "s1");
        rest = new MgmtRest(iotf, org);
    }

    static String gateway() {
        return "clientType=gateway&org=" + org.id() + "&gatewayType=dm-gw&gatewayId=g1&authToken=RAW(" + gatewayToken
                + ")&brokerUrl=" + iotf.mqttUrl() + "&mgmtTimeout=10000";
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-management?" + gateway() + "&supportsDeviceActions=true").routeId("gateway")
                        .process(e -> asked.add(e.getIn().getHeader(IotfConstants.DEVICE_TYPE) + "/"
                                + e.getIn().getHeader(IotfConstants.DEVICE_ID) + " "
                                + e.getIn().getHeader(IotfConstants.MGMT_ACTION)));
                from("iotf:device-management?" + gateway() + "&deviceType=dm-sensor&deviceId=s1"
                        + "&supportsDeviceActions=true").routeId("s1")
                        .process(e -> asked.add(e.getIn().getHeader(IotfConstants.DEVICE_TYPE) + "/"
                                + e.getIn().getHeader(IotfConstants.DEVICE_ID) + " "
                                + e.getIn().getHeader(IotfConstants.MGMT_ACTION)));
                from("direct:report").to("iotf:device-management?" + gateway());
            }
        };
    }

    @Test
    void theGatewayAnswersARebootOfADeviceItServes() throws Exception {
        JsonNode status = rest.run("device/reboot", Map.of(), "dm-sensor", "s1");
        assertThat(status.path("status").asInt()).as("success: %s", status).isEqualTo(0);
        assertThat(asked).containsExactly("dm-sensor/s1 device/reboot");
        JsonNode mgmt = rest.get(rest.device("dm-sensor", "s1") + "/mgmt");
        assertThat(mgmt.path("gateway").path("typeId").asText()).as("managed through the gateway: %s", mgmt)
                .isEqualTo("dm-gw");
        assertThat(mgmt.path("gateway").path("deviceId").asText()).isEqualTo("g1");
    }

    @Test
    void theGatewayIsAManagedDeviceItself() throws Exception {
        JsonNode status = rest.run("device/reboot", Map.of(), "dm-gw", "g1");
        assertThat(status.path("status").asInt()).as("success: %s", status).isEqualTo(0);
        assertThat(asked).containsExactly("dm-gw/g1 device/reboot");
    }

    @Test
    void aProducerReportsForAServedDeviceByHeadersAndForTheGatewayWithout() throws Exception {
        template.sendBodyAndHeaders("direct:report", new IotfLocation(48.85, 2.35), Map.of(IotfConstants.MGMT_OPERATION,
                "updateLocation", IotfConstants.DEVICE_TYPE, "dm-sensor", IotfConstants.DEVICE_ID, "s1"));
        assertThat(rest.get(rest.device("dm-sensor", "s1") + "/location").path("latitude").asDouble()).isEqualTo(48.85);
        template.sendBodyAndHeader("direct:report", "the gateway restarted its radio", IotfConstants.MGMT_OPERATION,
                "addLog");
        assertThat(rest.get(rest.device("dm-gw", "g1") + "/diag/logs").toString())
                .contains("the gateway restarted its radio");
        assertThatThrownBy(() -> template.sendBodyAndHeaders("direct:report", "x", Map.of(IotfConstants.MGMT_OPERATION,
                "addLog", IotfConstants.DEVICE_ID, "s1"))).cause().hasMessageContaining("both its type and its id");
    }
}
