package io.cameliotf.benchmarks;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishOutboundInterceptor;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.IotfEmulatorBuilder;
import io.cameliotf.emulator.historian.Durability;
import io.cameliotf.emulator.junit.TestOrganization;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;

/**
 * The local service's gateway: QoS 1 messages a second through it, against the same HiveMQ CE broker without the
 * extension (the cost of identities, topic translation and isolation), with the historian off and on, and on the
 * shared port layout (the cost of the port multiplexer in front of the broker), and with a data directory in each
 * durability mode (the cost of acknowledging only what is stored), each received by an application of a mounted
 * organization and (set-ups 8-10) of the organization kept at the root, whose deliveries need no hook; p50/p99
 * latency at a fixed 5,000 messages a second; and, as part {@code storm}, the {@link ConnectionStormBenchmark}. Runs
 * alternate the brokers; medians are printed.
 */
public final class GatewayBenchmark {

    static final int PUBLISHERS = Integer.getInteger("publishers", 4);
    static final int MESSAGES = Integer.getInteger("messages", 100_000);
    static final int REPS = Integer.getInteger("reps", 3);
    static final int RATE = Integer.getInteger("rate", 5_000);
    static final int RATE_SECONDS = Integer.getInteger("rateSeconds", 10);
    static final String PARTS = System.getProperty("parts", "throughput,latency,storm");
    /** Which set-ups to run, by number (see {@link #NAMES}); plain HiveMQ CE (0) always runs, as the reference. */
    static final String SETUPS = System.getProperty("setups", "0,1,2,3,4,5,6,7,8,9,10");
    /**
     * Set-ups 2 to 7 receive with an application of a mounted organization (every organization but the root one),
     * 8 to 10 with one of the organization at the root (no outbound hook).
     */
    static final String[] NAMES = {"plain HiveMQ CE", "HiveMQ CE, no-op hooks", "mounted, historian off",
        "mounted, historian on", "mounted, shared ports", "mounted, --data, fast", "mounted, --data, written",
        "mounted, --data, synced", "root, historian off", "root, historian on", "root, --data, written"};
    /** The organization the root set-ups keep at the root. */
    static final String ROOT_ORG = "benchroot";

    private GatewayBenchmark() {
    }

    /** A broker under test: where clients connect, and with which credentials. */
    interface Target extends AutoCloseable {
        String url();

        String[] publisher(int i);

        String[] subscriber(String name);

        String publishTopic(int i);

        @Override
        void close() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("Gateway benchmark: %d cores, Java %s; %d publishers, %d QoS 1 messages a run, %d repetitions "
                + "after a warm-up round%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), PUBLISHERS, MESSAGES, REPS);
        List<Integer> kinds = selectedSetups();
        String[] names = kinds.stream().map(k -> NAMES[k]).toArray(String[]::new);
        List<List<Double>> rates = new ArrayList<>();
        kinds.forEach(k -> rates.add(new ArrayList<>()));
        double[][] latency = new double[names.length][];
        boolean measureThroughput = PARTS.contains("throughput");
        boolean measureLatency = PARTS.contains("latency");
        int lastRep = measureThroughput ? REPS - 1 : -1; // latency alone: once, after the warm-up run
        for (int rep = -1; rep <= lastRep && (measureThroughput || measureLatency); rep++) {
            for (int b = 0; b < names.length; b++) {
                try (Target target = start(kinds.get(b))) {
                    double rate = throughput(target);
                    if (rep >= 0) { // the first round warms the JVM up and is not counted
                        rates.get(b).add(rate);
                    }
                    if (rep == lastRep && measureLatency) {
                        latency[b] = paced(target);
                    }
                }
            }
        }
        if (measureThroughput) {
            System.out.println("QoS 1 throughput: 4 publishers (pipelined, at most 2,000 messages on their way) -> 1 subscriber");
            for (int b = 0; b < names.length; b++) {
                System.out.printf("  %-24s msgs/s %s -> median %,.0f (%.0f%% of plain)%n", names[b], rounded(rates.get(b)),
                        Stats.median(rates.get(b)), 100 * Stats.median(rates.get(b)) / Stats.median(rates.get(0)));
            }
            System.out.println();
        }
        if (measureLatency) {
            System.out.printf("Latency at a fixed %,d msgs/s, QoS 1, %d s%n", RATE, RATE_SECONDS);
            for (int b = 0; b < names.length; b++) {
                System.out.printf("  %-24s p50 %.2f ms, p99 %.2f ms, max %.2f ms, received %,.0f of %,d%n", names[b],
                        latency[b][0], latency[b][1], latency[b][2], latency[b][3], RATE * RATE_SECONDS);
            }
            System.out.println();
        }
        if (PARTS.contains("storm")) {
            ConnectionStormBenchmark.run();
        }
    }

