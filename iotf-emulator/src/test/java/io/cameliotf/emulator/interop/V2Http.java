package io.cameliotf.emulator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Plain HTTPS calls to API v0002 at {@code https://<org>.<domain>/api/v0002}, as any HTTP client of a user makes them
 * (HTTP Basic with an API key [later 1.2]). For a probe's JVM, which resolves the host name and trusts the service's
 * certificate; used where the SDK under test has no REST call of its own.
 */
final class V2Http {

    record Response(int status, String body) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(body);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String authorization;

    V2Http(String org, String apiKey, String apiToken) {
        this.base = "https://" + org + "." + IbmPortsService.DOMAIN + "/api/v0002";
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((apiKey + ":" + apiToken)
                .getBytes(StandardCharsets.UTF_8));
    }

    Response get(String path) throws Exception {
        return send("GET", path, null);
    }

    Response post(String path, String json) throws Exception {
        return send("POST", path, json);
    }

    Response send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", authorization).header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }
}
