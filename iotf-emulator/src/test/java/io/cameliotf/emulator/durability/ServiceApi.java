package io.cameliotf.emulator.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameliotf.emulator.junit.EmulatorProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;

/** The REST API v0002 of a service process, as organization org001 of the example seed calls it. */
final class ServiceApi {

    static final String SEED = "seeds/example-seed.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("a-org001-k1a2b3c4d5:apitok1".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ServiceApi(EmulatorProcess service) {
        this.base = service.httpUrl("v0002");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", AUTH);
    }

    /** Every {@code d.seq} the historian holds for sensor/dev1, page by page. */
    Set<Integer> storedSequence() throws IOException, InterruptedException {
        Set<Integer> seqs = new TreeSet<>();
        String bookmark = null;
        do {
            HttpResponse<String> response = get("/historian/types/sensor/devices/dev1?_limit=100"
                    + (bookmark == null ? "" : "&_bookmark=" + URLEncoder.encode(bookmark, StandardCharsets.UTF_8)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            page.path("events").forEach(e -> seqs.add(e.path("evt").path("seq").asInt()));
            bookmark = page.hasNonNull("bookmark") ? page.get("bookmark").asText() : null;
        } while (bookmark != null);
        return seqs;
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
