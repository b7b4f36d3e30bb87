package io.cameliotf.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One browser's console over real HTTP: signed in with an API key ({@code POST /console/session}), then every request
 * carries the session cookie {@code iotf-console}, as the front end's same-origin {@code fetch} does (docs/emulator.md
 * "The web console"). Its own keep-alive HTTP/1.1 client, so each console has connections of its own.
 */
final class ConsoleClient {

    private static final String COOKIE = "iotf-console";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String origin;
    private String cookie;

    /** {@code consoleUrl} as {@code IotfEmulator.consoleUrl()} gives it ({@code http://127.0.0.1:<port>/}). */
    ConsoleClient(String consoleUrl) {
        this.origin = consoleUrl.endsWith("/") ? consoleUrl.substring(0, consoleUrl.length() - 1) : consoleUrl;
    }

    /** Signs in with an organization's API key and keeps the session cookie. */
    ConsoleClient signIn(String apiKey, String token) throws Exception {
        String body = ApiV2Benchmark.JSON.createObjectNode().put("apiKey", apiKey).put("token", token).toString();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(origin + "/console/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("console sign-in: " + r.statusCode() + " " + r.body());
        }
        String set = r.headers().firstValue("Set-Cookie").orElseThrow(() ->
                new IllegalStateException("console sign-in: no Set-Cookie in the answer"));
        if (!set.startsWith(COOKIE + "=")) {
            throw new IllegalStateException("console sign-in: the cookie is not " + COOKIE);
        }
        cookie = set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
        return this;
    }

    /** GET of a path of the service (with its query), with the session cookie; any answer but 200 is an error. */
    HttpResponse<byte[]> get(String path) throws Exception {
        HttpResponse<byte[]> r = http.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " "
                    + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return r;
    }

    /** Opens the live event stream ({@code GET /console/api/events/stream}) and returns once it said hello. */
    LiveStream stream() throws Exception {
        LiveStream stream = new LiveStream();
        http.sendAsync(request("/console/api/events/stream").header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(stream));
        stream.awaitOpen();
        return stream;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(origin + path)).header("Cookie", cookie).GET();
    }
}
