package io.cameliotf.emulator.junit;

import io.cameliotf.emulator.cli.EmulatorMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local service's command line run in a JVM of its own, as users run it: for tests that stop and restart the
 * service (a broker restart), or check the command line itself. It uses the test's class path.
 */
public final class EmulatorProcess implements AutoCloseable {

    private static final Pattern MQTT = Pattern.compile("MQTT\\s+tcp://[^:\\s]+:(\\d+)");
    private static final String READY = "Press Ctrl-C to stop.";

    private final Process process;
    private final Path log;
    private final int mqttPort;

    private EmulatorProcess(Process process, Path log, int mqttPort) {
        this.process = process;
        this.log = log;
        this.mqttPort = mqttPort;
    }

    /**
     * Starts {@code java ... EmulatorMain args} and returns once it prints that it is running.
     *
     * @throws IllegalStateException with its output when it does not start within 90 seconds
     */
    public static EmulatorProcess start(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("iotf-emulator-process", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String output = "";
        while (process.isAlive() && System.nanoTime() < deadline) {
            output = Files.readString(log, StandardCharsets.UTF_8);
            if (output.contains(READY)) {
                break;
            }
            Thread.sleep(100);
        }
        Matcher m = MQTT.matcher(output);
        if (!output.contains(READY) || !m.find()) {
            process.destroyForcibly();
            throw new IllegalStateException("The IoTF emulator did not start:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new EmulatorProcess(process, log, Integer.parseInt(m.group(1)));
    }

    /** The plain MQTT port it printed. */
    public int mqttPort() {
        return mqttPort;
    }

    public String mqttUrl() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    /** Everything it printed so far. */
    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Sends SIGTERM, as a service manager or a script's kill does, and returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
