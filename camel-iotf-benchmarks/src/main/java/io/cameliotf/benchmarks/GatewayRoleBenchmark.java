package io.cameliotf.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway role (issue 12, later contract 3.4): one gateway connection ({@code g:<org>:gw:gw1}) publishing QoS 1
 * events for {@code devices} served devices, against as many device connections ({@code d:<org>:sensor:<id>})
 * publishing the same events, round-robin over the same devices, with the same window of unacknowledged publishes;
 * one application receives every event at QoS 1. Against one service in a JVM of its own (in memory), the two runs
 * alternate after a warm-up round; printed are the medians of messages a second, and the service's heap used after a
 * full collection with the connections open and after the run, as ratios. Then, with {@code parts} containing
 * {@code reboot}, one device/reboot request of every device through /mgmt/requests ({@link MgmtRebootRun}).
 * <pre>
 * mvn -B -q -pl camel-iotf-benchmarks exec:exec@gateway-role
 * JAVA_TOOL_OPTIONS="-Ddevices=1000 -Dmessages=100000 -Dreps=3" mvn -B -q -pl camel-iotf-benchmarks exec:exec@gateway-role
 * </pre>
 */
public final class GatewayRoleBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayRoleBenchmark.class);
    static final int DEVICES = Integer.getInteger("devices", 1_000);
    static final int MESSAGES = Integer.getInteger("messages", 50_000);
    static final int REPS = Integer.getInteger("reps", 3);
    /** Publishes unacknowledged at most, over all publishers (Paho's window of the one gateway connection). */
    static final int WINDOW = Integer.getInteger("window", 1_000);
    /** Messages on their way at most (sent, not received), below the service's backlog of 5,000 a subscriber. */
    static final int FLOW = Integer.getInteger("flow", 2_000);
    static final String PARTS = System.getProperty("parts", "events,reboot");
    static final String GATEWAY_TYPE = "gw";
    static final String GATEWAY_ID = "gw1";
    static final String GATEWAY_TOKEN = "gateway-token-1";

    private GatewayRoleBenchmark() {
    }

    /**
     * One run's figures: the rate, and the service's heap after GC before the clients connect, with them connected,
     * and after the run (the service keeps what each run stores, so only differences within a run compare).
     */
    record Run(double rate, long heapBefore, long heapConnected, long heapAfter) {
        long connections() {
            return heapConnected - heapBefore;
        }

        long run() {
            return heapAfter - heapBefore;
        }
    }

    public static void main(String[] args) {
        int code = 0;
        try {
            run();
        } catch (Exception e) {
            LOG.error("The gateway role benchmark ended early", e);
            code = 1;
        }
        System.exit(code); // Paho's threads would keep the JVM alive
    }

    private static void run() throws Exception {
        Path scratch = Scratch.directory("iotf-gateway-role");
        System.out.printf("Gateway role: %d served devices, %,d QoS 1 events a run, a window of %d, %d repetitions after"
                + " a warm-up round; the service in its own JVM (-Xmx1g, in memory); %d cores, Java %s%n%n", DEVICES,
                MESSAGES, WINDOW, REPS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (ServiceProcess service = new ServiceProcess(scratch, null, DEVICES, List.of("-Xmx1g"), List.of()).start()) {
            service.registerGateway(GATEWAY_TYPE, GATEWAY_ID, GATEWAY_TOKEN);
            if (PARTS.contains("events")) {
                events(service);
            }
            if (PARTS.contains("reboot")) {
                new MgmtRebootRun(service).run();
            }
        }
    }

    private static void events(ServiceProcess service) throws Exception {
        List<Run> gateway = new ArrayList<>();
        List<Run> devices = new ArrayList<>();
        for (int rep = 0; rep <= REPS; rep++) {
            Run g = run(service, true, rep);
            Run d = run(service, false, rep);
            System.out.printf("  %s: gateway %,.0f msgs/s, heap %+.1f/%+.1f MiB; devices %,.0f msgs/s, heap %+.1f/%+.1f"
                    + " MiB (connected/after the run)%n", rep == 0 ? "warm-up" : "round " + rep, g.rate(),
                    mb(g.connections()), mb(g.run()), d.rate(), mb(d.connections()), mb(d.run()));
            if (rep > 0) {
                gateway.add(g);
                devices.add(d);
            }
        }
        double gRate = Stats.median(gateway.stream().map(Run::rate).toList());
        double dRate = Stats.median(devices.stream().map(Run::rate).toList());
        double gHeap = Stats.median(gateway.stream().map(r -> (double) r.connections()).toList());
        double dHeap = Stats.median(devices.stream().map(r -> (double) r.connections()).toList());
        double gAfter = Stats.median(gateway.stream().map(r -> (double) r.run()).toList());
        double dAfter = Stats.median(devices.stream().map(r -> (double) r.run()).toList());
        double gBefore = Stats.median(gateway.stream().map(r -> (double) r.heapBefore()).toList());
        System.out.println();
        System.out.printf("| %d devices' events (median of %d) | 1 gateway connection | %d device connections | "
                + "gateway / devices |%n|---|---|---|---|%n", DEVICES, REPS, DEVICES);
        System.out.printf("| QoS 1 events a second, received by the application | %,.0f | %,.0f | %.2f |%n", gRate, dRate,
                gRate / dRate);
        System.out.printf("| service heap used after GC that the open connections add (before them: %.1f MiB) | %.1f MiB"
                + " | %.1f MiB | %.2f |%n", mb((long) gBefore), gHeap / 1048576.0, dHeap / 1048576.0, gHeap / dHeap);
        System.out.printf("| the same after the run (connections and what the run left: last events, historian) | "
                + "%.1f MiB | %.1f MiB | %.2f |%n", gAfter / 1048576.0, dAfter / 1048576.0, gAfter / dAfter);
        System.out.println();
    }

    /** One run: connects the publishers and the application, publishes, and closes them all. */
    private static Run run(ServiceProcess service, boolean asGateway, int rep) throws Exception {
        String url = service.mqttUrl();
        Stats received = new Stats(MESSAGES);
        MqttAsyncClient app = Mqtt.async(url, "a:" + ServiceProcess.ORG + ":role" + rep + (asGateway ? "g" : "d"),
                ServiceProcess.API_KEY, ServiceProcess.API_TOKEN, 100);
        Mqtt.onMessage(app, payload -> received.arrived(Payloads.sentAt(payload)));
        app.subscribe(AppReceiver.ALL_EVENTS, 1).waitForCompletion(30_000);
        List<String[]> served = service.devices().subList(0, DEVICES);
        List<MqttAsyncClient> publishers = new ArrayList<>();
        String[] topics = new String[DEVICES];
        long heapBefore = service.heapUsedAfterGcBytes();
        try {
            if (asGateway) {
                publishers.add(Mqtt.async(url, "g:" + ServiceProcess.ORG + ":" + GATEWAY_TYPE + ":" + GATEWAY_ID,
                        "use-token-auth", GATEWAY_TOKEN, WINDOW));
                for (int i = 0; i < DEVICES; i++) {
                    topics[i] = "iot-2/type/" + served.get(i)[0] + "/id/" + served.get(i)[1] + "/evt/reading/fmt/json";
                }
            } else {
                publishers.addAll(connectDevices(url, served));
                java.util.Arrays.fill(topics, DeviceFleet.TOPIC);
            }
            long heapConnected = service.heapUsedAfterGcBytes();
            Semaphore window = new Semaphore(WINDOW);
            IMqttActionListener release = new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    window.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    window.release();
                }
            };
            Mqtt.Flow flow = new Mqtt.Flow(received, FLOW);
            long start = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                int device = i % DEVICES;
                flow.awaitRoom();
                window.acquire();
                flow.sent();
                publishers.get(asGateway ? 0 : device).publish(topics[device], Payloads.stamped(), 1, false, null,
                        release);
            }
            received.await(MESSAGES, 10_000);
            double rate = received.rate(start);
            if (received.received.get() < MESSAGES) {
                System.out.printf("  (%s run: %,d of %,d events arrived)%n", asGateway ? "gateway" : "devices",
                        received.received.get(), MESSAGES);
            }
            return new Run(rate, heapBefore, heapConnected, service.heapUsedAfterGcBytes());
        } finally {
            publishers.forEach(Mqtt::close);
            Mqtt.close(app);
        }
    }

    /** Connects a device client for each of {@code devices}, eight at a time; in the order of {@code devices}. */
    static List<MqttAsyncClient> connectDevices(String url, List<String[]> devices) throws Exception {
        MqttAsyncClient[] clients = new MqttAsyncClient[devices.size()];
        List<Parallel.Task> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int first = t;
            tasks.add(() -> {
                for (int i = first; i < clients.length; i += 8) {
                    String[] d = devices.get(i);
                    clients[i] = Mqtt.async(url, "d:" + ServiceProcess.ORG + ":" + d[0] + ":" + d[1], "use-token-auth",
                            d[2], 10);
                }
            });
        }
        if (Parallel.run(tasks) > 0) {
            throw new IllegalStateException("devices could not connect");
        }
        return List.of(clients);
    }

    static double mb(long bytes) {
        return bytes / 1048576.0;
    }
}
