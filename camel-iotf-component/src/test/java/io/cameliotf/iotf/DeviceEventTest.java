package io.cameliotf.iotf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.payload.PayloadType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** iotf:device-event, consumer and producer, against the local service with plain Paho clients as the other side. */
@ExtendWith(IotfEmulatorExtension.class)
class DeviceEventTest extends CamelTestSupport {

    static IotfEmulator iotf;
    static TestOrganization org;
    static String sensorToken;
    static String otherToken;
    static String camelDeviceToken;

    @BeforeAll
    static void organization(IotfEmulator emulator, TestOrganization organization) {
        iotf = emulator;
        org = organization;
        sensorToken = org.registerDevice("sensor", "s1");
        otherToken = org.registerDevice("meter", "m1");
        camelDeviceToken = org.registerDevice("sensor", "camel1");
    }

    static String app(String appId) {
        return CamelContexts.app(iotf, org, appId);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // on one connection, each message is offered to the consumers in the order they subscribed: filtered
                // first, so that once "all" has a message, "filtered" has been offered it too
                from("iotf:device-event?" + app("all") + "&deviceType=sensor&event=temp&format=json&qos=1")
                        .routeId("filtered").to("mock:filtered");
                from("iotf:device-event?" + app("all") + "&qos=1").routeId("all").to("mock:all");
                from("direct:device").to("iotf:device-event?clientType=device&org=" + org.id()
                         + "&deviceType=sensor&deviceId=camel1&authToken=" + camelDeviceToken + "&brokerUrl=" + iotf.mqttUrl()
                        + "&event=temp&qos=1");
                from("direct:onBehalf").to("iotf:device-event?" + app("proxy") + "&qos=1");
            }
        };
    }

    @Test
    void consumerReceivesDeviceEventsWithHeaders() throws Exception {
        MockEndpoint all = getMockEndpoint("mock:all");
        all.expectedMessageCount(2);
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "s1", sensorToken)) {
            device.publish("iot-2/evt/temp/fmt/json", "{\"d\":{\"t\":21.5},\"ts\":\"2026-11-25T10:00:00Z\"}", 1);
            device.publish("iot-2/evt/raw/fmt/csv", "21.5,40", 1);
        }
        all.assertIsSatisfied(Waits.LONG_MILLIS);
        Exchange first = all.getExchanges().get(0);
        assertThat(first.getIn().getBody()).isInstanceOf(byte[].class);
        assertThat(first.getIn().getHeader(IotfConstants.DEVICE_TYPE)).isEqualTo("sensor");
        assertThat(first.getIn().getHeader(IotfConstants.DEVICE_ID)).isEqualTo("s1");
        assertThat(first.getIn().getHeader(IotfConstants.EVENT)).isEqualTo("temp");
        assertThat(first.getIn().getHeader(IotfConstants.FORMAT)).isEqualTo("json");
        assertThat(first.getIn().getHeader(IotfConstants.TOPIC)).isEqualTo("iot-2/type/sensor/id/s1/evt/temp/fmt/json");
        assertThat(first.getIn().getHeader(IotfConstants.QOS)).isEqualTo(1);
        assertThat(first.getIn().getHeader(IotfConstants.DUPLICATE)).isEqualTo(false);
        assertThat(first.getIn().getHeader(IotfConstants.ORG)).isEqualTo(org.id());
        assertThat(first.getIn().getHeader(IotfConstants.PAYLOAD_TYPE)).isEqualTo(PayloadType.IOTF);
        assertThat(first.getIn().getHeader(IotfConstants.TIMESTAMP, Long.class)).isPositive();
        Exchange second = all.getExchanges().get(1);
        assertThat(second.getIn().getHeader(IotfConstants.PAYLOAD_TYPE)).isEqualTo(PayloadType.OTHER);
        assertThat(new String(second.getIn().getBody(byte[].class), StandardCharsets.UTF_8)).isEqualTo("21.5,40");
    }

    @Test
    void consumerFiltersByTypeEventAndFormat() throws Exception {
        MockEndpoint filtered = getMockEndpoint("mock:filtered");
        filtered.expectedBodiesReceived(List.of("match")); // a List: the String... overload is newer than Camel 4.17
        MockEndpoint all = getMockEndpoint("mock:all");
        all.expectedMessageCount(4);
        try (MqttTestClient sensor = MqttTestClient.device(iotf, org.id(), "sensor", "s1", sensorToken);
                MqttTestClient meter = MqttTestClient.device(iotf, org.id(), "meter", "m1", otherToken)) {
            meter.publish("iot-2/evt/temp/fmt/json", "wrong type", 1);
            sensor.publish("iot-2/evt/humidity/fmt/json", "wrong event", 1);
            sensor.publish("iot-2/evt/temp/fmt/text", "wrong format", 1);
            sensor.publish("iot-2/evt/temp/fmt/json", "match", 1);
        }
        // the positive control: all four arrived on the connection, so the three that do not match were offered to
        // "filtered" and refused, rather than not yet there
        all.assertIsSatisfied(Waits.LONG_MILLIS);
        filtered.assertIsSatisfied(Waits.LONG_MILLIS);
    }

    @Test
    void deviceProducerPublishesItsOwnEvents() throws Exception {
        try (MqttTestClient app = MqttTestClient.application(iotf, org.appClientId("listener1"), org.apiKey(), org.apiToken())) {
            app.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            template.sendBody("direct:device", "{\"d\":{\"t\":1}}");
            template.sendBodyAndHeader("direct:device", "{\"d\":{\"t\":2}}", IotfConstants.EVENT, "alarm");
            List<Received> received = Waits.next(app, 2);
            assertThat(received).extracting(Received::topic).containsExactly(
                    "iot-2/type/sensor/id/camel1/evt/temp/fmt/json", "iot-2/type/sensor/id/camel1/evt/alarm/fmt/json");
            assertThat(received.get(0).text()).isEqualTo("{\"d\":{\"t\":1}}");
        }
    }

    @Test
    void applicationProducerRelaysEventsOfManyDevicesFromHeaders() throws Exception {
        try (MqttTestClient app = MqttTestClient.application(iotf, org.appClientId("listener2"), org.apiKey(), org.apiToken())) {
            app.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            for (int i = 0; i < 3; i++) {
                template.sendBodyAndHeaders("direct:onBehalf", "v" + i, java.util.Map.of(IotfConstants.DEVICE_TYPE,
                        "legacy", IotfConstants.DEVICE_ID, "old-" + i, IotfConstants.EVENT, "reading",
                        IotfConstants.FORMAT, "text"));
            }
            assertThat(Waits.next(app, 3)).extracting(Received::topic).containsExactly(
                    "iot-2/type/legacy/id/old-0/evt/reading/fmt/text", "iot-2/type/legacy/id/old-1/evt/reading/fmt/text",
                    "iot-2/type/legacy/id/old-2/evt/reading/fmt/text");
        }
    }

    @Test
    void headerThatCannotStandInATopicIsRefusedNamingTheHeader() {
        assertThatThrownBy(() -> template.sendBodyAndHeaders("direct:onBehalf", "v",
                java.util.Map.of(IotfConstants.DEVICE_TYPE, "legacy", IotfConstants.DEVICE_ID, "a/b",
                        IotfConstants.EVENT, "reading")))
                .hasRootCauseMessage("The header CamelIotfDeviceId 'a/b' contains '/'; only letters, digits, '-', '_' "
                        + "and '.' are allowed [3.1.6]");
    }
}
