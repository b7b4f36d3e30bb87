package io.cameliotf.iotf;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.junit.TestOrganization;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** iotf:command: applications send and watch commands, devices receive theirs [5.2.4, 5.3.4, 5.3.6]. */
@ExtendWith(IotfEmulatorExtension.class)
class CommandTest extends CamelTestSupport {

    static IotfEmulator iotf;
    static TestOrganization org;
    static String valveToken;
    static String camelValveToken;

    @BeforeAll
    static void organization(IotfEmulator emulator, TestOrganization organization) {
        iotf = emulator;
        org = organization;
        valveToken = org.registerDevice("valve", "v1");
        camelValveToken = org.registerDevice("valve", "camel-v2");
    }

    static String app(String appId) {
        return CamelContexts.app(iotf, org, appId);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:command").to("iotf:command?" + app("commander") + "&deviceType=valve&deviceId=v1&command=open");
                from("iotf:command?clientType=device&org=" + org.id() + "&deviceType=valve&deviceId=camel-v2&authToken="
                        + camelValveToken + "&brokerUrl=" + iotf.mqttUrl() + "&command=close").routeId("device")
                        .to("mock:deviceCommands");
                from("iotf:command?" + app("watcher") + "&deviceType=valve").routeId("watch").to("mock:watched");
            }
        };
    }

    @Test
    void applicationSendsACommandToOneDevice() throws Exception {
        try (MqttTestClient valve = MqttTestClient.device(iotf, org.id(), "valve", "v1", valveToken)) {
            valve.subscribe("iot-2/cmd/+/fmt/+", 2);
            template.sendBody("direct:command", "{\"d\":{\"percent\":50}}");
            template.sendBodyAndHeaders("direct:command", "stop", Map.of(IotfConstants.COMMAND, "halt",
                    IotfConstants.FORMAT, "text", IotfConstants.QOS, 1));
            Received open = Waits.next(valve);
            assertThat(open.topic()).isEqualTo("iot-2/cmd/open/fmt/json");
            assertThat(open.qos()).as("commands default to QoS 2 [5.1.5]").isEqualTo(2);
            assertThat(open.text()).isEqualTo("{\"d\":{\"percent\":50}}");
            Received halt = Waits.next(valve);
            assertThat(halt.topic()).isEqualTo("iot-2/cmd/halt/fmt/text");
            assertThat(halt.qos()).isEqualTo(1);
        }
    }

    @Test
    void deviceReceivesItsCommandsFilteredByCommandId() throws Exception {
        MockEndpoint commands = getMockEndpoint("mock:deviceCommands");
        commands.expectedBodiesReceived(List.of("{\"d\":{}}")); // a List: the String... overload is newer than Camel 4.17
        try (MqttTestClient app = MqttTestClient.application(iotf, org.appClientId("raw"), org.apiKey(), org.apiToken())) {
            app.publish("iot-2/type/valve/id/camel-v2/cmd/open/fmt/json", "not this one", 1);
            app.publish("iot-2/type/valve/id/camel-v2/cmd/close/fmt/json", "{\"d\":{}}", 2);
        }
        commands.assertIsSatisfied(Waits.LONG_MILLIS);
        Exchange e = commands.getExchanges().get(0);
        assertThat(e.getIn().getHeader(IotfConstants.COMMAND)).isEqualTo("close");
        assertThat(e.getIn().getHeader(IotfConstants.FORMAT)).isEqualTo("json");
        assertThat(e.getIn().getHeader(IotfConstants.DEVICE_TYPE)).isEqualTo("valve");
        assertThat(e.getIn().getHeader(IotfConstants.DEVICE_ID)).isEqualTo("camel-v2");
        assertThat(e.getIn().getHeader(IotfConstants.TOPIC)).isEqualTo("iot-2/cmd/close/fmt/json");
        assertThat(e.getIn().getHeader(IotfConstants.QOS)).isEqualTo(2);
    }

    @Test
    void applicationWatchesCommands() throws Exception {
        MockEndpoint watched = getMockEndpoint("mock:watched");
        watched.expectedHeaderValuesReceivedInAnyOrder(IotfConstants.COMMAND, "open");
        // sent as soon as the context has started: a started route's consumer is subscribed (its start waited for the
        // service's SUBACK), so nothing needs to wait for the subscription here
        template.sendBody("direct:command", "{\"d\":{}}");
        watched.assertIsSatisfied(Waits.LONG_MILLIS);
        assertThat(watched.getExchanges().get(0).getIn().getHeader(IotfConstants.DEVICE_ID)).isEqualTo("v1");
    }
}
