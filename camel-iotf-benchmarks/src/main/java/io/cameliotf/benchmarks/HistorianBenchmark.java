package io.cameliotf.benchmarks;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.events.DeviceEvent;
import io.cameliotf.emulator.historian.Historian;
import io.cameliotf.emulator.registry.ApiKeyCredentials;
import io.cameliotf.emulator.registry.DeviceCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;

/**
 * The historian of the local service (issue: REST API, historian and persistence): sustained ingest, end to end
 * over MQTT and into the store alone, with nothing lost; and the first page of a one-device query over 1,000,000
 * stored events. Prints its figures; asserts nothing.
 * <pre>
 * mvn -B -q -DskipTests install &amp;&amp; mvn -B -q -pl camel-iotf-benchmarks exec:java -Dexec.mainClass=io.cameliotf.benchmarks.HistorianBenchmark
 * </pre>
 */
public final class HistorianBenchmark {

    static final String PAYLOAD = "{\"d\":{\"temp\":21.5,\"hum\":40.25,\"pressure\":1013.2,\"battery\":87,"
            + "\"status\":\"ok\",\"site\":\"north-wing\",\"seq\":0},\"ts\":\"2026-11-25T16:28:19.123Z\"}";

    private HistorianBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int publishers = Integer.getInteger("publishers", 4);
        int perPublisher = Integer.getInteger("perPublisher", 50_000);
        int storeTotal = Integer.getInteger("storeTotal", 1_000_000);
        Path data = Scratch.directory("iotf-historian-bench");
        System.out.printf("Historian benchmark: %d cores, Java %s, H2 file store in %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), data);
        System.out.printf("payload %d bytes%n%n", PAYLOAD.length());
        try (IotfEmulator iotf = IotfEmulator.builder().dataDirectory(data).freePorts().hashIterations(1_000)
                .retention(Duration.ofDays(3650), 50_000_000).build().start()) {
            iotf.provisioning().createOrganization("bench1", "Benchmark");
            ApiKeyCredentials key = iotf.apiKeys().create("bench1");
            List<DeviceCredentials> devices = new ArrayList<>();
            for (int i = 0; i < publishers; i++) {
                devices.add(iotf.devices().register("bench1", "sensor", "pub" + i));
            }
            endToEnd(iotf, devices, perPublisher, 1);
            endToEnd(iotf, devices, perPublisher, 500);
            storeAlone(iotf.historian(), storeTotal);
            firstPage(iotf, key);
        }
    }

    /**
     * Devices publish QoS 1 over MQTT as fast as they can, with {@code window} publishes awaiting their
     * acknowledgement at once (1: each publish waits for the last); the historian stores everything the gateway
     * accepted.
     */
    static void endToEnd(IotfEmulator iotf, List<DeviceCredentials> devices, int perPublisher, int window)
            throws Exception {
        Historian historian = iotf.historian();
        long before = historian.stored();
        List<Parallel.Task> publishers = new ArrayList<>();
        for (DeviceCredentials d : devices) {
            publishers.add(() -> publish(iotf, d, perPublisher, window));
        }
        long start = System.nanoTime();
        int failures = Parallel.run(publishers);
        long published = System.nanoTime();
        long expected = (long) devices.size() * perPublisher;
        while (historian.stored() - before < expected && System.nanoTime() - published < 120_000_000_000L) {
            Thread.sleep(2);
        }
        long stored = historian.stored() - before;
        long end = System.nanoTime();
        System.out.println("End to end: MQTT QoS 1 publish -> gateway -> historian store, " + window
                + " unacknowledged publishes per publisher at most");
        System.out.printf("  publishers %d, events sent %,d, stored %,d, lost %,d, publisher failures %d%n",
                devices.size(), expected, stored, expected - stored, failures);
        System.out.printf("  publish rate %,.0f events/s; stored rate %,.0f events/s; store lag after the last publish %d ms%n%n",
                expected / seconds(published - start), stored / seconds(end - start), (end - published) / 1_000_000);
    }

    private static void publish(IotfEmulator iotf, DeviceCredentials d, int count, int window) throws Exception {
        MqttAsyncClient client = Mqtt.async(iotf.mqttUrl(), d.clientId(), "use-token-auth", d.token(), window + 10);
        byte[] payload = PAYLOAD.getBytes(StandardCharsets.UTF_8);
        Mqtt.publishPipelined(client, "iot-2/evt/reading/fmt/json", count, 1, window, null, () -> payload);
        Mqtt.close(client);
    }

    /** The historian alone: events handed to its sink as fast as two threads can, until {@code total} are stored. */
    static void storeAlone(Historian historian, int total) throws Exception {
        long before = historian.stored();
        int threads = 2;
        int each = total / threads;
        byte[] payload = PAYLOAD.getBytes(StandardCharsets.UTF_8);
        List<Parallel.Task> feeders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            feeders.add(() -> {
                Instant base = Instant.now().minusSeconds(3600);
                for (int i = 0; i < each; i++) {
                    // 100 devices; one of them, store42, gets one event in 100
                    String id = "store" + (i % 100);
                    historian.accept(new DeviceEvent("bench1", "sensor", id, "reading", "json", payload,
                            base.plusMillis(i), "d:bench1:sensor:" + id));
                }
            });
        }
        long start = System.nanoTime();
        Parallel.run(feeders);
        long expected = (long) threads * each;
        while (historian.stored() - before < expected) {
            Thread.sleep(2);
        }
        long end = System.nanoTime();
        System.out.println("Historian alone: events handed to the sink -> H2 (file) in batches");
        System.out.printf("  events %,d, stored %,d, lost %,d, rate %,.0f events/s%n%n", expected,
                historian.stored() - before, expected - (historian.stored() - before), expected / seconds(end - start));
    }

    /** The first page of one device's events, over HTTP, with 1,000,000+ events stored. */
    static void firstPage(IotfEmulator iotf, ApiKeyCredentials key) throws Exception {
        long total = iotf.historian().store().count();
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString((key.key() + ":" + key.token())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(iotf.httpUrl() + "/historian/sensor/store42"))
                .header("Authorization", auth).build();
        List<Double> millis = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < 60; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("query failed: " + r.statusCode() + " " + r.body());
            }
            size = r.body().length();
            millis.add(ms);
        }
        double first = millis.get(0);
        List<Double> warm = new ArrayList<>(millis.subList(10, millis.size()));
        Collections.sort(warm);
        System.out.println("First page of one device (100 events, newest first), GET /historian/sensor/store42 over HTTP");
        System.out.printf("  events stored %,d; answer %,d bytes; first call %.1f ms; then median %.1f ms, p99 %.1f ms, max %.1f ms%n",
                total, size, first, warm.get(warm.size() / 2), warm.get((int) Math.ceil(warm.size() * 0.99) - 1),
                warm.get(warm.size() - 1));
    }

    static double seconds(long nanos) {
        return Math.max(nanos, 1) / 1e9;
    }
}
