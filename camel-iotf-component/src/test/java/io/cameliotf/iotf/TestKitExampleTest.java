package io.cameliotf.iotf;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.ComponentSettings;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example of the user guide's "Testing your routes": routes that name no credentials, the component configured
 * from the {@link ComponentSettings} the test kit hands out, plain Paho clients as the devices.
 */
// tag::test-kit-example[]
@ExtendWith(IotfEmulatorExtension.class)
class TestKitExampleTest {

    /** The routes under test: every temperature reading opens the valve. */
    static class ValveRoutes extends RouteBuilder {
        @Override
        public void configure() {
            from("iotf:device-event?deviceType=sensor&event=temp&qos=1")
                    .removeHeaders("CamelIotf*") // else the sensor's type and id headers address the command
                    .to("iotf:command?deviceType=valve&deviceId=v1&command=open&qos=1");
        }
    }

    @Test
    void aReadingOpensTheValve(IotfEmulator iotf, TestOrganization org, ComponentSettings settings) throws Exception {
        String sensorToken = org.registerDevice("sensor", "s1");
        String valveToken = org.registerDevice("valve", "v1");
        try (CamelContext camel = new DefaultCamelContext();
             MqttTestClient valve = MqttTestClient.device(iotf, org.id(), "valve", "v1", valveToken);
             MqttTestClient sensor = MqttTestClient.device(iotf, org.id(), "sensor", "s1", sensorToken)) {
            PropertyBindingSupport.bindProperties(camel, camel.getComponent("iotf"), settings.options());
            camel.addRoutes(new ValveRoutes());
            camel.start();
            valve.subscribe("iot-2/cmd/+/fmt/+", 1);

            sensor.publish("iot-2/evt/temp/fmt/json", "{\"d\":{\"t\":35}}", 1);

            MqttTestClient.Received command = valve.poll(Duration.ofSeconds(30));
            assertThat(command).isNotNull();
            assertThat(command.topic()).isEqualTo("iot-2/cmd/open/fmt/json");
        }
    }
}
// end::test-kit-example[]
