package io.cameliotf.iotf;

import static io.cameliotf.iotf.CamelContexts.app;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.registry.NewDevice;
import io.cameliotf.iotf.rest.IotfApiException;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * transport=http against the local service: events and commands posted over HTTP messaging reach plain Paho
 * subscribers on the topics MQTT would have used, with the same headers, payload handling and errors.
 */
@ExtendWith(IotfEmulatorExtension.class)
class HttpMessagingTest {

    @Test
    void anApplicationPublishesEventsAndCommandsOverHttp(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "h1");
        String http = "&transport=http&httpMessagingUrl=http://" + iotf.host() + ":" + iotf.httpPort();
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:event").to("iotf:device-event?" + app(iotf, org, "http-app") + http
                        + "&deviceType=sensor&deviceId=h1&event=reading&wrapPayload=true");
                from("direct:raw").to("iotf:device-event?" + app(iotf, org, "http-app") + http
                        + "&deviceType=sensor&deviceId=h1&event=reading");
                from("direct:command").to("iotf:command?" + app(iotf, org, "http-app") + http
                        + "&deviceType=sensor&deviceId=h1&command=reboot");
            }
        });
        try (MqttTestClient watcher = MqttTestClient.application(iotf, org.appClientId("watch"), org.apiKey(),
                org.apiToken()); MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "h1", token)) {
            watcher.subscribe("iot-2/type/sensor/id/+/evt/+/fmt/+", 1);
            device.subscribe("iot-2/cmd/+/fmt/+", 1);
            ProducerTemplate t = context.createProducerTemplate();
            var answer = t.request("direct:event", e -> e.getIn().setBody(Map.of("temp", 21.5)));
            assertThat(answer.getException()).isNull();
            assertThat(answer.getMessage().getHeader(IotfConstants.TOPIC)).isEqualTo("iot-2/type/sensor/id/h1/evt/reading/fmt/json");
            MqttTestClient.Received event = Waits.next(watcher);
            assertThat(event.topic()).isEqualTo("iot-2/type/sensor/id/h1/evt/reading/fmt/json");
            assertThat(event.text()).startsWith("{\"d\":{\"temp\":21.5},\"ts\":\"");

            // headers pick device, event and format per message, as over MQTT; the format travels as Content-Type
            t.requestBodyAndHeaders("direct:raw", "door open", Map.of(IotfConstants.DEVICE_ID, "h2",
                    IotfConstants.EVENT, "note", IotfConstants.FORMAT, "text"));
            MqttTestClient.Received note = Waits.next(watcher);
            assertThat(note.topic()).isEqualTo("iot-2/type/sensor/id/h2/evt/note/fmt/text");
            assertThat(note.text()).isEqualTo("door open");

            t.sendBody("direct:command", "{\"delay\":5}");
            MqttTestClient.Received command = Waits.next(device);
            assertThat(command.topic()).isEqualTo("iot-2/cmd/reboot/fmt/json");
            assertThat(command.text()).isEqualTo("{\"delay\":5}");

            assertThatThrownBy(() -> t.requestBodyAndHeader("direct:raw", "a,b", IotfConstants.FORMAT, "csv"))
                    .rootCause().hasMessageStartingWith("The format 'csv' cannot be sent over HTTP");
            assertThatThrownBy(() -> t.requestBodyAndHeader("direct:event", "{}", IotfConstants.EVENT, "a/b"))
                    .rootCause().hasMessageStartingWith("The header CamelIotfEvent 'a/b' contains '/'");
            // a marker sent after them by the same application comes next: nothing was published for them
            t.requestBodyAndHeader("direct:raw", "{}", IotfConstants.EVENT, "marker");
            assertThat(Waits.before(watcher, Waits.onTopic("iot-2/type/sensor/id/h1/evt/marker/fmt/json")))
                    .as("nothing published for refused messages").isEmpty();
        } finally {
            context.stop();
        }
    }

    @Test
    void aDevicePublishesItsOwnEventsOverHttp(IotfEmulator iotf) throws Exception {
        // a device names no organization in its credentials: the host does, <org>.localhost (see the test hosts file)
        var key = iotf.seed().organization("orga01").apiKey(0);
        String id = "http-" + UUID.randomUUID().toString().substring(0, 8);
        String token = iotf.devices().register("orga01", NewDevice.of("sensor", id), key.key(),
                DeviceRegistry.TypeRule.CREATE_IF_MISSING).token();
        String device = "iotf:device-event?clientType=device&org=orga01&deviceType=sensor&deviceId=" + id
                + "&event=status&transport=http&httpMessagingUrl=http://orga01.localhost:" + iotf.httpPort();
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ok").to(device + "&authToken=RAW(" + token + ")");
                from("direct:wrong").to(device + "&authToken=Not-the-token-42");
            }
        });
        try (MqttTestClient watcher = MqttTestClient.application(iotf, "a:orga01:watch-" + id, key.key(), key.token())) {
            watcher.subscribe("iot-2/type/sensor/id/" + id + "/evt/+/fmt/+", 1);
            ProducerTemplate t = context.createProducerTemplate();
            t.sendBody("direct:ok", "{\"d\":{\"battery\":87}}");
            MqttTestClient.Received status = Waits.next(watcher);
            assertThat(status.topic()).isEqualTo("iot-2/type/sensor/id/" + id + "/evt/status/fmt/json");
            assertThat(status.text()).isEqualTo("{\"d\":{\"battery\":87}}");
            assertThatThrownBy(() -> t.sendBody("direct:wrong", "{}")).cause().isInstanceOf(IotfApiException.class)
                    .satisfies(e -> assertThat(((IotfApiException) e).getStatusCode()).isEqualTo(401))
                    .hasMessageContaining("POST /device/types/sensor/devices/" + id + "/events/status")
                    .hasMessageContaining("the device or its token is wrong")
                    .satisfies(e -> assertThat(ConnectionBehaviourTest.messages(e)).doesNotContain("Not-the-token-42"));
        } finally {
            context.stop();
        }
    }

    @Test
    void consumersCannotUseHttp(IotfEmulator iotf, TestOrganization org) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-event?" + app(iotf, org, "http-consumer") + "&transport=http").log("never");
            }
        });
        assertThatThrownBy(context::start).isInstanceOf(FailedToStartRouteException.class).rootCause()
                .hasMessageStartingWith("The option transport=http is for producers");
        context.stop();
    }
}
