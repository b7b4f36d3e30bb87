package io.cameliotf.emulator.api;

import io.cameliotf.emulator.auth.LoginThrottle;
import io.cameliotf.emulator.log.LogSafe;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the credentials of a REST request before it is routed, so that failed logins can be throttled
 * ({@link LoginThrottle}) without holding a thread: a refused request is answered by a Vert.x timer once its delay
 * is over, a busy one (too many refusals of its identity or address waiting) at once with 429 and unchecked. A
 * request whose token was verified before is routed at once, on the event loop; any other is checked on a worker
 * (PBKDF2 must not run on the event loop), paused meanwhile so that none of its body is lost, and routed when good.
 * The route's face then checks it again from the cache of verified tokens.
 * <p>
 * Every refusal for bad credentials answers the same 401, whichever part was wrong, with the same cost (a PBKDF2
 * hash, also for an identity that does not exist), and closes the connection.
 */
final class RestLogins {

    private static final Logger LOG = LoggerFactory.getLogger(RestLogins.class);

    private final ApiAuthenticator auth;
    private final Vertx vertx;

    RestLogins(ApiAuthenticator auth, Vertx vertx) {
        this.auth = auth;
        this.vertx = vertx;
    }

    /** Runs {@code route} for {@code request} once its credentials are good (or it has none to check), or answers. */
    void handle(HttpServerRequest request, Runnable route) {
        ApiAuthenticator.Claim claim = auth.claim(request.getHeader("Authorization"), request.path(), orgParam(request),
                request.getHeader("Host"));
        if (claim == null || auth.knownGood(claim)) {
            route.run();
            return;
        }
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        LoginThrottle.Attempt attempt = auth.throttle().attempt(claim.identity(), address);
        if (attempt.busy()) {
            LOG.info("Refused {} {} from {} unchecked: too many failed logins of it are being answered (429)",
                    request.method(), LogSafe.of(request.path()), address);
            long retry = Math.max(1, (auth.throttle().settings().maxDelayMillis() + 999) / 1000);
            write(request, 429, "Too many failed logins with these credentials or from this address are being "
                    + "answered; try again in " + retry + " seconds", "Retry-After", String.valueOf(retry));
            return;
        }
        request.pause();
        Context context = vertx.getOrCreateContext();
        context.<String>executeBlocking(() -> auth.problem(claim), false).onComplete(checked -> {
            if (checked.succeeded() && checked.result() != null) {
                refuse(request, claim, address, attempt, checked.result());
                return;
            }
            // good, or the check itself failed (the face checks again and answers that with a 500)
            route.run();
            request.resume(); // a route without a body handler (a 404) does not read the body: let it go
        });
    }

    private void refuse(HttpServerRequest request, ApiAuthenticator.Claim claim, String address,
            LoginThrottle.Attempt attempt, String problem) {
        long delay = attempt.refused();
        LOG.info("Refused {} {} from {}: {} (401{})", request.method(), LogSafe.of(request.path()), address,
                LogSafe.of(problem), delay > 0 ? ", answered after " + delay + " ms" : "");
        request.resume(); // its body is not read
        if (delay == 0) {
            unauthorized(request, claim);
            return;
        }
        vertx.setTimer(delay, t -> {
            try {
                unauthorized(request, claim);
            } finally {
                attempt.answered();
            }
        });
    }

    private static void unauthorized(HttpServerRequest request, ApiAuthenticator.Claim claim) {
        write(request, 401, claim.refusal(), "WWW-Authenticate", ApiAuthenticator.CHALLENGE);
    }

    private static void write(HttpServerRequest request, int status, String message, String header, String value) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return; // the client went away while its refusal was held back
        }
        response.putHeader(header, value).putHeader("Connection", "close");
        RestServer.write(response, status, message);
    }

    /** The {@code org} the request names as a query parameter (or, as platform-http also reads it, a header). */
    private static String orgParam(HttpServerRequest request) {
        String org;
        try {
            org = request.getParam("org");
        } catch (IllegalArgumentException e) {
            org = null; // a query string that is not valid percent-encoding: the route answers it
        }
        return org != null ? org : request.getHeader("org");
    }
}
