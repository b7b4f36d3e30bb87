package io.cameliotf.emulator.console;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console's sessions, in memory only (a restart signs everybody out). A session ends when it is signed out,
 * after {@link #IDLE} without a request, or when the API key it signed in with is revoked or deleted. Ids and CSRF
 * tokens are 256 random bits each.
 */
public final class ConsoleSessions {

    /** How long a session lives without a request. */
    public static final Duration IDLE = Duration.ofHours(8);
    /** The most sessions kept; past it, the one used longest ago ends first. */
    static final int MAX_SESSIONS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSessions.class);

    private final Map<String, ConsoleSession> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final LongSupplier clock;
    private final long idleMillis;

    public ConsoleSessions() {
        this(System::currentTimeMillis, IDLE);
    }

    ConsoleSessions(LongSupplier clock, Duration idle) {
        this.clock = clock;
        this.idleMillis = idle.toMillis();
    }

    /** A new session of an API key of {@code org}, or of the administrator ({@code org} and {@code apiKey} null). */
    ConsoleSession create(String org, String apiKey, String user) {
        if (byId.size() >= MAX_SESSIONS) {
            endLeastRecentlyUsed();
        }
        ConsoleSession s = new ConsoleSession(randomId(), randomId(), org, apiKey, user, clock.getAsLong());
        byId.put(s.id(), s);
        LOG.info("Console sign-in of {}{}", user, org == null ? " (administrator)" : " of organization " + org);
        return s;
    }

    /** The live session of a cookie's value, used now; null when unknown, ended or idle too long. */
    ConsoleSession find(String id) {
        if (id == null) {
            return null;
        }
        ConsoleSession s = byId.get(id);
        if (s == null) {
            return null;
        }
        long now = clock.getAsLong();
        if (s.isEnded() || now - s.lastUsedMillis() > idleMillis) {
            end(s, "The console session expired after " + IDLE.toHours() + " hours without use");
            return null;
        }
        s.touch(now);
        return s;
    }

    /** When {@code s} ends if unused from now on. */
    java.time.Instant expires(ConsoleSession s) {
        return s.expires(idleMillis);
    }

    void end(ConsoleSession s, String reason) {
        if (byId.remove(s.id(), s)) {
            LOG.info("Console session of {} ended: {}", s.user(), reason);
        }
        s.end(reason);
    }

    /** Ends every session of an API key that was revoked or deleted. */
    public void endApiKey(String apiKey) {
        for (ConsoleSession s : byId.values()) {
            if (apiKey.equals(s.apiKey())) {
                end(s, "The API key " + apiKey + " was revoked");
            }
        }
    }

    /** Ends the sessions idle too long (their event streams close). */
    void sweep() {
        long now = clock.getAsLong();
        for (ConsoleSession s : byId.values()) {
            if (now - s.lastUsedMillis() > idleMillis) {
                end(s, "The console session expired after " + IDLE.toHours() + " hours without use");
            }
        }
    }

    /** Ends every session (the service stops). */
    void endAll() {
        for (ConsoleSession s : byId.values()) {
            byId.remove(s.id(), s);
            s.end("The service stopped");
        }
    }

    int size() {
        return byId.size();
    }

    private void endLeastRecentlyUsed() {
        List<ConsoleSession> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparingLong(ConsoleSession::lastUsedMillis));
        for (ConsoleSession s : all.subList(0, Math.min(all.size(), Math.max(1, MAX_SESSIONS / 100)))) {
            end(s, "More than " + MAX_SESSIONS + " console sessions were open");
        }
    }

    private String randomId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
