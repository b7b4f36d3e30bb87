package io.cameliotf.iotf;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;

/**
 * Traffic through one application connection, for the tests of what a connection counts (dev console, meters): the
 * context's route to {@code mock:events} consumes the device's events, and {@code direct:cmd} sends it commands.
 */
final class ConnectionTraffic {

    private ConnectionTraffic() {
    }

    /**
     * The sensor {@code deviceId} publishes {@code events} events and gets {@code commands} commands sent through
     * {@code direct:cmd}; returns once the route has had the events and the device the commands.
     */
    static void exchange(IotfEmulator iotf, TestOrganization org, CamelContext context, String deviceId, String token,
            int events, int commands) throws Exception {
        MockEndpoint received = context.getEndpoint("mock:events", MockEndpoint.class);
        received.expectedMessageCount(events);
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", deviceId, token)) {
            device.subscribe("iot-2/cmd/+/fmt/+", 1);
            for (int i = 0; i < events; i++) {
                device.publish("iot-2/evt/temp/fmt/json", "{\"d\":{\"t\":" + i + "}}", 1);
            }
            for (int i = 0; i < commands; i++) {
                context.createProducerTemplate().sendBody("direct:cmd", "{}");
            }
            Waits.next(device, commands);
        }
        received.assertIsSatisfied(Waits.LONG_MILLIS);
    }
}
