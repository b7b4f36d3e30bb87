package io.cameliotf.iotf;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.payload.IotfStatus;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** iotf:device-status and iotf:app-status deliver typed status messages [4.3.5, 5.3.7, 5.3.8]. */
@ExtendWith(IotfEmulatorExtension.class)
class StatusConsumerTest extends CamelTestSupport {

    static IotfEmulator iotf;
    static TestOrganization org;
    static String token;

    @BeforeAll
    static void organization(IotfEmulator emulator, TestOrganization organization) {
        iotf = emulator;
        org = organization;
        token = org.registerDevice("sensor", "st1");
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String app = "org=" + org.id() + "&appId=monitor&authKey=" + org.apiKey() + "&authToken=RAW(" + org.apiToken()
                + ")&brokerUrl=" + iotf.mqttUrl() + "&qos=1";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-status?" + app + "&deviceType=sensor").to("mock:devices");
                from("iotf:app-status?" + app + "&watchAppId=worker").to("mock:apps");
            }
        };
    }

    @Test
    void deviceStatusArrivesAsATypedObject() throws Exception {
        MockEndpoint devices = getMockEndpoint("mock:devices");
        devices.expectedMessageCount(2);
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "st1", token)) {
            device.publish("iot-2/evt/e/fmt/json", "{}", 1);
        }
        devices.assertIsSatisfied(Waits.LONG_MILLIS);
        IotfStatus connect = devices.getExchanges().get(0).getIn().getBody(IotfStatus.class);
        IotfStatus disconnect = devices.getExchanges().get(1).getIn().getBody(IotfStatus.class);
        assertThat(connect.isConnect()).isTrue();
        assertThat(connect.getClientId()).isEqualTo(org.deviceClientId("sensor", "st1"));
        assertThat(connect.getSecure()).isFalse();
        assertThat(connect.getDurable()).isFalse();
        assertThat(connect.getPort()).isEqualTo(iotf.mqttPort());
        assertThat(connect.getProtocol()).isEqualTo("mqtt4");
        assertThat(connect.getUser()).isEqualTo("use-token-auth");
        assertThat(connect.getTimeValue()).isNotNull();
        assertThat(connect.getConnectTimeValue()).isNotNull();
        assertThat(connect.getReadMsg()).isNull();
        assertThat(disconnect.isDisconnect()).isTrue();
        assertThat(disconnect.getReadMsg()).isEqualTo(1);
        assertThat(disconnect.getReason()).isNotBlank();
        assertThat(devices.getExchanges().get(1).getIn().getHeader(IotfConstants.STATUS_ACTION)).isEqualTo("Disconnect");
        assertThat(devices.getExchanges().get(1).getIn().getHeader(IotfConstants.DEVICE_ID)).isEqualTo("st1");
        Map<?, ?> asMap = devices.getExchanges().get(1).getIn().getBody(Map.class);
        assertThat(asMap.get("Action")).isEqualTo("Disconnect");
        assertThat(devices.getExchanges().get(1).getIn().getBody(String.class)).contains("\"ClientID\":\"d:" + org.id());
    }

    @Test
    void appStatusIsFilteredByWatchedAppId() throws Exception {
        MockEndpoint apps = getMockEndpoint("mock:apps");
        apps.expectedHeaderValuesReceivedInAnyOrder(IotfConstants.STATUS_ACTION, "Connect", "Disconnect");
        MqttTestClient.application(iotf, org.appClientId("other"), org.apiKey(), org.apiToken()).close();
        MqttTestClient.application(iotf, org.appClientId("worker"), org.apiKey(), org.apiToken()).close();
        apps.assertIsSatisfied(Waits.LONG_MILLIS);
        assertThat(apps.getExchanges()).allSatisfy(e -> assertThat(e.getIn().getHeader(IotfConstants.APP_ID)).isEqualTo("worker"));
    }
}
