package io.cameliotf.emulator.console;

import io.vertx.core.http.HttpServerResponse;

/**
 * The security headers of every console response: a Content-Security-Policy that lets the pages load and run only the
 * service's own files (no inline script or style, no eval, no framing, no form posts elsewhere), no MIME sniffing, no
 * Referer to other sites, and no caching of JSON (it holds an organization's data).
 */
final class ConsoleHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private ConsoleHeaders() {
    }

    /** Adds the headers every console response has. */
    static HttpServerResponse apply(HttpServerResponse response) {
        return response.putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer");
    }

    /** The headers of a JSON (or event stream) answer: also never cached. */
    static HttpServerResponse json(HttpServerResponse response, String contentType) {
        return apply(response).putHeader("Content-Type", contentType).putHeader("Cache-Control", "no-store");
    }
}
