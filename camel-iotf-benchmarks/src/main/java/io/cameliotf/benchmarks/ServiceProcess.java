package io.cameliotf.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.junit.EmulatorProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local service as users run it, in a JVM of its own ({@link EmulatorProcess}), seeded with one organization of
 * {@code devices} devices, for the load and soak harnesses: it can be killed (SIGKILL) and started again on the same
 * ports and data directory, and it reports its memory (RSS from /proc, heap from jcmd) and the events its historian
 * holds (over API v0002).
 */
final class ServiceProcess implements AutoCloseable {

    static final String ORG = "load01";
    static final String API_KEY = "a-load01-k1a2b3c4d5";
    static final String API_TOKEN = "loadtok1";
    static final String DEVICE_TYPE = "sensor";
    private static final Logger LOG = LoggerFactory.getLogger(ServiceProcess.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Path data;
    private final Path seed;
    private final List<String> jvmOptions;
    private final List<String> extraArgs;
    private final List<String[]> devices = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EmulatorProcess process;
    private int mqttPort;
    private int httpPort;

    /**
     * @param data the data directory ({@code --data}), or null for a service in memory
     * @param jvmOptions options of the service's JVM (heap limit, flight recording)
     * @param extraArgs further flags of the command line
     */
    ServiceProcess(Path scratch, Path data, int deviceCount, List<String> jvmOptions, List<String> extraArgs)
            throws IOException {
        // a start on a machine whose cores are busy with other work takes longer than a test's 90 s
        System.setProperty(EmulatorProcess.START_TIMEOUT_PROPERTY,
                System.getProperty(EmulatorProcess.START_TIMEOUT_PROPERTY, "300"));
        this.data = data;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.extraArgs = List.copyOf(extraArgs);
        ObjectNode root = JSON.createObjectNode();
        ObjectNode org = root.putArray("organizations").addObject();
        org.put("id", ORG);
        org.putArray("apiKeys").addObject().put("key", API_KEY).put("token", API_TOKEN);
        ArrayNode list = org.putArray("devices");
        for (int i = 0; i < deviceCount; i++) {
            String[] d = {DEVICE_TYPE, String.format("d%04d", i), "devtok" + i};
            devices.add(d);
            list.addObject().put("type", d[0]).put("id", d[1]).put("token", d[2]);
        }
        seed = scratch.resolve("seed.json");
        Files.writeString(seed, JSON.writeValueAsString(root));
    }

    /** Type, id and token of every seeded device. */
    List<String[]> devices() {
        return devices;
    }

    /** Starts the service: on free ports the first time, then on the same ports again. */
    ServiceProcess start() throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--seed", seed.toString(), "--hash-iterations", "1000"));
        if (data != null) {
            args.addAll(List.of("--data", data.toString()));
        }
        args.addAll(extraArgs);
        if (process != null) {
            args.addAll(List.of("--mqtt-port", Integer.toString(mqttPort), "--http-port", Integer.toString(httpPort)));
        }
        long t0 = System.nanoTime();
        process = EmulatorProcess.startOnFreePorts(jvmOptions, args.toArray(new String[0]));
        mqttPort = process.mqttPort();
        httpPort = process.httpPort();
        LOG.info("Service started in {} ms (pid {}, MQTT port {}, HTTP port {}, data {})",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), process.pid(), mqttPort, httpPort,
                data == null ? "in memory" : data);
        return this;
    }

    /** Kills it with SIGKILL: nothing is flushed, no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.kill();
    }

    /** Stops it with SIGTERM (a clean stop) and returns its exit code. */
    int stop() throws InterruptedException {
        return process.stop();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String mqttUrl() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    String apiBaseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** What the service printed so far. */
    String output() throws IOException {
        return process.output();
    }

    /** The resident set of the service's process, in bytes (0 when it is not running). */
    long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }

    /** The service's Java heap in use, in bytes, from {@code jcmd GC.heap_info} (-1 when jcmd cannot tell). */
    long heapUsedBytes() {
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(process.pid()), "GC.heap_info").redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            Matcher m = HEAP_USED.matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * The service's Java heap in use after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}): what
     * it holds, not what it has not collected yet (-1 when jcmd cannot tell).
     */
    long heapUsedAfterGcBytes() {
        try {
            Process gc = new ProcessBuilder("jcmd", Long.toString(process.pid()), "GC.run").redirectErrorStream(true)
                    .start();
            gc.getInputStream().readAllBytes();
            gc.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        return heapUsedBytes();
    }

    /**
     * Registers a gateway over API v0002 (a device type of class Gateway, unless it exists, and a device of it with
     * {@code token}) [later 3.4].
     */
    void registerGateway(String type, String id, String token) throws IOException, InterruptedException {
        send("POST", "/api/v0002/device/types", "{\"id\":\"" + type + "\",\"classId\":\"Gateway\"}", 201, 409);
        send("POST", "/api/v0002/device/types/" + type + "/devices", "{\"deviceId\":\"" + id + "\",\"authToken\":\""
                + token + "\"}", 201);
    }

    /** Sends a request to the service's REST API; throws unless it answers one of {@code expected}. */
    JsonNode send(String method, String path, String json, int... expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiBaseUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + authorization());
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int code : expected) {
            if (r.statusCode() == code) {
                return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
            }
        }
        throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }

    private static String authorization() {
        return Base64.getEncoder().encodeToString((API_KEY + ":" + API_TOKEN).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The data directory's size as {@code du} tells it: the disk blocks it takes (what a full disk runs out of) and,
     * in brackets, the bytes its files hold; RocksDB preallocates, so the two differ.
     */
    String diskUsage() {
        if (data == null) {
            return "in memory";
        }
        return mib(du(data, "-sk")) + " MiB on disk (" + mib(du(data, "-sk", "--apparent-size")) + " MiB in files)";
    }

    /** The disk blocks of each store in the data directory: H2's file and each of HiveMQ's persistences. */
    String diskUsageByStore() {
        if (data == null) {
            return "in memory";
        }
        StringBuilder out = new StringBuilder();
        List<Path> stores = new ArrayList<>(List.of(data.resolve("iotf.mv.db")));
        try (var persistences = Files.list(data.resolve("broker/persistence"))) {
            persistences.sorted().forEach(stores::add);
        } catch (IOException e) {
            // no broker files yet
        }
        for (Path p : stores) {
            out.append(out.length() == 0 ? "" : ", ").append(p.getFileName()).append(' ').append(mib(du(p, "-sk")));
        }
        return out + " (MiB)";
    }

    private static long du(Path dir, String... options) {
        try {
            List<String> command = new ArrayList<>(List.of("du"));
            command.addAll(List.of(options));
            command.add(dir.toString());
            Process p = new ProcessBuilder(command).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return Long.parseLong(out.split("\\s+")[0]) * 1024;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "?" : String.format("%.1f", bytes / 1048576.0);
    }

    /** How many events the historian holds, by a {@code count} summary over the sequence field (one request). */
    long storedCount() throws IOException, InterruptedException {
        JsonNode answer = get("/api/v0002/historian?summarize=" + URLEncoder.encode("{seq}", StandardCharsets.UTF_8)
                + "&summarize_type=count");
        return answer.path("events").path(0).path("evt").path("seq").asLong(-1);
    }

    /** Hands the sequence number of every event the historian holds to {@code stored}, page by page. */
    void forEachStored(IntConsumer stored) throws IOException, InterruptedException {
        String bookmark = null;
        do {
            JsonNode page = get("/api/v0002/historian?_limit=100"
                    + (bookmark == null ? "" : "&_bookmark=" + URLEncoder.encode(bookmark, StandardCharsets.UTF_8)));
            for (JsonNode e : page.path("events")) {
                JsonNode seq = e.path("evt").path("seq");
                if (seq.isNumber()) {
                    stored.accept(seq.asInt());
                }
            }
            bookmark = page.path("bookmark").isTextual() ? page.path("bookmark").asText() : null;
        } while (bookmark != null);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, 200);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.stop();
        }
    }
}
