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
 * The only way between two organizations: an application in each, relaying [2.1.1]. One route consumes organization
 * A's events and republishes them in organization B on behalf of the same devices, taking device, event and format
 * from the consumer's headers.
 */
@ExtendWith(IotfEmulatorExtension.class)
class RelayTest {

    @Test
    void relaysEventsOfManyDevicesFromOneOrganizationToAnother(IotfEmulator iotf, TestOrganization a, TestOrganization b)
            throws Exception {
        String t1 = a.registerDevice("sensor", "d1");
        String t2 = a.registerDevice("meter", "m7");
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-event?" + app(iotf, a, "relay-out") + "&qos=1")
                        .to("iotf:device-event?" + app(iotf, b, "relay-in"));
            }
        });
        try (MqttTestClient inB = MqttTestClient.application(iotf, b.appClientId("watch"), b.apiKey(), b.apiToken());
                MqttTestClient inA = MqttTestClient.application(iotf, a.appClientId("watch"), a.apiKey(), a.apiToken());
                MqttTestClient d1 = MqttTestClient.device(iotf, a.id(), "sensor", "d1", t1);
                MqttTestClient m7 = MqttTestClient.device(iotf, a.id(), "meter", "m7", t2)) {
            inB.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            inA.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            d1.publish("iot-2/evt/temp/fmt/json", "{\"d\":{\"t\":20}}", 1);
            m7.publish("iot-2/evt/kwh/fmt/csv", "1,2", 1);
            List<Received> relayed = Waits.next(inB, 2);
            assertThat(relayed).extracting(Received::topic).containsExactlyInAnyOrder(
                    "iot-2/type/sensor/id/d1/evt/temp/fmt/json", "iot-2/type/meter/id/m7/evt/kwh/fmt/csv");
            assertThat(relayed).extracting(Received::text).containsExactlyInAnyOrder("{\"d\":{\"t\":20}}", "1,2");
            // d1's marker comes after its event, and after the relay handled that event: in A, only the devices'
            // own two events come before it
            d1.publish("iot-2/evt/marker/fmt/json", "{}", 1);
            assertThat(Waits.before(inA, Waits.onTopic("iot-2/type/sensor/id/d1/evt/marker/fmt/json")))
                    .as("the relay publishes only in B").hasSize(2);
        } finally {
            context.stop();
        }
    }
}
