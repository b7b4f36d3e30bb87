package io.cameliotf.examples.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cameliotf.emulator.junit.MqttTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The app's route, as the app starts it, against the local service: a plain MQTT device on the other side. */
@QuarkusTest
@QuarkusTestResource(value = LocalIotfService.class, restrictToAnnotatedClass = true)
class ReadingsRouteTest {

    @ConfigProperty(name = "camel.component.iotf.broker-url")
    String brokerUrl;

    @Test
    void anEventOfTheDeviceIsAnsweredWithACommand() throws Exception {
        String clientId = "d:" + LocalIotfService.ORG + ":" + LocalIotfService.DEVICE_TYPE + ":" + LocalIotfService.DEVICE_ID;
        try (MqttTestClient device = MqttTestClient.builder(brokerUrl, clientId)
                .username("use-token-auth").password(LocalIotfService.DEVICE_TOKEN).connect()) {
            device.subscribe("iot-2/cmd/received/fmt/json", 1);

            device.publish("iot-2/evt/temp/fmt/json", "{\"d\":{\"temp\":21.5}}", 1);

            MqttTestClient.Received command = device.poll(Duration.ofSeconds(30));
            assertNotNull(command, "the route sent no command within 30 s");
            assertEquals("iot-2/cmd/received/fmt/json", command.topic());
            assertTrue(command.text().contains("21.5"), "the command carries the event: " + command.text());
        }
    }
}
