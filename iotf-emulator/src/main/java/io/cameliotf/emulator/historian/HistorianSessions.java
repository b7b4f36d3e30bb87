package io.cameliotf.emulator.historian;

import io.cameliotf.emulator.store.EventQuery;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Paging through the historian [3.2.2]: the first page of a query opens a session (the {@code iotHistorianSessionId}
 * cookie) that remembers the query; each page ends with a {@code cursorId} ({@link HistorianQueries#cursor}) that says where the next one starts. A
 * request with both gets the next page, so pages never overlap or leave a gap. Sessions expire after
 * {@value #IDLE_MINUTES} idle minutes; at most {@value #MAX_SESSIONS} are kept.
 */
public final class HistorianSessions {

    static final int IDLE_MINUTES = 10;
    static final int MAX_SESSIONS = 10_000;

    /** A query being paged through, with its caller's organization and page size. */
    public record Session(EventQuery query, int top, long lastUsed) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    public synchronized String open(EventQuery query, int top, long now) {
        byte[] id = new byte[18];
        random.nextBytes(id);
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.put(sessionId, new Session(query, top, now));
        return sessionId;
    }

    /** The session, when it exists, has not expired and belongs to {@code org}. */
    public synchronized Session find(String sessionId, String org, long now) {
        Session s = sessions.get(sessionId);
        if (s == null || !s.query().org().equals(org)) {
            return null; // another organization's caller neither sees nor ends the session
        }
        if (now - s.lastUsed() > IDLE_MINUTES * 60_000L) {
            sessions.remove(sessionId);
            return null;
        }
        Session touched = new Session(s.query(), s.top(), now);
        sessions.put(sessionId, touched);
        return touched;
    }

    public synchronized void close(String sessionId) {
        sessions.remove(sessionId);
    }
}
