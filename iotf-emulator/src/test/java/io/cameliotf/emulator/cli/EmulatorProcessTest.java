package io.cameliotf.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.junit.EmulatorProcess;
import io.cameliotf.emulator.junit.MqttTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as users run it, in its own JVM: starts with the example seed, prints where it listens, serves
 * devices, stops cleanly on SIGTERM, and keeps its registry in the data directory across restarts.
 */
class EmulatorProcessTest {


    @Test
    void runsInTheForegroundAndKeepsItsDataAcrossRestarts(@TempDir Path data) throws Exception {
        Path pem = data.resolve("exported.pem");
        EmulatorProcess first = EmulatorProcess.startOnFreePorts("--seed", "seeds/example-seed.json", "--data", data.toString(),
                "--export-cert", pem.toString());
        assertThat(first.output()).contains("IoTF local service is running", "org001", "d:org001:sensor:dev1")
                .containsPattern("Console: http://127\\.0\\.0\\.1:\\d+/");
        try (MqttTestClient device = MqttTestClient.builder(first.mqttUrl(), "d:org001:sensor:dev1")
                .username("use-token-auth").password("devtok1").connect()) {
            assertThat(device.isConnected()).isTrue();
        }
        assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
        // 143: the JVM ran its shutdown hooks after SIGTERM
        assertThat(first.stop()).isEqualTo(143);
        assertThat(first.output()).contains("Stopping the IoTF local service...", "IoTF local service stopped", "Stopped.")
                .doesNotContain("devtok1", "apitok1");

        try (EmulatorProcess second = EmulatorProcess.startOnFreePorts("--data", data.toString());
                MqttTestClient device = MqttTestClient.builder(second.mqttUrl(), "d:org001:sensor:dev1")
                        .username("use-token-auth").password("devtok1").connect()) {
            assertThat(device.isConnected()).isTrue();
        }
    }

}
