package io.cameliotf.emulator.junit;

import io.cameliotf.emulator.cli.EmulatorMain;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
 * service (a broker restart), or check the command line itself. It uses the test's class path, or the one the system
 * property {@value #CLASS_PATH_PROPERTY} names: a test whose own class path holds another Camel (a Camel Quarkus
 * app on an older Camel) runs the service from its runnable jar, {@code iotf-emulator.jar}, which holds its own.
 */
public final class EmulatorProcess implements AutoCloseable {

    private static final Pattern MQTT = Pattern.compile("MQTT\\s+tcp://[^:\\s]+:(\\d+)");
    private static final Pattern MQTTS = Pattern.compile("MQTT over TLS\\s+ssl://[^:\\s]+:(\\d+)");
    private static final Pattern REST = Pattern.compile("REST API\\s+(http://[^/\\s]+)/");
    private static final Pattern HTTPS = Pattern.compile("REST API over TLS\\s+https://[^:\\s]+:(\\d+)/");
    private static final String READY = "Press Ctrl-C to stop.";
    /** The system property with the seconds a start may take (90 when not set). */
    public static final String START_TIMEOUT_PROPERTY = "iotf.emulator.startTimeout";
    /** The system property with the class path of the service's JVM (the test's when not set). */
    public static final String CLASS_PATH_PROPERTY = "iotf.emulator.classPath";
    /** Starts tried when a port the command line names is still held (see {@link #start(List, String...)}). */
    private static final int PORT_ATTEMPTS = 3;

    private final Process process;
    private final Path log;
    private final String banner;
    private final int mqttPort;
    private final String httpBase;

    private EmulatorProcess(Process process, Path log, String banner, int mqttPort, String httpBase) {
        this.process = process;
        this.log = log;
        this.banner = banner;
        this.mqttPort = mqttPort;
        this.httpBase = httpBase;
    }

    /**
     * Starts {@code java ... EmulatorMain args} and returns once it prints that it is running.
     *
     * A start that finds a port it names still held (a service on those ports was just killed) waits until the port
     * is free and tries again, three times at most.
     *
     * @throws IllegalStateException with its output when it does not start within 90 seconds (or the seconds of the
     *         system property {@value #START_TIMEOUT_PROPERTY}, for busy machines)
     */
    public static EmulatorProcess start(String... args) throws IOException, InterruptedException {
        return start(List.of(), args);
    }

    /**
     * {@link #start(String...)} with options for the service's JVM (a heap limit, a flight recording), placed
     * before its main class.
     */
    public static EmulatorProcess start(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        for (int attempt = 1;; attempt++) {
            try {
                return startOnce(jvmOptions, args);
            } catch (IllegalStateException e) {
                // a start on the ports of a service just killed can find one still held: a client reconnecting to
                // the dead port may have connected to itself, or taken it as its own port for a moment
                if (attempt >= PORT_ATTEMPTS || !String.valueOf(e.getMessage()).contains("Address already in use")) {
                    throw e;
                }
                awaitPortsFree(fixedPorts(args));
            }
        }
    }

    private static EmulatorProcess startOnce(List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("iotf-emulator-process", ".log");
        Process process = launch(log, jvmOptions, args);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong(START_TIMEOUT_PROPERTY, 90));
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
            process.waitFor(30, TimeUnit.SECONDS); // gone, with its files closed, before the caller cleans up
            throw new IllegalStateException("The IoTF emulator did not start:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        Matcher rest = REST.matcher(output);
        return new EmulatorProcess(process, log, output, Integer.parseInt(m.group(1)), rest.find() ? rest.group(1) : null);
    }

    /** The ports a command line names ({@code --mqtt-port 1883}; 0 means any and is left out). */
    private static List<Integer> fixedPorts(String... args) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].startsWith("--") && args[i].endsWith("-port") && !args[i + 1].equals("0")) {
                ports.add(Integer.parseInt(args[i + 1]));
            }
        }
        return ports;
    }

    /** Waits until every port can be bound again, at most a minute. */
    private static void awaitPortsFree(List<Integer> ports) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline && !ports.stream().allMatch(EmulatorProcess::bindable)) {
            Thread.sleep(100);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** How a run that was expected to end by itself ended: its exit code and everything it printed. */
    public record Ended(int exitCode, String output) {
    }

    /**
     * Runs the command line until it exits by itself, as a start that must fail does.
     *
     * @throws IllegalStateException with its output when it is still running after {@code timeoutSeconds}
     */
    public static Ended runUntilExit(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile("iotf-emulator-process", ".log");
        Process process = launch(log, List.of(), args);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("The IoTF emulator was still running after " + timeoutSeconds + " s:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Ended(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Process launch(Path log, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        String classPath = System.getProperty(CLASS_PATH_PROPERTY, System.getProperty("java.class.path"));
        command.addAll(List.of("-cp", classPath, EmulatorMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** {@link #start} with every listener on a free port. */
    public static EmulatorProcess startOnFreePorts(String... args) throws IOException, InterruptedException {
        return startOnFreePorts(List.of(), args);
    }

    /** {@link #startOnFreePorts(String...)} with options for the service's JVM. */
    public static EmulatorProcess startOnFreePorts(List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(args));
        for (String flag : List.of("--mqtt-port", "--mqtts-port", "--ws-port", "--wss-port", "--http-port",
                "--https-port")) {
            if (!all.contains(flag)) {
                all.add(flag);
                all.add("0");
            }
        }
        return start(jvmOptions, all.toArray(new String[0]));
    }

    /** The operating system's id of the service's process (for RSS, jcmd, jstack). */
    public long pid() {
        return process.pid();
    }

    /** Whether the process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The plain MQTT port it printed. */
    public int mqttPort() {
        return mqttPort;
    }

    /** The MQTT over TLS port it printed. */
    public int mqttsPort() {
        return port(MQTTS);
    }

    /** The HTTP port of its REST API. */
    public int httpPort() {
        return Integer.parseInt(httpBase.substring(httpBase.lastIndexOf(':') + 1));
    }

    /** The HTTPS port of its REST API. */
    public int httpsPort() {
        return port(HTTPS);
    }

    private int port(Pattern pattern) {
        Matcher m = pattern.matcher(banner);
        if (!m.find()) {
            throw new IllegalStateException("The banner names no such port:\n" + banner);
        }
        return Integer.parseInt(m.group(1));
    }

    public String mqttUrl() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    /** The base URL of its API v0001, for example {@code http://127.0.0.1:8080/api/v0001}. */
    public String httpUrl() {
        return httpUrl("v0001");
    }

    /** The base URL of an API version ({@code v0001}, {@code v0002}). */
    public String httpUrl(String apiVersion) {
        return httpBase + "/api/" + apiVersion;
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
            // SIGKILL always ends it, but on a machine whose cores are busy that can take more than seconds
            return process.waitFor();
        }
        return process.exitValue();
    }

    /**
     * Sends SIGKILL, as a crash or the kernel's out-of-memory killer would: no shutdown hook runs, nothing is
     * flushed. Returns once the process is gone.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
