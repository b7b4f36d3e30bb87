package io.cameliotf.emulator.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.IotfEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * A browser's side of the web console, over real HTTP (java.net.http): it signs in, keeps the session cookie and the
 * CSRF token by hand (so that tests see exactly what the service set), calls the console's endpoints and the REST API
 * with the cookie, and reads the live event stream.
 */
final class ConsoleClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String base;
    private String cookie;
    private String csrf;
    private HttpResponse<String> signIn;

    /** Over HTTP to {@code iotf}'s console. */
    ConsoleClient(IotfEmulator iotf) {
        this(iotf.consoleUrl(), null);
    }

    /** To {@code base} ({@code http://host:port/}), trusting {@code tls} when it is HTTPS. */
    ConsoleClient(String base, SSLContext tls) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (tls != null) {
            b.sslContext(tls);
        }
        this.client = b.build();
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    static ConsoleClient signedIn(IotfEmulator iotf, String apiKey, String token) throws Exception {
        ConsoleClient c = new ConsoleClient(iotf);
        HttpResponse<String> r = c.signInWithKey(apiKey, token);
        if (r.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + r.statusCode() + " " + r.body());
        }
        return c;
    }

    HttpResponse<String> signInWithKey(String apiKey, String token) throws IOException, InterruptedException {
        return signIn(JSON.createObjectNode().put("apiKey", apiKey).put("token", token));
    }

    HttpResponse<String> signInAsAdmin(String user, String password) throws IOException, InterruptedException {
        return signIn(JSON.createObjectNode().put("user", user).put("password", password));
    }

    HttpResponse<String> signIn(ObjectNode body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request("/console/session", headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        signIn = r;
        r.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
        if (r.statusCode() == 200) {
            csrf = JSON.readTree(r.body()).get("csrf").asText();
        }
        return r;
    }

    /** The Set-Cookie header of the last sign-in. */
    String setCookie() {
        return signIn.headers().firstValue("Set-Cookie").orElse(null);
    }

    String csrf() {
        return csrf;
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return client.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A change with the session's CSRF header. */
    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body, "X-IoTF-CSRF", csrf);
    }

    /** A change with these headers only (name, value pairs): none, a wrong CSRF token... */
    HttpResponse<String> send(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path, headers).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the live event stream at {@code path}; its messages arrive in the returned stream's queue. */
    Sse stream(String path) {
        Sse sse = new Sse();
        HttpRequest r = request(path).header("Accept", "text/event-stream").GET().build();
        sse.answer = client.sendAsync(r, HttpResponse.BodyHandlers.ofLines()).thenApply(response -> {
            sse.status = response.statusCode();
            sse.contentType = response.headers().firstValue("Content-Type").orElse(null);
            sse.lines = response.body();
            sse.read();
            return response;
        });
        return sse;
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                b.header(headers[i], headers[i + 1]);
            }
        }
        return b;
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    /** A Server-Sent Events stream: each message as its event name and its data. */
    static final class Sse implements AutoCloseable {

        /** One message. */
        record Message(String event, String data) {
            JsonNode json() {
                try {
                    return JSON.readTree(data);
                } catch (IOException e) {
                    throw new AssertionError("not JSON: " + data, e);
                }
            }
        }

        final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
        volatile int status;
        volatile String contentType;
        volatile boolean ended;
        private volatile Stream<String> lines;
        private CompletableFuture<HttpResponse<Stream<String>>> answer;

        private void read() {
            String event = null;
            StringBuilder data = new StringBuilder();
            try {
                for (java.util.Iterator<String> it = lines.iterator(); it.hasNext();) {
                    String line = it.next();
                    if (line.isEmpty()) {
                        if (event != null || data.length() > 0) {
                            messages.add(new Message(event == null ? "message" : event, data.toString()));
                        }
                        event = null;
                        data.setLength(0);
                    } else if (line.startsWith("event: ")) {
                        event = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data.append(line.substring(6));
                    } else if (line.startsWith(":")) {
                        messages.add(new Message("comment", line));
                    }
                }
            } catch (RuntimeException e) {
                // the stream was closed
            } finally {
                ended = true;
            }
        }

        /** The next message named {@code event} within {@code timeout}, skipping others; null when none came. */
        Message next(String event, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            for (long left; (left = end - System.nanoTime()) > 0;) {
                Message m = messages.poll(left, TimeUnit.NANOSECONDS);
                if (m != null && m.event().equals(event)) {
                    return m;
                }
            }
            return null;
        }

        @Override
        public void close() {
            Stream<String> l = lines;
            if (l != null) {
                l.close();
            }
            answer.cancel(true);
        }
    }
}
