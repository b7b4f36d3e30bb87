package io.cameliotf.benchmarks;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.TestOrganization;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;

/**
 * What the component costs on top of the Paho client it wraps, on the local service: the receiving side (a raw Paho
 * subscriber against an iotf:device-event consumer route) and the sending side (raw Paho publishers against
 * iotf:device-event producers), at QoS 0 and QoS 1. Runs alternate raw and iotf, several times; medians and the
 * iotf/raw ratio are printed, with messages lost and p50/p99 latency.
 */
public final class ComponentBenchmark {

    static final int DEVICES = Integer.getInteger("devices", 4);
    static final int REPS = Integer.getInteger("reps", 3);
    static final int MESSAGES = Integer.getInteger("messages", 100_000);
    static final int SEND_MESSAGES = Integer.getInteger("sendMessages", 40_000);
    /** Messages on their way at most (sent, not yet received): below the service's backlog of 5,000 per subscriber. */
    static final int FLOW = Integer.getInteger("flow", 2_000);

    private ComponentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("Component benchmark: %d cores, Java %s; %d devices, %d messages a run (sending side %d), "
                + "%d repetitions after a warm-up pair, payload %d bytes%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), DEVICES, MESSAGES, SEND_MESSAGES, REPS, Payloads.stamped().length);
        try (IotfEmulator iotf = IotfEmulator.builder().freePorts().historian(false).hashIterations(1_000).build().start()) {
            TestOrganization org = TestOrganization.create(iotf);
            List<String[]> devices = new ArrayList<>();
            for (int i = 0; i < DEVICES; i++) {
                devices.add(new String[] {"dev" + i, org.registerDevice("sensor", "dev" + i)});
            }
            String parts = System.getProperty("parts", "receive,send");
            for (int qos = 0; qos <= 1 && parts.contains("receive"); qos++) {
                receiving(iotf, org, devices, qos);
            }
            for (int qos = 0; qos <= 1 && parts.contains("send"); qos++) {
                sending(iotf, org, devices, qos);
            }
            if (parts.contains("send")) {
                camelBaseline();
            }
        }
    }

