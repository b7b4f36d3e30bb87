package io.cameliotf.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.model.IotfDevice;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;

/**
 * The component against the later contract on the local service. (1) Publishing events: iotf:device-event producers
 * over MQTT (QoS 0 and QoS 1, each send waiting for its acknowledgement) against transport=http (one POST a message,
 * pooled keep-alive connections), one sending thread each, a Paho subscriber counting what arrives. (2) Reading a list
 * of 10,000 devices: iotf:registry listDevices with allPages (typed IotfDevice, lazily fetched pages) against a raw
 * java.net.http loop over the same pages (bookmarks, Jackson trees). Runs alternate; medians and ratios are printed.
 */
public final class LivingApiBenchmark {

    static final int REPS = Integer.getInteger("reps", 3);
    static final int EVENTS = Integer.getInteger("events", 5_000);
    static final int DEVICES = Integer.getInteger("devices", 10_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    private LivingApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("Living API benchmark: %d cores, Java %s; %d events a publishing run, %d devices listed, %d "
                + "repetitions after a warm-up%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), EVENTS, DEVICES, REPS);
        try (IotfEmulator iotf = IotfEmulator.builder().freePorts().historian(false).hashIterations(1_000).build().start();
                CamelContext camel = new DefaultCamelContext()) {
            TestOrganization org = TestOrganization.create(iotf);
            String token = org.registerDevice("sensor", "pub1");
            String api = "http://" + iotf.host() + ":" + iotf.httpPort();
            String app = "org=" + org.id() + "&authKey=" + org.apiKey() + "&authToken=RAW(" + org.apiToken() + ")";
            String device = "clientType=device&org=" + org.id() + "&deviceType=sensor&deviceId=pub1&authToken=RAW("
                    + token + ")&brokerUrl=" + iotf.mqttUrl() + "&event=reading";
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:mqtt0").to("iotf:device-event?" + device + "&qos=0");
                    from("direct:mqtt1").to("iotf:device-event?" + device + "&qos=1");
                    from("direct:http").to("iotf:device-event?" + app + "&transport=http&httpMessagingUrl=" + api
                            + "&deviceType=sensor&deviceId=pub1&event=reading");
                    from("direct:all100").to("iotf:registry?" + app + "&apiBaseUrl=" + api
                            + "&operation=listDevices&allPages=true&pageSize=100&maxResults=" + Integer.MAX_VALUE);
                    from("direct:all1000").to("iotf:registry?" + app + "&apiBaseUrl=" + api
                            + "&operation=listDevices&allPages=true&pageSize=1000&maxResults=" + Integer.MAX_VALUE);
                    from("direct:bulk").to("iotf:registry?" + app + "&apiBaseUrl=" + api + "&operation=addDevices");
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            publishing(iotf, org, template);
            register(template);
            listing(template, api + "/api/v0002", org);
        }
    }

    static void publishing(IotfEmulator iotf, TestOrganization org, ProducerTemplate template) throws Exception {
        AtomicLong arrived = new AtomicLong();
        MqttAsyncClient subscriber = Mqtt.async(iotf.mqttUrl(), org.appClientId("count"), org.apiKey(), org.apiToken(), 100);
        Mqtt.onMessage(subscriber, payload -> arrived.incrementAndGet());
        subscriber.subscribe("iot-2/type/sensor/id/pub1/evt/+/fmt/+", 0).waitForCompletion();
        String[] transports = {"direct:mqtt0", "direct:mqtt1", "direct:http"};
        Map<String, List<Double>> rates = new java.util.LinkedHashMap<>();
        for (int rep = 0; rep <= REPS; rep++) {
            for (String transport : transports) {
                Endpoint endpoint = template.getCamelContext().getEndpoint(transport);
                long before = arrived.get();
                long start = System.nanoTime();
                for (int i = 0; i < EVENTS; i++) {
                    template.sendBody(endpoint, Payloads.stamped());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long deadline = System.currentTimeMillis() + 10_000;
                while (arrived.get() - before < EVENTS && System.currentTimeMillis() < deadline) {
                    Thread.sleep(10);
                }
                if (rep > 0) { // the first round warms up
                    rates.computeIfAbsent(transport, k -> new ArrayList<>()).add(EVENTS / seconds);
                    System.out.printf("  %-13s %8.0f events/s, %d of %d arrived%n", transport, EVENTS / seconds,
                            arrived.get() - before, EVENTS);
                }
            }
        }
        Mqtt.close(subscriber);
        double mqtt0 = Stats.median(rates.get("direct:mqtt0"));
        double mqtt1 = Stats.median(rates.get("direct:mqtt1"));
        double http = Stats.median(rates.get("direct:http"));
        System.out.printf("%nPublishing, one thread, median of %d: MQTT QoS 0 %.0f events/s, MQTT QoS 1 %.0f events/s, "
                + "HTTP %.0f events/s; HTTP/QoS1 %.2f, HTTP/QoS0 %.2f%n%n", REPS, mqtt0, mqtt1, http, http / mqtt1,
                http / mqtt0);
    }

    static void register(ProducerTemplate template) {
        for (int first = 0; first < DEVICES; first += 500) {
            List<IotfDevice> chunk = new ArrayList<>();
            for (int i = first; i < Math.min(DEVICES, first + 500); i++) {
                chunk.add(new IotfDevice("meter", String.format("m%05d", i)));
            }
            if (first == 0) {
                template.requestBodyAndHeaders("direct:bulk", null, Map.of(IotfConstants.OPERATION, "createDeviceType",
                        IotfConstants.DEVICE_TYPE, "meter"));
            }
            template.requestBody("direct:bulk", chunk);
        }
    }

    static void listing(ProducerTemplate template, String api, TestOrganization org) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((org.apiKey() + ":" + org.apiToken())
                .getBytes(StandardCharsets.UTF_8));
        for (int pageSize : new int[] {100, 1000}) {
            List<Double> iotf = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            for (int rep = 0; rep <= REPS; rep++) {
                long start = System.nanoTime();
                Iterator<?> all = template.requestBody("direct:all" + pageSize, null, Iterator.class);
                int n = 0;
                while (all.hasNext()) {
                    n += all.next() instanceof IotfDevice ? 1 : 0;
                }
                double iotfRate = n / ((System.nanoTime() - start) / 1e9);
                start = System.nanoTime();
                int m = rawLoop(http, api, auth, pageSize);
                double rawRate = m / ((System.nanoTime() - start) / 1e9);
                if (n < DEVICES || m < DEVICES) {
                    throw new IllegalStateException("listed " + n + " and " + m + " of " + DEVICES + "+ devices");
                }
                if (rep > 0) {
                    iotf.add(iotfRate);
                    raw.add(rawRate);
                    System.out.printf("  pages of %4d: iotf:registry allPages %8.0f devices/s, raw HTTP loop %8.0f "
                            + "devices/s%n", pageSize, iotfRate, rawRate);
                }
            }
            System.out.printf("%nListing %d devices in pages of %d, median of %d: iotf:registry allPages %.0f devices/s,"
                    + " raw HTTP loop %.0f devices/s; iotf/raw %.2f%n%n", DEVICES, pageSize, REPS, Stats.median(iotf),
                    Stats.median(raw), Stats.median(iotf) / Stats.median(raw));
        }
    }

    /** The same pages with java.net.http and Jackson trees: what a hand-written client does. */
    static int rawLoop(HttpClient http, String api, String auth, int pageSize) throws Exception {
        String bookmark = null;
        int count = 0;
        do {
            String url = api + "/bulk/devices?_limit=" + pageSize + (bookmark == null ? ""
                    : "&_bookmark=" + URLEncoder.encode(bookmark, StandardCharsets.UTF_8));
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            JsonNode page = JSON.readTree(response.body());
            count += page.path("results").size();
            bookmark = page.hasNonNull("bookmark") ? page.get("bookmark").asText() : null;
        } while (bookmark != null);
        return count;
    }
}
