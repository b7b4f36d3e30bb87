package io.cameliotf.emulator.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.auth.CredentialCheck;
import io.cameliotf.emulator.auth.LoginThrottle;
import io.cameliotf.emulator.auth.TokenHasher;
import io.cameliotf.emulator.json.InvalidJsonException;
import io.cameliotf.emulator.json.StrictJson;
import io.cameliotf.emulator.log.LogSafe;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /console/session}: signs in with an organization's API key and its token (checked by
 * {@link CredentialCheck}, as MQTT and REST logins are) or as the administrator. Failed sign-ins are throttled with
 * the service's one {@link LoginThrottle}, so that guessing through the console is no faster than through MQTT: a
 * refusal is answered late (a Vert.x timer, no thread held), a busy identity or address at once with 429. Every
 * refusal says the same whichever part was wrong, and costs one PBKDF2 either way. Tokens and passwords are never
 * logged or echoed.
 */
final class ConsoleSignIn {

    static final String BAD_API_KEY = "The API key or its token is not valid";
    static final String BAD_ADMIN = "The user or password is not valid";
    static final String NO_ADMIN = "No console administrator is configured (--console-admin, or console.admin in the "
            + "seed): sign in with an API key and its token";
    /** How an administrator's sign-in is known to the throttle (never a name an API key can have). */
    private static final String ADMIN_IDENTITY = "console-admin:";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSignIn.class);

    private final CredentialCheck check;
    private final ConsoleAdmin admin;
    private final TokenHasher hasher;
    private final ConsoleSessions sessions;
    private final Vertx vertx;

    ConsoleSignIn(CredentialCheck check, ConsoleAdmin admin, TokenHasher hasher, ConsoleSessions sessions, Vertx vertx) {
        this.check = check;
        this.admin = admin;
        this.hasher = hasher;
        this.sessions = sessions;
        this.vertx = vertx;
    }

    /** What a sign-in presents. */
    private record Claim(String identity, String secret, boolean isAdmin) {
        @Override
        public String toString() {
            return "Claim[" + identity + ", ****]";
        }
    }

    /** Signs in, and hands the new session to {@code signedIn}; or answers the refusal. */
    void signIn(RoutingContext ctx, boolean secure, Consumer<ConsoleSession> signedIn) {
        if (!CsrfCheck.sameOrigin(ctx.request().getHeader("Origin"), secure, ctx.request().getHeader("Host"))) {
            ConsoleReplies.error(ctx, 403, CsrfCheck.BAD_ORIGIN);
            return;
        }
        Claim claim;
        try {
            claim = claim(ctx.body().buffer() == null ? "" : ctx.body().asString());
        } catch (IllegalArgumentException e) {
            ConsoleReplies.error(ctx, 400, e.getMessage());
            return;
        }
        if (claim.isAdmin() && admin == null) {
            ConsoleReplies.error(ctx, 401, NO_ADMIN);
            return;
        }
        String identity = claim.isAdmin() ? ADMIN_IDENTITY + claim.identity() : claim.identity();
        String address = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
        if (!claim.isAdmin() && check.knownGood(claim.identity(), claim.secret())) {
            verify(ctx, claim, null, address, signedIn); // verified before: never throttled
            return;
        }
        LoginThrottle.Attempt attempt = check.throttle().attempt(identity, address);
        if (attempt.busy()) {
            long retry = Math.max(1, (check.throttle().settings().maxDelayMillis() + 999) / 1000);
            LOG.info("Refused a console sign-in of {} from {} unchecked: too many failed logins of it are being "
                    + "answered (429)", LogSafe.of(claim.identity()), address);
            ctx.response().putHeader("Retry-After", String.valueOf(retry));
            ConsoleReplies.error(ctx, 429, "Too many failed sign-ins with these credentials or from this address are "
                    + "being answered; try again in " + retry + " seconds");
            return;
        }
        verify(ctx, claim, attempt, address, signedIn);
    }

    private void verify(RoutingContext ctx, Claim claim, LoginThrottle.Attempt attempt, String address,
            Consumer<ConsoleSession> signedIn) {
        vertx.getOrCreateContext().<ConsoleSession>executeBlocking(() -> session(claim), false).onComplete(done -> {
            if (done.failed()) {
                LOG.error("The console sign-in failed", done.cause());
                ConsoleReplies.error(ctx, 500, "Internal error; the service log has the details");
            } else if (done.result() != null) {
                signedIn.accept(done.result());
            } else {
                refuse(ctx, claim, attempt, address);
            }
        });
    }

    /** The new session when the claim is good, else null (slow: PBKDF2; on a worker). */
    private ConsoleSession session(Claim claim) {
        if (claim.isAdmin()) {
            return admin.matches(claim.identity(), claim.secret(), hasher)
                    ? sessions.create(null, null, admin.user()) : null;
        }
        CredentialCheck.ApiKeyCheck key = check.checkApiKey(claim.identity(), claim.secret());
        if (!key.isValid()) {
            LOG.info("Console sign-in refused: {}", LogSafe.of(key.problem()));
            return null;
        }
        return sessions.create(key.org(), claim.identity(), claim.identity());
    }

    private void refuse(RoutingContext ctx, Claim claim, LoginThrottle.Attempt attempt, String address) {
        long delay = attempt == null ? 0 : attempt.refused();
        LOG.info("Refused a console sign-in of {} from {} (401{})", LogSafe.of(claim.identity()), address,
                delay > 0 ? ", answered after " + delay + " ms" : "");
        String message = claim.isAdmin() ? BAD_ADMIN : BAD_API_KEY;
        if (delay == 0) {
            ConsoleReplies.error(ctx, 401, message);
            return;
        }
        vertx.setTimer(delay, t -> {
            try {
                ConsoleReplies.error(ctx, 401, message);
            } finally {
                attempt.answered();
            }
        });
    }

    /** The credentials of a sign-in body: {"apiKey", "token"} or {"user", "password"}. */
    private static Claim claim(String body) {
        JsonNode json;
        try {
            json = StrictJson.read(body);
        } catch (InvalidJsonException e) {
            throw new IllegalArgumentException("The sign-in is not valid JSON: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException(usage());
        }
        String apiKey = text(json, "apiKey");
        String user = text(json, "user");
        if (apiKey != null && user == null && json.size() == 2) {
            return new Claim(apiKey, required(json, "token"), false);
        }
        if (user != null && apiKey == null && json.size() == 2) {
            return new Claim(user, required(json, "password"), true);
        }
        throw new IllegalArgumentException(usage());
    }

    private static String required(JsonNode json, String field) {
        String value = text(json, field);
        if (value == null) {
            throw new IllegalArgumentException(usage());
        }
        return value;
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v != null && v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
    }

    private static String usage() {
        return "The sign-in needs a JSON object {\"apiKey\": \"...\", \"token\": \"...\"} (an organization's API key "
                + "and its token) or {\"user\": \"...\", \"password\": \"...\"} (the console administrator)";
    }
}
