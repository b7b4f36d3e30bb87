package io.cameliotf.emulator.console;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Cross-site request forgery: a browser sends the session cookie with any request to this service, also one another
 * site's page makes. So every change made with the cookie (POST, PUT, PATCH, DELETE) must carry the session's own
 * CSRF token in the {@code X-IoTF-CSRF} header, which only the console's own pages can read (from the sign-in answer
 * or {@code GET /console/session}) and which another site cannot set without a CORS preflight this service never
 * allows. The sign-in itself has no session yet: there the {@code Origin} header, when present, must be the
 * console's own.
 */
final class CsrfCheck {

    static final String REFUSAL = "The request has no valid X-IoTF-CSRF header: reload the console";
    static final String BAD_ORIGIN = "The sign-in came from another site's page (Origin): sign in on the console itself";

    private CsrfCheck() {
    }

    /** True for the methods that change something. */
    static boolean changes(String method) {
        if (method == null) {
            return true;
        }
        String m = method.toUpperCase(Locale.ROOT);
        return !(m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS"));
    }

    /** True when a request of {@code method} may go on with {@code header} as its CSRF header. */
    static boolean passes(ConsoleSession session, String method, String header) {
        if (!changes(method)) {
            return true;
        }
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                session.csrf().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * True when a sign-in's {@code origin} (null: the browser sent none, as for same-origin GETs or non-browser
     * clients) is the console's own: the scheme of the listener and the Host the request was sent to.
     */
    static boolean sameOrigin(String origin, boolean secure, String host) {
        if (origin == null) {
            return true;
        }
        if (host == null) {
            return false;
        }
        try {
            URI o = URI.create(origin.trim());
            String scheme = secure ? "https" : "http";
            if (o.getScheme() == null || o.getRawAuthority() == null || !scheme.equalsIgnoreCase(o.getScheme())) {
                return false;
            }
            return normalize(o.getRawAuthority(), secure).equals(normalize(host, secure));
        } catch (IllegalArgumentException e) {
            return false; // "null" (a sandboxed page) and anything else that is not an origin
        }
    }

    /** {@code host[:port]} in lower case, with the scheme's default port left out. */
    private static String normalize(String authority, boolean secure) {
        String a = authority.toLowerCase(Locale.ROOT);
        String defaultPort = secure ? ":443" : ":80";
        return a.endsWith(defaultPort) ? a.substring(0, a.length() - defaultPort.length()) : a;
    }
}
