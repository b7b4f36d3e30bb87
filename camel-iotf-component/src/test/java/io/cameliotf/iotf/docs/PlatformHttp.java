package io.cameliotf.iotf.docs;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/** The HTTP server of {@code platform-http:} snippets (camel-platform-http-vertx) on a free port of 127.0.0.1. */
final class PlatformHttp {

    private PlatformHttp() {
    }

    /** Adds the server to {@code context} (before it starts) and returns its port. */
    static int serve(CamelContext context) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        try {
            context.addService(new VertxPlatformHttpServer(server));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return port;
    }

    /** POSTs JSON to {@code path} of the server on {@code port}. */
    static HttpResponse<String> postJson(int port, String path, String json) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