    static List<String> rounded(List<Double> rates) {
        return rates.stream().map(r -> String.format("%,.0f", r)).toList();
    }

    static List<Integer> selectedSetups() {
        List<Integer> kinds = new ArrayList<>(List.of(0));
        for (String k : SETUPS.split(",")) {
            int kind = Integer.parseInt(k.trim());
            if (kind < 0 || kind >= NAMES.length) {
                throw new IllegalArgumentException("setups: " + kind + " is not a set-up; there are 0 to "
                        + (NAMES.length - 1));
            }
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    static Target start(int kind) throws Exception {
        return switch (kind) {
            case 0 -> plain(false);
            case 1 -> plain(true);
            case 4 -> gateway(IotfEmulator.builder().historian(false).sharedPorts(true));
            case 5 -> gateway(withData(Durability.FAST));
            case 6 -> gateway(withData(Durability.WRITTEN));
            case 7 -> gateway(withData(Durability.SYNCED));
            case 8 -> gateway(IotfEmulator.builder().historian(false).rootOrganization(ROOT_ORG));
            case 9 -> gateway(IotfEmulator.builder().historian(true).rootOrganization(ROOT_ORG));
            case 10 -> gateway(withData(Durability.WRITTEN).rootOrganization(ROOT_ORG));
            default -> gateway(IotfEmulator.builder().historian(kind == 3));
        };
    }

    /** The gateway with its historian, the registry and durable sessions in a data directory of the run. */
    static IotfEmulatorBuilder withData(Durability durability) throws java.io.IOException {
        return IotfEmulator.builder().dataDirectory(Scratch.directory("gateway-data")).durability(durability);
    }

    /** QoS 1 messages a second from PUBLISHERS pipelined publishers to one subscriber. */
    static double throughput(Target target) throws Exception {
        Stats stats = new Stats(MESSAGES);
        MqttAsyncClient subscriber = subscribe(target, "tput", stats);
        List<MqttAsyncClient> publishers = publishers(target);
        Mqtt.Flow flow = new Mqtt.Flow(stats, ComponentBenchmark.FLOW);
        List<Parallel.Task> tasks = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            MqttAsyncClient c = publishers.get(i);
            String topic = target.publishTopic(i);
            tasks.add(() -> Mqtt.publishPipelined(c, topic, MESSAGES / PUBLISHERS, 1, 500, flow));
        }
        long start = System.nanoTime();
        Parallel.run(tasks);
        stats.await(MESSAGES, 3_000);
        double rate = stats.rate(start);
        if (stats.received.get() < MESSAGES) {
            System.out.printf("  (lost %d messages)%n", MESSAGES - stats.received.get());
        }
        publishers.forEach(Mqtt::close);
        Mqtt.close(subscriber);
        return rate;
    }

    /** p50, p99, max latency (ms) and the count received, at RATE messages a second for RATE_SECONDS. */
    static double[] paced(Target target) throws Exception {
        int total = RATE * RATE_SECONDS;
        Stats stats = new Stats(total);
        MqttAsyncClient subscriber = subscribe(target, "paced", stats);
        List<MqttAsyncClient> publishers = publishers(target);
        long intervalNanos = 1_000_000_000L * PUBLISHERS / RATE;
        List<Parallel.Task> tasks = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            MqttAsyncClient c = publishers.get(i);
            String topic = target.publishTopic(i);
            long offset = intervalNanos * i / PUBLISHERS;
            tasks.add(() -> {
                long next = System.nanoTime() + offset;
                for (int n = 0; n < total / PUBLISHERS; n++) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    c.publish(topic, Payloads.stamped(), 1, false);
                    next += intervalNanos;
                }
            });
        }
        Parallel.run(tasks);
        stats.await(total, 3_000);
        publishers.forEach(Mqtt::close);
        Mqtt.close(subscriber);
        return new double[] {stats.latencyMillis(50), stats.latencyMillis(99), stats.latencyMillis(100), stats.received.get()};
    }

