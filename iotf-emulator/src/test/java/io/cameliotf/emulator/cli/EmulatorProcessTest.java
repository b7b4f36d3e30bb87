package io.cameliotf.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.junit.MqttTestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as users run it, in its own JVM: starts with the example seed, prints where it listens, serves
 * devices, stops cleanly on SIGTERM, and keeps its registry in the data directory across restarts.
 */
class EmulatorProcessTest {

    private static final Pattern MQTT = Pattern.compile("MQTT\\s+tcp://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void runsInTheForegroundAndKeepsItsDataAcrossRestarts(@TempDir Path data) throws Exception {
        Path pem = data.resolve("exported.pem");
        Run first = start("--seed", "seeds/example-seed.json", "--data", data.toString(), "--mqtt-port", "0",
                "--mqtts-port", "0", "--ws-port", "0", "--http-port", "0", "--https-port", "0",
                "--export-cert", pem.toString());
        assertThat(first.output()).contains("IoTF local service is running", "org001", "d:org001:sensor:dev1",
                "Press Ctrl-C to stop.");
        try (MqttTestClient device = MqttTestClient.builder("tcp://127.0.0.1:" + first.mqttPort, "d:org001:sensor:dev1")
                .username("use-token-auth").password("devtok1").connect()) {
            assertThat(device.isConnected()).isTrue();
        }
        assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
        first.stop();
        assertThat(first.output()).contains("Stopping the IoTF local service...", "IoTF local service stopped", "Stopped.");
        // 143: the JVM ran its shutdown hooks after SIGTERM
        assertThat(first.exitCode).isEqualTo(143);
        assertThat(first.output()).doesNotContain("devtok1", "apitok1");

        Run second = start("--data", data.toString(), "--mqtt-port", "0", "--mqtts-port", "0", "--ws-port", "0",
                "--http-port", "0", "--https-port", "0");
        try (MqttTestClient device = MqttTestClient.builder("tcp://127.0.0.1:" + second.mqttPort, "d:org001:sensor:dev1")
                .username("use-token-auth").password("devtok1").connect()) {
            assertThat(device.isConnected()).isTrue();
        } finally {
            second.stop();
        }
        assertThat(second.exitCode).isEqualTo(143);
    }

    private static Run start(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("iotf-emulator-cli", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Run run = new Run(process, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!run.output().contains("Press Ctrl-C to stop.") && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Matcher m = MQTT.matcher(run.output());
        assertThat(m.find()).as("output:%n%s", run.output()).isTrue();
        run.mqttPort = Integer.parseInt(m.group(1));
        return run;
    }

    private static final class Run {
        final Process process;
        final Path log;
        int mqttPort;
        int exitCode = -1;

        Run(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        void stop() throws InterruptedException {
            process.destroy(); // SIGTERM, as a service manager or a script's kill sends it
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            exitCode = process.exitValue();
        }
    }

}
