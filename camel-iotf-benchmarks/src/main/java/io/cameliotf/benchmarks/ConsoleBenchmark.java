package io.cameliotf.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.emulator.registry.NewDevice;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local service's web console over real HTTP, signed in with a session cookie as a browser is: the page load
 * (the index, every file it references and the modules they import, and the session the page reads first); the
 * devices page with 10,000 registered devices (opening it, the next page, a search by device id, the API calls the
 * front end's devices page makes); and the live event stream while devices publish at full speed: events a second it
 * delivers to 1 and to 20 open consoles, and the gateway's throughput (GatewayBenchmark's run) with 0, 1 and 20
 * consoles open, alternating. Prints its figures with the machine's load averages; asserts nothing.
 * <pre>
 * mvn -B -q -DskipTests install &amp;&amp; mvn -B -q -pl camel-iotf-benchmarks exec:exec@console
 * </pre>
 */
public final class ConsoleBenchmark {

    static final int LOADS = Integer.getInteger("loads", 500);
    static final int DEVICES = Integer.getInteger("devices", 10_000);
    static final int CONSOLES = Integer.getInteger("consoles", 20);
    static final String PARTS = System.getProperty("parts", "page,devices,stream");
    static final int WARM_UP = 50;
    /** The page size the devices page starts with (js/pages/devices.js). */
    static final int PAGE = 25;
    /** Files the index page references, and the ES modules they import (static imports, relative specifiers). */
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"(/console/[^\"]+)\"");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*(?:import|export)\\b[^'\";]*?['\"](\\.{1,2}/[^'\"]+)['\"]");

    private ConsoleBenchmark() {
    }

    interface Step {
        void run(int i) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("Console benchmark: %d cores, Java %s; load averages %s%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverages());
        if (PARTS.contains("page") || PARTS.contains("devices")) {
            // tokens hashed with 1,000 PBKDF2 iterations, so that registering the devices is quick on a loaded machine
            try (IotfEmulator iotf = IotfEmulator.builder().freePorts().hashIterations(1_000).build().start()) {
                TestOrganization org = TestOrganization.create(iotf);
                ConsoleClient console = new ConsoleClient(iotf.consoleUrl()).signIn(org.apiKey(), org.apiToken());
                if (PARTS.contains("page")) {
                    pageLoad(console);
                }
                if (PARTS.contains("devices")) {
                    register(iotf, org);
                    deviceList(console);
                }
            }
        }
        if (PARTS.contains("stream")) {
            ConsoleStreamRuns.run();
        }
    }

    /** The console's page load, LOADS times after a warm-up: every file one after the other, one connection. */
    static void pageLoad(ConsoleClient console) throws Exception {
        List<String> files = pageFiles(console);
        files.add("/console/session"); // the page's first call: who is signed in, and the CSRF token
        long[] bytes = new long[1];
        long[] sorted = timed(LOADS, i -> {
            for (String f : files) {
                bytes[0] += console.get(f).body().length;
            }
        });
        System.out.printf("Page load, signed in (%d requests a load, one after the other on one keep-alive connection; "
                + "%,d KiB a load), %d loads after %d: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n  files: %s%n  load averages "
                + "%s%n%n", files.size(), bytes[0] / (LOADS + WARM_UP) / 1024, LOADS, WARM_UP, ApiV2Benchmark.percentile(
                sorted, 50), ApiV2Benchmark.percentile(sorted, 99), ApiV2Benchmark.percentile(sorted, 100), files,
                loadAverages());
    }

    /** "/" and what it references, then the modules those import, as a browser discovers them. */
    static List<String> pageFiles(ConsoleClient console) throws Exception {
        Set<String> files = new LinkedHashSet<>(List.of("/"));
        Matcher refs = REFERENCE.matcher(text(console, "/"));
        while (refs.find()) {
            files.add(refs.group(1));
        }
        List<String> modules = new ArrayList<>(files.stream().filter(f -> f.endsWith(".js")).toList());
        for (int i = 0; i < modules.size(); i++) {
            Matcher imports = IMPORT.matcher(text(console, modules.get(i)));
            while (imports.find()) {
                String module = URI.create(modules.get(i)).resolve(imports.group(1)).getPath();
                if (files.add(module)) {
                    modules.add(module);
                }
            }
        }
        return new ArrayList<>(files);
    }

    /** DEVICES devices of type "bulk", d0, d1, ..., with the registry's bulk add, 1,000 a transaction. */
    static void register(IotfEmulator iotf, TestOrganization org) throws Exception {
        new ApiV2Benchmark.Http(iotf.httpUrl("v0002"), org.apiKey(), org.apiToken()).send("POST", "/device/types",
                "{\"id\":\"bulk\"}");
        for (int start = 0; start < DEVICES; start += 1_000) {
            List<NewDevice> batch = new ArrayList<>();
            for (int i = start; i < Math.min(DEVICES, start + 1_000); i++) {
                batch.add(NewDevice.of("bulk", "d" + i));
            }
            if (iotf.devices().addAll(org.id(), batch, org.apiKey()).stream().anyMatch(r -> !r.success())) {
                throw new IllegalStateException("the bulk add refused devices from d" + start);
            }
        }
    }

    /**
     * The devices page over DEVICES devices, with the API calls js/pages/devices.js makes: opening it
     * (the device types for its filter, then the first page of the list), the next page (the first page's bookmark)
     * and a search by device id (the API's equality filter).
     */
    static void deviceList(ConsoleClient console) throws Exception {
        String types = "/api/v0002/device/types?_limit=500";
        String first = "/api/v0002/bulk/devices?_limit=" + PAGE;
        JsonNode page = json(console, first);
        if (page.get("results").size() != PAGE || !page.hasNonNull("bookmark")) {
            throw new IllegalStateException("the first page is not a full page with a bookmark: " + page);
        }
        String next = first + "&_bookmark=" + URLEncoder.encode(page.get("bookmark").asText(), StandardCharsets.UTF_8);
        String total = page.path("meta").path("total_rows").asText("?");
        long[] open = timed(LOADS, i -> {
            console.get(types);
            console.get(first);
        });
        long[] paging = timed(LOADS, i -> console.get(next));
        long[] search = timed(LOADS, i -> {
            String id = "d" + Math.floorMod(i * 7_919L, (long) DEVICES);
            JsonNode found = json(console, first + "&deviceId=" + id);
            if (found.get("results").size() != 1) {
                throw new IllegalStateException("the search for " + id + " found " + found.get("results").size());
            }
        });
        System.out.printf("Devices page over %s devices, %d a page, signed in, %d times each after %d%n", total, PAGE,
                LOADS, WARM_UP);
        print("open it (device types, first page)", open);
        print("next page (bookmark)", paging);
        print("search by device id", search);
        System.out.printf("  load averages %s%n%n", loadAverages());
    }

    static void print(String what, long[] sorted) {
        System.out.printf("  %-36s p50 %6.2f ms, p99 %6.2f ms%n", what, ApiV2Benchmark.percentile(sorted, 50),
                ApiV2Benchmark.percentile(sorted, 99));
    }

    /** Runs the step WARM_UP times, then n times timed; the sorted times in nanoseconds. */
    static long[] timed(int n, Step step) throws Exception {
        long[] nanos = new long[n];
        for (int i = -WARM_UP; i < n; i++) {
            long t0 = System.nanoTime();
            step.run(i);
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t0;
            }
        }
        java.util.Arrays.sort(nanos);
        return nanos;
    }

    private static String text(ConsoleClient console, String path) throws Exception {
        return new String(console.get(path).body(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(ConsoleClient console, String path) throws Exception {
        return ApiV2Benchmark.JSON.readTree(console.get(path).body());
    }

    /** The 1, 5 and 15 minute load averages (/proc/loadavg): the machine is shared, they say how much. */
    static String loadAverages() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }
}
