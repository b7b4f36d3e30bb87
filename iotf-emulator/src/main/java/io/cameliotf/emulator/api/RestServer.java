package io.cameliotf.emulator.api;

import io.cameliotf.emulator.log.LogSafe;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the REST API's routes on Camel's platform-http (Vert.x) and hands out the request handler that the service's
 * HTTP listeners serve it with. Everything the routes do not answer is answered here, in the same JSON error shape:
 * unknown paths (404), wrong methods (405), bodies over {@value #MAX_BODY} bytes (413), URIs over
 * {@value #MAX_URI} characters (414).
 */
public final class RestServer implements AutoCloseable {

    /** The largest body taken: a bulk request of the later contract may have 512 KiB (2.4). */
    public static final long MAX_BODY = 512 * 1024;
    public static final int MAX_URI = 8_192;
    /** Set by the listener on every request (a client's own value is removed): whether it came over TLS. */
    static final String SECURE_HEADER = "X-IoTF-Secure";
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    /** Statuses the router answers on its own besides 404, 405, 413 and 500, which have messages above. */
    private static final int[] ROUTER_STATUSES = {400, 401, 403, 406, 408, 411, 414, 415, 416, 417, 422, 429, 431,
        501, 503};

    private final RestApi routes;
    private CamelContext context;
    private Router router;
    private Vertx vertx;
    private RestLogins logins;

    public RestServer(RestApi routes) {
        this.routes = routes;
    }

    /** True when {@code request} came over HTTPS (to a listener, or to the port in front of it). */
    public static boolean isSecure(HttpServerRequest request) {
        return "true".equals(request.getHeader(SECURE_HEADER));
    }

    /** True when the request of {@code message} came over HTTPS (to a listener, or to the port in front of it). */
    public static boolean isSecure(Message message) {
        return "true".equals(message.getHeader(SECURE_HEADER, String.class));
    }

    /**
     * The host and port the request was addressed to (its Host header), from the request URL: platform-http does not
     * pass the Host header on.
     */
    public static String host(Message message) {
        String url = message.getHeader(Exchange.HTTP_URL, String.class);
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
        // platform-http's own server only carries the router: the service's listeners serve it (see net.Listeners)
        http.setBindHost("127.0.0.1");
        http.setBindPort(0);
        http.setMaxBodySize(MAX_BODY);
        VertxPlatformHttpServer server = new VertxPlatformHttpServer(http);
        context.addService(server);
        context.addRoutes(routes);
        context.start();
        VertxPlatformHttpRouter platform = VertxPlatformHttpRouter.lookup(context,
                VertxPlatformHttpRouter.getRouterNameFromPort(0));
        if (platform == null) {
            platform = VertxPlatformHttpRouter.lookup(context);
        }
        if (platform == null) {
            throw new IllegalStateException("The platform-http router was not found");
        }
        router = platform;
        vertx = platform.vertx();
        logins = new RestLogins(routes.auth(), vertx);
        router.errorHandler(404, ctx -> error(ctx, 404, "There is no " + ctx.request().method() + " "
                + ctx.request().path() + ": the APIs are under /api/v0001 and /api/v0002, the web console at / (see docs/emulator.md)"));
        router.errorHandler(405, ctx -> error(ctx, 405, ctx.request().method() + " is not allowed on "
                + ctx.request().path()));
        router.errorHandler(413, ctx -> error(ctx, 413, "The body is larger than " + MAX_BODY + " bytes"));
        router.errorHandler(500, ctx -> {
            if (ctx.failure() != null) {
                LOG.error("The REST API failed on {} {}", ctx.request().method(), LogSafe.of(ctx.request().path()),
                        ctx.failure());
            }
            error(ctx, 500, "Internal error; the service log has the details");
        });
        // any other status the router itself may answer (a path that is not valid percent-encoding is its 400):
        // the same error shape, never Vert.x's plain text [later contract 1.4]
        for (int status : ROUTER_STATUSES) {
            router.errorHandler(status, ctx -> error(ctx, status, RouterErrors.message(status, ctx.request())));
        }
    }

    /** The router, for the web console's routes (added after {@link #start}, before the listeners open). */
    public Router router() {
        return router;
    }

    /** The Vert.x the router runs on, for the listeners. */
    public Vertx vertx() {
        return vertx;
    }

    /** The handler of a listener's requests; {@code secure} when its clients come over TLS. */
    public Handler<HttpServerRequest> handler(boolean secure) {
        return request -> {
            request.headers().remove(SECURE_HEADER);
            if (secure) {
                request.headers().set(SECURE_HEADER, "true");
            }
            if (request.decoderResult().isFailure()) {
                // the HTTP codec could not read the request (see Listeners: this is also its invalid request handler)
                int status = RouterErrors.status(request.decoderResult().cause());
                write(request.response(), status, RouterErrors.message(status, null));
                return;
            }
            if (request.uri().length() > MAX_URI) {
                write(request.response(), 414, "The request URI has " + request.uri().length()
                        + " characters; at most " + MAX_URI + " are taken");
                return;
            }
            logins.handle(request, () -> router.handle(request));
        };
    }

    private static void error(RoutingContext ctx, int status, String message) {
        if (!ctx.response().ended()) {
            write(ctx.response(), status, message);
        }
    }

    static void write(HttpServerResponse response, int status, String message) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(ApiErrors.body(status, message).toString());
    }

    @Override
    public void close() {
        if (context != null) {
            context.stop();
            context = null;
        }
    }
}
