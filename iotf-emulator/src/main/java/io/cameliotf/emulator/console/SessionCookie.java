package io.cameliotf.emulator.console;

/**
 * The console's session cookie, {@value #NAME}: {@code HttpOnly} (scripts never see it), {@code SameSite=Strict}
 * (other sites' pages never send it) and, on HTTPS, {@code Secure}. No Max-Age: it lasts the browser session, and the
 * server ends it after {@link ConsoleSessions#IDLE} without use.
 */
final class SessionCookie {

    static final String NAME = "iotf-console";

    private SessionCookie() {
    }

    /** The value of the {@value #NAME} cookie in a Cookie header, or null. */
    static String value(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String part : cookieHeader.split(";")) {
            String p = part.trim();
            if (p.startsWith(NAME + "=")) {
                String v = p.substring(NAME.length() + 1).trim();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    /** True when the Cookie header names the console cookie at all (even an ended session's). */
    static boolean present(String cookieHeader) {
        return value(cookieHeader) != null;
    }

    static String set(String id, boolean secure) {
        return NAME + "=" + id + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    static String clear(boolean secure) {
        return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
