package io.cameliotf.emulator.console;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One signed-in web console: an API key's (its organization only) or the administrator's (every organization). Its id
 * is the cookie's value and its CSRF token what every change must carry (X-IoTF-CSRF); neither is ever logged.
 */
public final class ConsoleSession {

    private final String id;
    private final String csrf;
    private final String org;
    private final String apiKey;
    private final String user;
    private final List<Consumer<String>> onEnd = new CopyOnWriteArrayList<>();
    private volatile long lastUsedMillis;
    private volatile boolean ended;

    ConsoleSession(String id, String csrf, String org, String apiKey, String user, long now) {
        this.id = id;
        this.csrf = csrf;
        this.org = org;
        this.apiKey = apiKey;
        this.user = user;
        this.lastUsedMillis = now;
    }

    String id() {
        return id;
    }

    String csrf() {
        return csrf;
    }

    /** The API key's organization, or null for the administrator. */
    public String org() {
        return org;
    }

    /** The API key signed in with, or null for the administrator. */
    public String apiKey() {
        return apiKey;
    }

    /** The API key, or the administrator's user name. */
    public String user() {
        return user;
    }

    public boolean isAdmin() {
        return apiKey == null;
    }

    boolean isEnded() {
        return ended;
    }

    long lastUsedMillis() {
        return lastUsedMillis;
    }

    void touch(long now) {
        lastUsedMillis = now;
    }

    /** When the session ends if it is not used again. */
    Instant expires(long idleMillis) {
        return Instant.ofEpochMilli(lastUsedMillis + idleMillis);
    }

    /** Runs {@code listener} with the reason once the session ends (at once when it has ended). */
    void onEnd(Consumer<String> listener) {
        onEnd.add(listener);
        if (ended && onEnd.remove(listener)) {
            listener.accept("The console session has ended");
        }
    }

    void removeOnEnd(Consumer<String> listener) {
        onEnd.remove(listener);
    }

    void end(String reason) {
        if (ended) {
            return;
        }
        ended = true;
        for (Consumer<String> l : onEnd) {
            if (onEnd.remove(l)) {
                l.accept(reason);
            }
        }
    }

    @Override
    public String toString() {
        return "ConsoleSession[" + user + (org == null ? ", admin" : ", " + org) + "]";
    }
}
