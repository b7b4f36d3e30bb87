package io.cameliotf.iotf;

import static io.cameliotf.iotf.CamelContexts.app;
import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.junit.TestOrganization;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A consumer's route that publishes on its own connection (an application that answers an event with a command, a
 * device that answers a command with an event): the publish runs on that connection's delivery thread and must not
 * wait there, yet must arrive.
 */
@ExtendWith(IotfEmulatorExtension.class)
class SameConnectionTest {

    @Test
    void publishFromTheDeliveryThreadOfTheSameConnectionArrives(IotfEmulator iotf, TestOrganization org) throws Exception {
        String sensor = org.registerDevice("sensor", "s1");
        String valve = org.registerDevice("valve", "v1");
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-event?" + app(iotf, org, "same") + "&deviceType=sensor&qos=1")
                        // the consumer's headers name the sensor, and headers override the producer's options
                        .removeHeaders("CamelIotf*")
                        .to("iotf:command?" + app(iotf, org, "same") + "&deviceType=valve&deviceId=v1&command=close");
            }
        });
        try (MqttTestClient v1 = MqttTestClient.device(iotf, org.id(), "valve", "v1", valve);
                MqttTestClient s1 = MqttTestClient.device(iotf, org.id(), "sensor", "s1", sensor)) {
            v1.subscribe("iot-2/cmd/+/fmt/+", 2);
            for (int i = 0; i < 4; i++) {
                s1.publish("iot-2/evt/e/fmt/json", "{\"d\":{\"i\":" + i + "}}", 1);
            }
            // the fourth event's command is the marker: one client's commands arrive in order, so none is repeated
            // if the three before it are exactly three
            List<Received> commands = Waits.before(v1, r -> r.text().equals("{\"d\":{\"i\":3}}"));
            assertThat(commands).extracting(Received::text).containsExactly("{\"d\":{\"i\":0}}", "{\"d\":{\"i\":1}}",
                    "{\"d\":{\"i\":2}}");
            assertThat(commands).extracting(Received::topic).containsOnly("iot-2/cmd/close/fmt/json");
        } finally {
            context.stop();
        }
    }
}