    static List<MqttAsyncClient> publishers(Target target) throws Exception {
        List<MqttAsyncClient> publishers = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            String[] p = target.publisher(i);
            publishers.add(Mqtt.async(target.url(), p[0], p[1], p[2], 1000));
        }
        return publishers;
    }

    static MqttAsyncClient subscribe(Target target, String name, Stats stats) throws Exception {
        String[] s = target.subscriber(name);
        MqttAsyncClient subscriber = Mqtt.async(target.url(), s[0], s[1], s[2], 1000);
        Mqtt.onMessage(subscriber, payload -> stats.arrived(Payloads.sentAt(payload)));
        subscriber.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1).waitForCompletion(10_000);
        return subscriber;
    }

    // ---- the brokers

    /**
     * The gateway; with {@code shared}, on IBM's shared port layout (MQTT reaches the broker through the port
     * multiplexer), historian off: what port sharing costs a plain MQTT client.
     */
    static Target gateway(IotfEmulatorBuilder settings) throws Exception {
        IotfEmulator iotf = settings.freePorts().hashIterations(1_000).build().start();
        return gateway(iotf, iotf.rootOrganization() == null ? TestOrganization.create(iotf)
                : TestOrganization.create(iotf, iotf.rootOrganization()));
    }

    /**
     * The gateway's publishers and subscriber in {@code org} of a service already started (the console benchmark opens
     * consoles of that organization on it first); closing the target closes the service.
     */
    static Target gateway(IotfEmulator iotf, TestOrganization org) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            tokens.add(org.registerDevice("sensor", "pub" + i));
        }
        return new Target() {
            @Override
            public String url() {
                return iotf.mqttUrl();
            }

            @Override
            public String[] publisher(int i) {
                return new String[] {org.deviceClientId("sensor", "pub" + i), "use-token-auth", tokens.get(i)};
            }

            @Override
            public String[] subscriber(String name) {
                return new String[] {org.appClientId(name), org.apiKey(), org.apiToken()};
            }

            @Override
            public String publishTopic(int i) {
                return "iot-2/evt/reading/fmt/json";
            }

            @Override
            public void close() {
                iotf.close();
            }
        };
    }

    /**
     * HiveMQ CE as it comes: no authentication, the same topics; with {@code noopHooks}, an extension whose inbound
     * and outbound publish interceptors do nothing, which isolates what HiveMQ charges for any such hook (each is a
     * hop through its extension executor) from what the gateway's own work costs.
     */
    static Target plain(boolean noopHooks) throws Exception {
        Path dir = Scratch.directory("plain-hivemq");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("extensions"));
        Files.writeString(dir.resolve("conf/config.xml"), "<?xml version=\"1.0\"?><hivemq><listeners><tcp-listener><port>"
                + port + "</port><bind-address>127.0.0.1</bind-address></tcp-listener></listeners>"
                + "<mqtt><queued-messages><max-queue-size>5000</max-queue-size><strategy>discard-oldest</strategy>"
                + "</queued-messages></mqtt><anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>"
                + "<persistence><mode>in-memory</mode></persistence></hivemq>", StandardCharsets.UTF_8);
        EmbeddedHiveMQBuilder builder = EmbeddedHiveMQ.builder().withConfigurationFolder(dir.resolve("conf"))
                .withDataFolder(dir.resolve("data")).withExtensionsFolder(dir.resolve("extensions"))
                .withoutLoggingBootstrap();
        if (noopHooks) {
            builder.withEmbeddedExtension(EmbeddedExtension.builder().withId("noop-hooks").withName("no-op hooks")
                    .withVersion("1").withExtensionMain(new NoopHooks()).build());
        }
        EmbeddedHiveMQ hivemq = builder.build();
        hivemq.start().get(60, TimeUnit.SECONDS);
        return new Target() {
            @Override
            public String url() {
                return "tcp://127.0.0.1:" + port;
            }

            @Override
            public String[] publisher(int i) {
                return new String[] {"pub" + i, null, null};
            }

            @Override
            public String[] subscriber(String name) {
                return new String[] {name, null, null};
            }

            @Override
            public String publishTopic(int i) {
                return "iot-2/type/sensor/id/pub" + i + "/evt/reading/fmt/json";
            }

            @Override
            public void close() throws Exception {
                hivemq.stop().get(60, TimeUnit.SECONDS);
                hivemq.close();
            }
        };
    }

    /** Publish interceptors that leave every packet as it is. */
    static final class NoopHooks implements ExtensionMain {
        @Override
        public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
            PublishInboundInterceptor in = (i, o) -> { };
            PublishOutboundInterceptor out = (i, o) -> { };
            Services.initializerRegistry().setClientInitializer((i, context) -> {
                context.addPublishInboundInterceptor(in);
                context.addPublishOutboundInterceptor(out);
            });
        }

        @Override
        public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        }
    }
}
