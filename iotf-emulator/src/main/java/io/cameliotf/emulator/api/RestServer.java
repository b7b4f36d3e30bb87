package io.cameliotf.emulator.api;

import io.cameliotf.emulator.tls.TlsMaterial;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.JksOptions;
import io.vertx.core.net.PfxOptions;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Serves the REST API on Camel's platform-http (Vert.x): HTTP on one port and, with the certificate of the MQTT TLS
 * listener, HTTPS on another; the same routes answer both.
 */
public final class RestServer implements AutoCloseable {

    private final String bindAddress;
    private final int httpPort;
    private final int httpsPort;
    private final TlsMaterial tls;
    private final RouteBuilder routes;
    private CamelContext context;
    private HttpServer https;

    public RestServer(String bindAddress, int httpPort, int httpsPort, TlsMaterial tls, RouteBuilder routes) {
        this.bindAddress = bindAddress;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.tls = tls;
        this.routes = routes;
    }

    /** True when the request of {@code message} came over HTTPS. */
    public static boolean isSecure(org.apache.camel.Message message) {
        return message instanceof org.apache.camel.component.platform.http.vertx.HttpMessage
                && ((org.apache.camel.component.platform.http.vertx.HttpMessage) message).getRequest().isSSL();
    }

    /**
     * The host and port the request was addressed to (its Host header), from the request URL: platform-http does not
     * pass the Host header on.
     */
    public static String host(org.apache.camel.Message message) {
        String url = message.getHeader(org.apache.camel.Exchange.HTTP_URL, String.class);
        if (url == null) {
            return null;
        }
        try {
            return java.net.URI.create(url).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public void start() throws Exception {
        context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("iotf-emulator-rest");
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost(bindAddress);
        http.setBindPort(httpPort);
        VertxPlatformHttpServer server = new VertxPlatformHttpServer(http);
        context.addService(server);
        context.addRoutes(routes);
        context.start();
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                VertxPlatformHttpRouter.getRouterNameFromPort(httpPort));
        if (router == null) {
            router = VertxPlatformHttpRouter.lookup(context);
        }
        if (router == null) {
            throw new IllegalStateException("The platform-http router of port " + httpPort + " was not found");
        }
        Vertx vertx = router.vertx();
        HttpServerOptions options = new HttpServerOptions().setHost(bindAddress).setPort(httpsPort).setSsl(true)
                .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"));
        String keystore = tls.keystore().toAbsolutePath().toString();
        if (keystore.toLowerCase().endsWith(".jks")) {
            options.setKeyCertOptions(new JksOptions().setPath(keystore).setPassword(tls.password()));
        } else {
            options.setKeyCertOptions(new PfxOptions().setPath(keystore).setPassword(tls.password()));
        }
        https = vertx.createHttpServer(options).requestHandler(router);
        https.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (https != null) {
            try {
                https.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // stopping anyway
            }
            https = null;
        }
        if (context != null) {
            context.stop();
            context = null;
        }
    }
}
