package io.cameliotf.benchmarks;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.emulator.registry.DeviceCredentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;

/**
 * The connection storm: STORM registered devices (tokens hashed with the default PBKDF2 setting) connect from a
 * second JVM (each JVM here may hold 20,000 files, and the storm needs a socket on both ends), 32 at a time, three
 * times: first connects (one PBKDF2 check each), reconnects of the same tokens (the service's HMAC cache of verified
 * tokens, {@code auth/VerifiedTokens}), and reconnects after a restart of the service on the same data directory
 * (the cache is in memory only, so every check is PBKDF2 again: what a reconnect costs without the cache). Meanwhile
 * a device that is already connected publishes {@value #PROBE_RATE} QoS 1 events a second to an application, and
 * their latency is measured before and during each round; and the service's threads are sampled, to show on which
 * threads the PBKDF2 checks run (never HiveMQ's network threads). This JVM is the service's: it reports the heap
 * used while all devices are connected.
 */
public final class ConnectionStormBenchmark {

    static final int STORM = Integer.getInteger("storm", 10_000);
    static final int PROBE_RATE = 200;
    static final int QUIET_SECONDS = 5;

    private ConnectionStormBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run();
    }

    /** One storm run, printed to the console. */
    static void run() throws Exception {
        Path data = Scratch.directory("storm-data");
        IotfEmulator iotf = IotfEmulator.builder().freePorts().dataDirectory(data).build().start();
        TestOrganization org = TestOrganization.create(iotf);
        long t0 = System.nanoTime();
        List<String> lines = register(iotf, org);
        double registering = (System.nanoTime() - t0) / 1e9;
        String probeToken = org.registerDevice("probe", "p0"); // alone too: its type is new
        Path devices = Files.createTempFile("storm", ".txt");
        Files.write(devices, lines);
        Process client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), StormClient.class.getName(), devices.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter in = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
        List<String> report = new ArrayList<>();
        try {
            Probe probe = new Probe(iotf, org, probeToken);
            report.add(probe.measure("connected device alone (before the storm)", QUIET_SECONDS));
            System.gc();
            long heapBefore = usedHeap();
            Round first = round(in, out, iotf, probe, "first connects (PBKDF2 each)");
            System.gc();
            System.gc();
            long heapWith = usedHeap();
            in.println("close");
            out.readLine();
            Round cached = round(in, out, iotf, probe, "reconnects (HMAC cache)");
            in.println("close");
            out.readLine();
            probe.close();
            iotf.close();
            // the cache of verified tokens lives in memory only: after a restart every device is checked by PBKDF2
            iotf = IotfEmulator.builder().freePorts().dataDirectory(data).build().start();
            probe = new Probe(iotf, org, probeToken);
            Round uncached = round(in, out, iotf, probe, "reconnects after a restart (no cache)");
            probe.close();
            System.out.printf("Connection storm: %,d devices, 32 connecting at a time (registering them took %.1f s: "
                    + "PBKDF2 hashing of their tokens); the service with a data directory%n", STORM, registering);
            for (Round r : List.of(first, cached, uncached)) {
                System.out.println("  " + r.name + ": " + r.result);
                System.out.println("    PBKDF2 checks sampled on: " + r.pbkdf2Threads + "; HiveMQ's network threads: "
                        + r.network);
            }
            System.out.println("  publish latency of a connected device, QoS 1, " + PROBE_RATE + " events/s:");
            report.forEach(line -> System.out.println("    " + line));
            for (Round r : List.of(first, cached, uncached)) {
                System.out.println("    " + r.latency);
            }
            System.out.printf("  service heap used after GC: %,d MiB before, %,d MiB with all connected (max heap %,d "
                    + "MiB)%n%n", heapBefore >> 20, heapWith >> 20, Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            in.println("exit");
            client.waitFor(120, TimeUnit.SECONDS);
            client.destroy();
            iotf.close();
            Files.deleteIfExists(devices);
        }
    }

    private static List<String> register(IotfEmulator iotf, TestOrganization org) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        List<Future<DeviceCredentials>> registered = new ArrayList<>();
        // the first alone: it creates the device type, which two concurrent first registrations of a type both try
        registered.add(pool.submit(() -> iotf.devices().register(org.id(), "storm", "s0")));
        registered.get(0).get();
        for (int i = 1; i < STORM; i++) {
            String id = "s" + i;
            registered.add(pool.submit(() -> iotf.devices().register(org.id(), "storm", id)));
        }
        List<String> lines = new ArrayList<>();
        for (Future<DeviceCredentials> f : registered) {
            DeviceCredentials d = f.get();
            lines.add(d.clientId() + " " + d.token());
        }
        pool.shutdown();
        return lines;
    }

    /** What one round of connects measured. */
    private record Round(String name, String result, String latency, String pbkdf2Threads, String network) {
    }

    /** Lets the client JVM connect every device while the probe publishes and the threads are sampled. */
    private static Round round(PrintWriter in, BufferedReader out, IotfEmulator iotf, Probe probe, String name)
            throws Exception {
        ThreadSampler sampler = new ThreadSampler();
        Thread sampling = new Thread(sampler, "storm-thread-sampler");
        sampling.setDaemon(true);
        probe.startPhase();
        sampling.start();
        in.println("connect 127.0.0.1 " + iotf.mqttPort());
        String result = out.readLine();
        while (result != null && result.startsWith("Picked up")) { // the JVM's note on JAVA_TOOL_OPTIONS
            result = out.readLine();
        }
        sampler.stop();
        sampling.join();
        String latency = probe.endPhase("during " + name);
        return new Round(name, result, latency, sampler.pbkdf2ByThread(), sampler.network());
    }

    static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A connected device publishing PROBE_RATE stamped QoS 1 events a second to an application, latencies by phase. */
    private static final class Probe implements AutoCloseable {
        private final MqttAsyncClient device;
        private final MqttAsyncClient app;
        private final Thread publisher;
        private volatile Stats phase = new Stats(1_000_000);
        private volatile boolean running = true;
        private volatile long phaseStart;
        private final AtomicInteger sent = new AtomicInteger();

        Probe(IotfEmulator iotf, TestOrganization org, String token) throws Exception {
            app = Mqtt.async(iotf.mqttUrl(), org.appClientId("probe"), org.apiKey(), org.apiToken(), 100);
            Mqtt.onMessage(app, payload -> phase.arrived(Payloads.sentAt(payload)));
            app.subscribe("iot-2/type/probe/id/+/evt/+/fmt/+", 1).waitForCompletion(10_000);
            device = Mqtt.async(iotf.mqttUrl(), org.deviceClientId("probe", "p0"), "use-token-auth", token, 100);
            publisher = new Thread(this::publish, "storm-probe");
            publisher.setDaemon(true);
            publisher.start();
        }

        private void publish() {
            long interval = 1_000_000_000L / PROBE_RATE;
            long next = System.nanoTime();
            while (running) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                try {
                    device.publish("iot-2/evt/probe/fmt/json", Payloads.stamped(), 1, false);
                    sent.incrementAndGet();
                } catch (Exception e) {
                    // counted: what was not sent is missing from the received count
                }
                next += interval;
            }
        }

        String measure(String name, int seconds) throws InterruptedException {
            startPhase();
            Thread.sleep(seconds * 1_000L);
            return endPhase(name);
        }

        void startPhase() {
            phase = new Stats(1_000_000);
            sent.set(0);
            phaseStart = System.nanoTime();
        }

        String endPhase(String name) {
            Stats s = phase;
            double seconds = (System.nanoTime() - phaseStart) / 1e9;
            return String.format("%s (%.1f s): p50 %.2f ms, p99 %.2f ms, max %.2f ms, received %,d of %,d sent", name,
                    seconds, s.latencyMillis(50), s.latencyMillis(99), s.latencyMillis(100), s.received.get(), sent.get());
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            publisher.join(5_000);
            Mqtt.close(device);
            Mqtt.close(app);
        }
    }

    /**
     * Samples the stacks of this JVM's threads every 20 ms and counts, by thread name (digits dropped), the samples
     * that were running a PBKDF2 check, and how HiveMQ's network threads (Netty's event loops) spent theirs.
     */
    private static final class ThreadSampler implements Runnable {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final Map<String, Integer> pbkdf2 = new TreeMap<>();
        private volatile boolean running = true;
        private int networkSamples;
        private int networkInPbkdf2;
        private int networkRunnable;

        @Override
        public void run() {
            while (running) {
                for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
                    if (info == null) {
                        continue;
                    }
                    String group = info.getThreadName().replaceAll("[0-9]+", "#");
                    boolean network = group.contains("eventloop");
                    boolean checking = inPbkdf2(info.getStackTrace());
                    if (network) {
                        networkSamples++;
                        if (info.getThreadState() == Thread.State.RUNNABLE && !parked(info.getStackTrace())) {
                            networkRunnable++;
                        }
                        if (checking) {
                            networkInPbkdf2++;
                        }
                    }
                    if (checking) {
                        pbkdf2.merge(group, 1, Integer::sum);
                    }
                }
                LockSupport.parkNanos(20_000_000);
            }
        }

        private static boolean inPbkdf2(StackTraceElement[] stack) {
            for (StackTraceElement e : stack) {
                if (e.getClassName().contains("PBKDF2") || e.getClassName().endsWith("TokenHasher")) {
                    return true;
                }
            }
            return false;
        }

        /** Netty's event loops wait in the selector (RUNNABLE in native code): that is idle, not work. */
        private static boolean parked(StackTraceElement[] stack) {
            if (stack.length == 0) {
                return false;
            }
            StackTraceElement top = stack[0];
            return top.isNativeMethod() && (top.getClassName().contains("EPoll") || top.getClassName().contains("Poll")
                    || top.getMethodName().toLowerCase(java.util.Locale.ROOT).contains("wait"));
        }

        void stop() {
            running = false;
        }

        String pbkdf2ByThread() {
            return pbkdf2.isEmpty() ? "(none sampled)" : pbkdf2.toString();
        }

        String network() {
            return String.format("%,d samples, %,d of them working (not waiting in epoll), %,d in a PBKDF2 check",
                    networkSamples, networkRunnable, networkInPbkdf2);
        }
    }

    /**
     * The storm's clients, in a JVM of their own: raw MQTT CONNECTs, held open. Commands on stdin: {@code connect
     * HOST PORT} connects every device and prints one line of results, {@code close} closes them all, {@code exit}.
     */
    public static final class StormClient {
        public static void main(String[] args) throws Exception {
            List<String> devices = Files.readAllLines(Path.of(args[0]));
            List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command = commands.readLine(); command != null && !command.equals("exit");
                    command = commands.readLine()) {
                if (command.startsWith("connect ")) {
                    String[] c = command.split(" ");
                    System.out.println(connectAll(devices, c[1], Integer.parseInt(c[2]), sockets));
                } else if (command.equals("close")) {
                    for (Socket s : sockets) {
                        s.close();
                    }
                    sockets.clear();
                    Thread.sleep(2_000); // the service handles the disconnects before the next round
                    System.out.println("closed");
                }
                System.out.flush();
            }
            for (Socket s : sockets) {
                s.close();
            }
        }

        private static String connectAll(List<String> devices, String host, int port, List<Socket> sockets)
                throws InterruptedException {
            AtomicInteger refused = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(32);
            long start = System.nanoTime();
            for (String line : devices) {
                String[] parts = line.split(" ");
                pool.submit(() -> {
                    try {
                        Socket socket = new Socket(host, port);
                        socket.setTcpNoDelay(true);
                        socket.getOutputStream().write(Mqtt.connectPacket(parts[0], "use-token-auth", parts[1]));
                        byte[] connack = socket.getInputStream().readNBytes(4);
                        if (connack.length == 4 && connack[3] == 0) {
                            sockets.add(socket);
                        } else {
                            refused.incrementAndGet();
                            socket.close();
                        }
                    } catch (IOException e) {
                        refused.incrementAndGet();
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            return String.format("connected %,d of %,d in %.1f s: %,.0f connects/s (%d refused or failed)",
                    sockets.size(), devices.size(), seconds, sockets.size() / seconds, refused.get());
        }
    }
}
