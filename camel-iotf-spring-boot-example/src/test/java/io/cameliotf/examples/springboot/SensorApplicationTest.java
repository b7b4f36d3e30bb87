package io.cameliotf.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.junit.TestOrganization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example application as it ships, with its application.properties: the test only supplies what a user puts in
 * the environment (IOTF_ORG, IOTF_AUTH_KEY, IOTF_AUTH_TOKEN) and where the local service listens.
 */
@SpringBootTest(classes = SensorApplication.class)
class SensorApplicationTest {

    static final IotfEmulator IOTF = IotfEmulatorExtension.startForTests();
    static final TestOrganization ORG = TestOrganization.create(IOTF);

    @TempDir
    static Path readings;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry properties) {
        properties.add("IOTF_ORG", ORG::id);
        properties.add("IOTF_AUTH_KEY", ORG::apiKey);
        properties.add("IOTF_AUTH_TOKEN", ORG::apiToken);
        properties.add("camel.component.iotf.broker-url", IOTF::mqttUrl);
        properties.add("readings.dir", readings::toString);
    }

    @AfterAll
    static void stop() {
        IOTF.stop();
    }

    @Test
    void readingsGoToTheFileAndAHotOneClosesTheValve() throws Exception {
        String sensorToken = ORG.registerDevice("sensor", "s1");
        String valveToken = ORG.registerDevice("valve", "v1");
        try (MqttTestClient valve = MqttTestClient.device(IOTF, ORG.id(), "valve", "v1", valveToken);
                MqttTestClient sensor = MqttTestClient.device(IOTF, ORG.id(), "sensor", "s1", sensorToken)) {
            valve.subscribe("iot-2/cmd/+/fmt/+", 1);
            sensor.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"t\":21}}", 1);
            sensor.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"t\":30}}", 1);

            Path file = readings.resolve("readings.jsonl");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(file)
                    && Files.readAllLines(file, StandardCharsets.UTF_8).size() == 2);
            assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                    .containsExactly("{\"d\":{\"t\":21}}", "{\"d\":{\"t\":30}}");

            // the route takes the readings in order, so a command for the cool one would have come first
            Received command = valve.poll(Duration.ofSeconds(60));
            assertThat(command).as("the valve got a command").isNotNull();
            assertThat(command.topic()).isEqualTo("iot-2/cmd/set/fmt/json");
            assertThat(command.text()).isEqualTo("{\"position\":\"closed\",\"t\":30}");
        }
    }
}