    /**
     * What Camel itself charges per ProducerTemplate send, whatever the endpoint: the same sendBody call to a route
     * that does nothing, on one thread. The producer side's gap to raw Paho is compared against this.
     */
    static void camelBaseline() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:noop").process(exchange -> { });
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            org.apache.camel.Endpoint endpoint = context.getEndpoint("direct:noop");
            int n = 1_000_000;
            for (int i = 0; i < n; i++) { // warm-up
                template.sendBody(endpoint, Payloads.stamped());
            }
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                template.sendBody(endpoint, Payloads.stamped());
            }
            double micros = (System.nanoTime() - start) / 1e3 / n;
            System.out.printf("Camel's own cost: ProducerTemplate.sendBody to a route that does nothing, one thread: "
                    + "%.2f us a message%n%n", micros);
        }
    }

    // ---- receiving side

    static void receiving(IotfEmulator iotf, TestOrganization org, List<String[]> devices, int qos) throws Exception {
        alternate("Receiving side, QoS " + qos + ": raw Paho subscriber vs iotf:device-event consumer",
                (useIotf, rep) -> receive(iotf, org, devices, qos, useIotf, rep));
    }

    /** One run of either kind; {@code rep} makes its client ids unique. */
    interface Run {
        Result run(boolean useIotf, int rep) throws Exception;
    }

    /** Raw and iotf runs in turn, after one warm-up pair that is not counted (it pays for JIT compilation). */
    static void alternate(String title, Run run) throws Exception {
        List<Double> raw = new ArrayList<>();
        List<Double> camel = new ArrayList<>();
        long[] lost = new long[2]; // over every run, the warm-up included
        Result lastRaw = null;
        Result lastIotf = null;
        for (int rep = -1; rep < REPS; rep++) {
            lastRaw = run.run(false, rep + 1);
            lastIotf = run.run(true, rep + 1);
            lost[0] += lastRaw.lost;
            lost[1] += lastIotf.lost;
            if (rep >= 0) {
                raw.add(lastRaw.rate);
                camel.add(lastIotf.rate);
            }
        }
        report(title, raw, camel, lost, lastRaw, lastIotf);
    }

    static Result receive(IotfEmulator iotf, TestOrganization org, List<String[]> devices, int qos, boolean useIotf, int rep)
            throws Exception {
        Stats stats = new Stats(MESSAGES);
        String appId = (useIotf ? "iotf" : "raw") + "-" + qos + "-" + rep;
        MqttAsyncClient rawSubscriber = null;
        CamelContext context = null;
        if (useIotf) {
            context = new DefaultCamelContext();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("iotf:device-event?org=" + org.id() + "&appId=" + appId + "&authKey=" + org.apiKey()
                            + "&authToken=RAW(" + org.apiToken() + ")&brokerUrl=" + iotf.mqttUrl() + "&qos=" + qos)
                            .process(e -> stats.arrived(Payloads.sentAt(e.getIn().getBody(byte[].class))));
                }
            });
            context.start();
        } else {
            rawSubscriber = Mqtt.async(iotf.mqttUrl(), org.appClientId(appId), org.apiKey(), org.apiToken(), 1000);
            Mqtt.onMessage(rawSubscriber, payload -> stats.arrived(Payloads.sentAt(payload)));
            rawSubscriber.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", qos).waitForCompletion(10_000);
        }
        long start = publishFromDevices(iotf, org, devices, MESSAGES / devices.size(), qos, new Mqtt.Flow(stats, FLOW));
        stats.await(MESSAGES, 3_000);
        Result r = new Result(stats.rate(start), MESSAGES - stats.received.get(), stats.latencyMillis(50),
                stats.latencyMillis(99));
        if (context != null) {
            context.stop();
        }
        if (rawSubscriber != null) {
            Mqtt.close(rawSubscriber);
        }
        return r;
    }

    /** Every device publishes {@code each} messages, pipelined; returns when the first was sent. */
    static long publishFromDevices(IotfEmulator iotf, TestOrganization org, List<String[]> devices, int each, int qos,
            Mqtt.Flow flow) throws Exception {
        List<MqttAsyncClient> clients = new ArrayList<>();
        for (String[] d : devices) {
            clients.add(Mqtt.async(iotf.mqttUrl(), org.deviceClientId("sensor", d[0]), "use-token-auth", d[1], 1000));
        }
        List<Parallel.Task> tasks = new ArrayList<>();
        for (MqttAsyncClient c : clients) {
            tasks.add(() -> Mqtt.publishPipelined(c, "iot-2/evt/reading/fmt/json", each, qos, 200, flow));
        }
        long start = System.nanoTime();
        Parallel.run(tasks);
        clients.forEach(Mqtt::close);
        return start;
    }

    // ---- sending side

    static void sending(IotfEmulator iotf, TestOrganization org, List<String[]> devices, int qos) throws Exception {
        alternate("Sending side, QoS " + qos + ": raw Paho publishers (MqttClient.publish) vs iotf:device-event producers "
                + "(ProducerTemplate)", (useIotf, rep) -> send(iotf, org, devices, qos, useIotf, rep));
    }

    static Result send(IotfEmulator iotf, TestOrganization org, List<String[]> devices, int qos, boolean useIotf, int rep)
            throws Exception {
        Stats stats = new Stats(SEND_MESSAGES);
        MqttAsyncClient receiver = Mqtt.async(iotf.mqttUrl(), org.appClientId("sink-" + qos + "-" + rep + useIotf),
                org.apiKey(), org.apiToken(), 1000);
        Mqtt.onMessage(receiver, payload -> stats.arrived(Payloads.sentAt(payload)));
        receiver.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", qos).waitForCompletion(10_000);
        int each = SEND_MESSAGES / devices.size();
        // closed loop, as on the receiving side: at QoS 0 nothing slows a publisher down, and whatever outruns the
        // subscriber's backlog is dropped by the service, so an open loop would compare losses rather than rates
        Mqtt.Flow flow = new Mqtt.Flow(stats, FLOW);
        CamelContext context = null;
        List<Parallel.Task> senders = new ArrayList<>();
        List<MqttClient> rawClients = new ArrayList<>();
        if (useIotf) {
            context = new DefaultCamelContext();
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            for (String[] d : devices) {
                String uri = "iotf:device-event?clientType=device&org=" + org.id() + "&deviceType=sensor&deviceId=" + d[0]
                        + "&authToken=RAW(" + d[1] + ")&brokerUrl=" + iotf.mqttUrl() + "&event=reading&qos=" + qos;
                // resolved once, as a route does: resolving a URI string on every send costs more than the send
                org.apache.camel.Endpoint endpoint = context.getEndpoint(uri);
                template.sendBody(endpoint, Payloads.stamped()); // connects before the clock starts
                senders.add(() -> {
                    for (int i = 0; i < each; i++) {
                        flow.awaitRoom();
                        template.sendBody(endpoint, Payloads.stamped());
                        flow.sent();
                    }
                });
            }
        } else {
            for (String[] d : devices) {
                MqttClient c = Mqtt.sync(iotf.mqttUrl(), org.deviceClientId("sensor", d[0]), "use-token-auth", d[1]);
                rawClients.add(c);
                c.publish("iot-2/evt/reading/fmt/json", Payloads.stamped(), qos, false);
                senders.add(() -> {
                    for (int i = 0; i < each; i++) {
                        flow.awaitRoom();
                        c.publish("iot-2/evt/reading/fmt/json", Payloads.stamped(), qos, false);
                        flow.sent();
                    }
                });
            }
        }
        stats.await(devices.size(), 3_000); // the warm-up messages
        long before = stats.received.get();
        long start = System.nanoTime();
        int failed = Parallel.run(senders);
        long sendEnd = System.nanoTime();
        if (failed > 0) {
            System.out.printf("  (%d senders failed)%n", failed);
        }
        stats.await(before + (long) each * devices.size(), 3_000);
        double sendRate = (long) each * devices.size() / ((sendEnd - start) / 1e9);
        Result r = new Result(sendRate, before + (long) each * devices.size() - stats.received.get(), stats.latencyMillis(50),
                stats.latencyMillis(99));
        for (MqttClient c : rawClients) {
            c.disconnect();
            c.close();
        }
        if (context != null) {
            context.stop();
        }
        Mqtt.close(receiver);
        return r;
    }

    static void report(String title, List<Double> raw, List<Double> camel, long[] lost, Result lastRaw, Result lastIotf) {
        double r = Stats.median(raw);
        double c = Stats.median(camel);
        System.out.println(title);
        System.out.printf("  raw  msgs/s %s -> median %,.0f; lost %d in all runs; last run: latency p50 %.2f ms p99 %.2f ms%n",
                rates(raw), r, lost[0], lastRaw.p50, lastRaw.p99);
        System.out.printf("  iotf msgs/s %s -> median %,.0f; lost %d in all runs; last run: latency p50 %.2f ms p99 %.2f ms%n",
                rates(camel), c, lost[1], lastIotf.p50, lastIotf.p99);
        System.out.printf("  iotf/raw = %.2f%n%n", c / r);
    }

    private static String rates(List<Double> rates) {
        StringBuilder sb = new StringBuilder("[");
        for (double d : rates) {
            sb.append(sb.length() > 1 ? ", " : "").append(String.format("%,.0f", d));
        }
        return sb.append(']').toString();
    }

    record Result(double rate, long lost, double p50, double p99) {
    }
}
