package io.cameliotf.iotf;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.payload.IotfMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A YAML DSL route run by Camel Main, with the connection options set once on the component through properties
 * ({@code camel.component.iotf.*}) instead of on each endpoint.
 */
@ExtendWith(IotfEmulatorExtension.class)
class YamlAndComponentOptionsTest {

    @Test
    void yamlRouteWithComponentLevelOptions(IotfEmulator iotf, TestOrganization org, @TempDir Path dir) throws Exception {
        String token = org.registerDevice("sensor", "yaml1");
        Path routes = Files.writeString(dir.resolve("routes.yaml"), String.join("\n",
                "- route:",
                "    id: yaml-events",
                "    from:",
                "      uri: iotf:device-event",
                "      parameters:",
                "        appId: yaml-app",
                "        deviceType: sensor",
                "        qos: 1",
                "      steps:",
                "        - convertBodyTo:",
                "            type: io.cameliotf.iotf.payload.IotfMessage",
                "        - to: mock:yaml",
                ""));
        Main main = new Main();
        main.addInitialProperty("camel.main.routesIncludePattern", "file:" + routes);
        main.addInitialProperty("camel.component.iotf.org", org.id());
        main.addInitialProperty("camel.component.iotf.authKey", org.apiKey());
        main.addInitialProperty("camel.component.iotf.authToken", org.apiToken());
        main.addInitialProperty("camel.component.iotf.brokerUrl", iotf.mqttUrl());
        main.start();
        try {
            MockEndpoint mock = main.getCamelContext().getEndpoint("mock:yaml", MockEndpoint.class);
            mock.expectedMessageCount(1);
            try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "yaml1", token)) {
                device.publish("iot-2/evt/temp/fmt/json", "{\"d\":{\"t\":7}}", 1);
            }
            mock.assertIsSatisfied(Waits.LONG_MILLIS);
            IotfMessage message = mock.getExchanges().get(0).getIn().getBody(IotfMessage.class);
            assertThat(message.data().get("t").asInt()).isEqualTo(7);
        } finally {
            main.stop();
        }
    }
}
