package io.cameliotf.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.events.DeviceEvent;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.emulator.lec.LastEventCache;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;

/**
 * API v0002 of the local service: listing 10,000 devices page by page (p50/p99 per page), bulk registration of
 * 1,000 devices (bound by PBKDF2, at the default 10,000 iterations), last event cache lookups a second (in process
 * and over HTTP), and HTTP event publishing against MQTT publishing of the same events, in one run. Prints its
 * figures; asserts nothing.
 * <pre>
 * mvn -B -q -DskipTests install &amp;&amp; mvn -B -q -pl camel-iotf-benchmarks exec:exec@api
 * </pre>
 */
public final class ApiV2Benchmark {

    static final int DEVICES = Integer.getInteger("devices", 10_000);
    static final int BULK = Integer.getInteger("bulk", 1_000);
    static final int PUBLISHERS = Integer.getInteger("publishers", 4);
    static final int EVENTS = Integer.getInteger("events", 20_000);
    static final ObjectMapper JSON = new ObjectMapper();

    private ApiV2Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("API v0002 benchmark: %d cores, Java %s%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        try (IotfEmulator iotf = IotfEmulator.builder().freePorts().build().start()) {
            TestOrganization org = TestOrganization.create(iotf);
            Http http = new Http(iotf.httpUrl("v0002"), org.apiKey(), org.apiToken());
            http.send("POST", "/device/types", "{\"id\":\"bulk\"}");
            bulkAdd(http);
            listing(http);
            lastEvents(iotf, org, http);
            httpAgainstMqtt(iotf, org, http);
        }
    }

    /** Registers DEVICES devices, BULK to a request; reports devices a second (first request: the warm-up). */
    static void bulkAdd(Http http) throws Exception {
        List<Double> rates = new ArrayList<>();
        for (int start = 0; start < DEVICES; start += BULK) {
            StringBuilder body = new StringBuilder("[");
            for (int i = start; i < start + BULK; i++) {
                body.append(i == start ? "" : ",").append("{\"typeId\":\"bulk\",\"deviceId\":\"d").append(i)
                        .append("\",\"deviceInfo\":{\"fwVersion\":\"").append(i % 7).append("\"}}");
            }
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send("POST", "/bulk/devices/add", body.append("]").toString());
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (r.statusCode() != 201) {
                throw new IllegalStateException("bulk add: " + r.statusCode() + " " + r.body());
            }
            if (start > 0) {
                rates.add(BULK / seconds);
            }
        }
        System.out.printf("Bulk add, %,d devices a request, default PBKDF2 (10,000 iterations), %d cores: "
                + "median %,.0f devices/s over %d requests (%s)%n%n", BULK, Runtime.getRuntime().availableProcessors(),
                Stats.median(rates), rates.size(), GatewayBenchmark.rounded(rates));
    }

    /** Pages through every device, for three page sizes; p50 and p99 of a page's time. */
    static void listing(Http http) throws Exception {
        System.out.printf("Device list of %,d devices over HTTP, page by page (a warm-up pass first)%n", DEVICES);
        for (String query : List.of("_limit=25", "_limit=100", "_limit=1000", "_limit=100&_sort=-deviceInfo.fwVersion")) {
            for (int pass = 0; pass < 2; pass++) {
                List<Long> pageNanos = new ArrayList<>();
                String bookmark = null;
                int seen = 0;
                long t0 = System.nanoTime();
                do {
                    long p0 = System.nanoTime();
                    HttpResponse<String> r = http.send("GET", "/device/types/bulk/devices?" + query
                            + (bookmark == null ? "" : "&_bookmark=" + bookmark), null);
                    pageNanos.add(System.nanoTime() - p0);
                    JsonNode page = JSON.readTree(r.body());
                    seen += page.get("results").size();
                    bookmark = page.has("bookmark") ? page.get("bookmark").asText() : null;
                } while (bookmark != null);
                if (pass == 1) {
                    long[] sorted = pageNanos.stream().mapToLong(Long::longValue).sorted().toArray();
                    System.out.printf("  %-40s %4d pages: p50 %6.2f ms, p99 %6.2f ms per page; %,d devices in %.2f s%n",
                            query, sorted.length, percentile(sorted, 50), percentile(sorted, 99), seen,
                            (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        System.out.println();
    }

    /** Fills the cache with 5 event ids of each of 1,000 devices, then looks them up in process and over HTTP. */
    static void lastEvents(IotfEmulator iotf, TestOrganization org, Http http) throws Exception {
        LastEventCache cache = iotf.lastEvents();
        byte[] payload = Payloads.stamped();
        for (int d = 0; d < 1_000; d++) {
            for (int e = 0; e < 5; e++) {
                cache.accept(new DeviceEvent(org.id(), "bulk", "d" + d, "e" + e, "json", payload, Instant.now(), "bench"));
            }
        }
        int lookups = 2_000_000;
        long t0 = System.nanoTime();
        long found = 0;
        for (int i = 0; i < lookups; i++) {
            found += cache.event(org.id(), "bulk", "d" + (i % 1_000), "e" + (i % 5)) == null ? 0 : 1;
        }
        double inProcess = lookups / ((System.nanoTime() - t0) / 1e9);
        AtomicLong ok = new AtomicLong();
        int perThread = 5_000;
        List<Parallel.Task> tasks = new ArrayList<>();
        for (int t = 0; t < PUBLISHERS; t++) {
            int offset = t;
            tasks.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    int d = (i * PUBLISHERS + offset) % 1_000;
                    if (http.send("GET", "/device/types/bulk/devices/d" + d + "/events/e" + (i % 5), null).statusCode() == 200) {
                        ok.incrementAndGet();
                    }
                }
            });
        }
        Parallel.run(tasks); // warm-up
        ok.set(0);
        long h0 = System.nanoTime();
        Parallel.run(tasks);
        double overHttp = ok.get() / ((System.nanoTime() - h0) / 1e9);
        System.out.printf("Last event cache (5,000 entries): in process %,.0f lookups/s (%,d found); over HTTP, %d "
                + "clients: %,.0f lookups/s (%,d answered 200)%n%n", inProcess, found, PUBLISHERS, overHttp, ok.get());
    }

    /**
     * The same events from PUBLISHERS devices, over HTTP (each device posting one after the other, as an HTTP client
     * does) and over MQTT at QoS 1 (each waiting for its acknowledgement, then pipelined), to one subscribed
     * application that counts what arrives.
     */
    static void httpAgainstMqtt(IotfEmulator iotf, TestOrganization org, Http http) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            tokens.add(org.registerDevice("pub", "p" + i));
        }
        String host = org.id() + ".messaging." + iotf.domain() + ":" + iotf.httpPort();
        System.out.printf("Publishing %,d events from %d devices to one subscribed application, alternating "
                + "(median of 3 after a warm-up)%n", EVENTS, PUBLISHERS);
        List<Double> overHttp = new ArrayList<>();
        List<Double> mqttSync = new ArrayList<>();
        List<Double> mqttPipelined = new ArrayList<>();
        for (int rep = -1; rep < 3; rep++) {
            double h = publish(iotf, org, flow -> {
                List<Parallel.Task> tasks = new ArrayList<>();
                for (int i = 0; i < PUBLISHERS; i++) {
                    Http device = new Http(iotf.httpUrl("v0002"), "use-token-auth", tokens.get(i));
                    String path = "/device/types/pub/devices/p" + i + "/events/reading";
                    tasks.add(() -> {
                        for (int n = 0; n < EVENTS / PUBLISHERS; n++) {
                            flow.awaitRoom();
                            flow.sent();
                            int status = device.post(path, Payloads.stamped(), host);
                            if (status != 200) {
                                throw new IllegalStateException("HTTP " + status);
                            }
                        }
                    });
                }
                return tasks;
            });
            double s = publish(iotf, org, flow -> mqttTasks(iotf, org, tokens, 1, flow));
            double p = publish(iotf, org, flow -> mqttTasks(iotf, org, tokens, 100, flow));
            if (rep >= 0) {
                overHttp.add(h);
                mqttSync.add(s);
                mqttPipelined.add(p);
            }
        }
        double mqtt = Stats.median(mqttSync);
        System.out.printf("  HTTP POST (keep-alive, one at a time)     events/s %s -> median %,.0f (%.2f of MQTT QoS 1, "
                + "one at a time)%n", GatewayBenchmark.rounded(overHttp), Stats.median(overHttp), Stats.median(overHttp) / mqtt);
        System.out.printf("  MQTT QoS 1, one at a time                  events/s %s -> median %,.0f%n",
                GatewayBenchmark.rounded(mqttSync), mqtt);
        System.out.printf("  MQTT QoS 1, 100 unacknowledged at once     events/s %s -> median %,.0f%n%n",
                GatewayBenchmark.rounded(mqttPipelined), Stats.median(mqttPipelined));
    }

    interface Load {
        List<Parallel.Task> tasks(Mqtt.Flow flow) throws Exception;
    }

    /**
     * Runs the load with a subscriber counting arrivals; events a second until the last arrived. Publishers wait
     * while more than {@link ComponentBenchmark#FLOW} events are on their way: the service keeps at most 5,000
     * messages for a subscriber that falls behind, and an unthrottled publisher would measure drops.
     */
    static double publish(IotfEmulator iotf, TestOrganization org, Load load) throws Exception {
        Stats stats = new Stats(EVENTS);
        MqttAsyncClient app = Mqtt.async(iotf.mqttUrl(), org.appClientId("count"), org.apiKey(), org.apiToken(), 1000);
        Mqtt.onMessage(app, payload -> stats.arrived(Payloads.sentAt(payload)));
        app.subscribe("iot-2/type/pub/id/+/evt/+/fmt/+", 1).waitForCompletion(10_000);
        List<Parallel.Task> tasks = load.tasks(new Mqtt.Flow(stats, ComponentBenchmark.FLOW));
        long start = System.nanoTime();
        Parallel.run(tasks);
        stats.await(EVENTS, 3_000);
        Mqtt.close(app);
        if (stats.received.get() < EVENTS) {
            System.out.printf("  (%,d of %,d arrived)%n", stats.received.get(), EVENTS);
        }
        return stats.rate(start);
    }

    static List<Parallel.Task> mqttTasks(IotfEmulator iotf, TestOrganization org, List<String> tokens, int window,
            Mqtt.Flow flow) throws Exception {
        List<Parallel.Task> tasks = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            MqttAsyncClient c = Mqtt.async(iotf.mqttUrl(), org.deviceClientId("pub", "p" + i), "use-token-auth",
                    tokens.get(i), 1000);
            tasks.add(() -> {
                Mqtt.publishPipelined(c, "iot-2/evt/reading/fmt/json", EVENTS / PUBLISHERS, 1, window, flow);
                Mqtt.close(c);
            });
        }
        return tasks;
    }

    static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    /** A keep-alive HTTP/1.1 client with Basic credentials. */
    static final class Http {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;
        private final String authorization;

        Http(String base, String user, String password) {
            this.base = base;
            this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> send(String method, String path, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** An HTTP event, addressed to the organization's messaging host. */
        int post(String path, byte[] payload, String host) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                    .header("Content-Type", "application/json").header("Host", host)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }
}
