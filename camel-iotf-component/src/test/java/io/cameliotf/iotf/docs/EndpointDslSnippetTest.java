package io.cameliotf.iotf.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.iotf.Waits;
import io.cameliotf.iotf.dsl.IotfEndpointBuilderFactory;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Endpoint DSL snippet of docs/user-guide.md, in org001 of the example seed. */
@ExtendWith(IotfEmulatorExtension.class)
class EndpointDslSnippetTest {

    @Test
    void anEventClosesTheValve(IotfEmulator iotf) throws Exception {
        DocsService.exampleSeed(iotf);
        CamelContext context = DocsService.start(
                DocsService.configured(iotf, "org001", "a-org001-k1a2b3c4d5", "apitok1", Map.of()), new Routes());
        try (MqttTestClient valve = MqttTestClient.device(iotf, "org001", "valve", "v1", "valvetok1");
             MqttTestClient sensor = MqttTestClient.device(iotf, "org001", "sensor", "dev2", "devtok2")) {
            valve.subscribe("iot-2/cmd/+/fmt/+", 1);
            sensor.publish("iot-2/evt/temp/fmt/json", "{\"d\":{\"temp\":30}}", 1);
            Received command = Waits.next(valve);
            assertThat(command.topic()).isEqualTo("iot-2/cmd/close/fmt/json");
        } finally {
            context.stop();
        }
    }
}

// tag::endpoint-dsl[]
class Routes extends EndpointRouteBuilder implements IotfEndpointBuilderFactory.IotfBuilders {
    @Override
    public void configure() {
        from(iotf("device-event").org("org001").deviceType("sensor").qos(1))
                .removeHeaders("CamelIotf*")        // else the event's device headers pick the command's device
                .to(iotf("command").deviceType("valve").deviceId("v1").command("close"));
    }
}
// end::endpoint-dsl[]
