package io.cameliotf.emulator.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cameliotf.emulator.api.ApiAuthenticator;
import io.cameliotf.emulator.api.ApiException;
import io.cameliotf.emulator.api.Json;
import io.cameliotf.emulator.api.RestServer;
import io.cameliotf.emulator.log.LogSafe;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.store.Organization;
import io.cameliotf.emulator.store.RegistryStore;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP face on the REST API's Vert.x router: its pages at {@code /} and {@code /console/...}, uPlot at
 * {@code /console/lib/uplot/}, its session at {@code /console/session} and its own endpoints under
 * {@code /console/api/} (each scoped to the session's organization; an administrator's names one with {@code ?org=}).
 * Thin: each route hands over to the class that does the job. {@code /api/v0001} and {@code /api/v0002} are not
 * touched here (they take the session through {@link ConsoleCallers}).
 */
final class ConsoleRoutes {

    /** The largest sign-in body taken. */
    static final int MAX_SIGN_IN = 16 * 1024;
    static final String SIGN_IN_FIRST = "Sign in first: POST /console/session with an API key and its token";

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRoutes.class);

    private final ConsoleSessions sessions;
    private final ConsoleCallers callers;
    private final ConsoleSignIn signIn;
    private final ConsoleAssets assets = new ConsoleAssets();
    private final Overview overview;
    private final StatusLog status;
    private final EventStreams streams;
    private final RegistryStore registry;
    private final DeviceRegistry devices;

    ConsoleRoutes(ConsoleSessions sessions, ConsoleCallers callers, ConsoleSignIn signIn, Overview overview,
            StatusLog status, EventStreams streams, RegistryStore registry, DeviceRegistry devices) {
        this.sessions = sessions;
        this.callers = callers;
        this.signIn = signIn;
        this.overview = overview;
        this.status = status;
        this.streams = streams;
        this.registry = registry;
        this.devices = devices;
    }

    void mount(Router router) {
        router.get("/").handler(ctx -> assets.page(ctx, "index.html"));
        router.route(HttpMethod.HEAD, "/").handler(ctx -> assets.page(ctx, "index.html"));
        router.post("/console/session").handler(BodyHandler.create(false).setBodyLimit(MAX_SIGN_IN))
                .handler(this::signIn);
        router.get("/console/session").handler(this::currentSession);
        router.delete("/console/session").handler(this::signOut);
        router.get("/console/api/overview").handler(ctx -> withOrg(ctx, org -> blocking(ctx, () -> overview.of(org))));
        router.get("/console/api/settings").handler(ctx -> withOrg(ctx, org -> reply(ctx, overview.settings(org))));
        router.get("/console/api/status/recent").handler(ctx -> withOrg(ctx, org -> recent(ctx, org)));
        router.get("/console/api/orgs").handler(this::orgs);
        router.get("/console/api/events/stream").handler(ctx -> withSession(ctx, (s, org) -> stream(ctx, s, org)));
        router.route("/console/api/*").handler(ctx -> ConsoleReplies.error(ctx, 404, "The console has no "
                + ctx.request().method() + " " + ctx.request().path()));
        router.route("/console/lib/uplot/:file").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(ctx -> assets.uplot(ctx, ctx.pathParam("file")));
        router.route("/console/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(ctx -> assets.page(ctx, ctx.request().path().substring("/console/".length())));
    }

    private void signIn(RoutingContext ctx) {
        boolean secure = RestServer.isSecure(ctx.request());
        signIn.signIn(ctx, secure, s -> {
            ctx.response().putHeader("Set-Cookie", SessionCookie.set(s.id(), secure));
            answerSession(ctx, s);
        });
    }

    /** Answers with the session as the sign-in does (its organizations read on a worker). */
    private void answerSession(RoutingContext ctx, ConsoleSession s) {
        blocking(ctx, () -> {
            List<String> orgs = s.isAdmin() ? registry.organizations().stream().map(Organization::id).toList()
                    : List.of(s.org());
            return ConsoleJson.session(s, orgs, sessions.expires(s));
        });
    }

    private void currentSession(RoutingContext ctx) {
        ConsoleSession s = session(ctx);
        if (s != null) {
            answerSession(ctx, s);
        }
    }

    private void signOut(RoutingContext ctx) {
        ConsoleSession s = session(ctx);
        if (s == null) {
            return;
        }
        sessions.end(s, "signed out");
        ConsoleHeaders.apply(ctx.response()).putHeader("Set-Cookie",
                SessionCookie.clear(RestServer.isSecure(ctx.request()))).setStatusCode(204).end();
    }

    private void recent(RoutingContext ctx, String org) {
        ArrayNode json = Json.MAPPER.createArrayNode();
        status.recent(org).forEach(e -> json.add(e.json()));
        reply(ctx, json);
    }

    private void orgs(RoutingContext ctx) {
        ConsoleSession s = session(ctx);
        if (s == null) {
            return;
        }
        if (!s.isAdmin()) {
            ConsoleReplies.error(ctx, 403, "Only the console administrator sees every organization; an API key's "
                    + "session sees its own, " + s.org());
            return;
        }
        blocking(ctx, () -> {
            ArrayNode json = Json.MAPPER.createArrayNode();
            for (Organization o : registry.organizations()) {
                int count = devices.typeCounts(o.id()).stream().mapToInt(t -> t.count()).sum();
                json.addObject().put("id", o.id()).put("name", o.name()).put("devices", count);
            }
            return json;
        });
    }

    private void stream(RoutingContext ctx, ConsoleSession s, String org) {
        EventStream stream = new EventStream(org, new EventStream.Filter(param(ctx, "type"), param(ctx, "device"),
                param(ctx, "event")), ctx.response(), ctx.vertx().getOrCreateContext(), System::currentTimeMillis);
        Consumer<String> ended = stream::end;
        stream.onClose(() -> {
            streams.remove(stream);
            s.removeOnEnd(ended);
        });
        ctx.response().closeHandler(v -> stream.closed());
        stream.start();
        streams.add(stream);
        s.onEnd(ended);
    }

    /** Runs {@code then} with the session and the organization it acts for, or answers why not. */
    private void withSession(RoutingContext ctx, BiConsumer<ConsoleSession, String> then) {
        ConsoleSession s = session(ctx);
        if (s == null) {
            return;
        }
        String org;
        try {
            org = callers.org(s, param(ctx, "org"));
        } catch (ApiException e) {
            ConsoleReplies.error(ctx, e.status(), e.getMessage());
            return;
        }
        then.accept(s, org);
    }

    private void withOrg(RoutingContext ctx, Consumer<String> then) {
        withSession(ctx, (s, org) -> then.accept(org));
    }

    /** The request's live session (its CSRF header checked for a change), or null once the refusal is answered. */
    private ConsoleSession session(RoutingContext ctx) {
        String cookie = ctx.request().getHeader("Cookie");
        if (!SessionCookie.present(cookie)) {
            ConsoleReplies.error(ctx, 401, SIGN_IN_FIRST);
            return null;
        }
        ConsoleSession s = sessions.find(SessionCookie.value(cookie));
        if (s == null) {
            ConsoleReplies.error(ctx, 401, ConsoleCallers.ENDED);
            return null;
        }
        if (!CsrfCheck.passes(s, ctx.request().method().name(), ctx.request().getHeader(ApiAuthenticator.CSRF_HEADER))) {
            ConsoleReplies.error(ctx, 403, CsrfCheck.REFUSAL);
            return null;
        }
        return s;
    }

    /** A query parameter (or, for {@code org}, also a header), null when absent or empty. */
    private static String param(RoutingContext ctx, String name) {
        String value;
        try {
            value = ctx.request().getParam(name);
        } catch (IllegalArgumentException e) {
            value = null;
        }
        if ((value == null || value.isEmpty()) && name.equals("org")) {
            value = ctx.request().getHeader("org");
        }
        return value == null || value.isEmpty() ? null : value;
    }

    /** Answers with what {@code answer} builds on a worker: it reads the database, which the event loop must not. */
    private static void blocking(RoutingContext ctx, Supplier<JsonNode> answer) {
        ctx.vertx().<JsonNode>executeBlocking(answer::get, false).onComplete(done -> {
            if (done.succeeded()) {
                reply(ctx, done.result());
            } else {
                LOG.error("The console failed on {} {}", ctx.request().method(), LogSafe.of(ctx.request().path()),
                        done.cause());
                ConsoleReplies.error(ctx, 500, "Internal error; the service log has the details");
            }
        });
    }

    private static void reply(RoutingContext ctx, JsonNode json) {
        ConsoleReplies.json(ctx, 200, json);
    }
}
