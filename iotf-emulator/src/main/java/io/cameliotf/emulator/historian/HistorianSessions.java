package io.cameliotf.emulator.historian;

import io.cameliotf.emulator.store.EventQuery;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Paging through the historian [3.2.2]: the first page of a query opens a session (the {@code iotHistorianSessionId}
 * cookie) that remembers the query; each page ends with a {@code cursorId} ({@link HistorianQueries#cursor}) that says
 * where the next one starts. A request with both gets the next page, so pages never overlap or leave a gap. Sessions
 * expire after {@value #IDLE_MINUTES} idle minutes.
 * <p>
 * A session belongs to the organization that opened it: sessions are kept per organization and looked up only in the
 * caller's, so another organization replaying the cookie finds nothing (and neither uses, touches nor ends it). The
 * bound is per organization too: at most {@value #MAX_PER_ORG} per organization (its own least recently used goes
 * first) and {@value #MAX_SESSIONS} in all (then the least recently used session of the organization that has the
 * most goes), so that no organization can push another's sessions out by opening many of its own.
 */
public final class HistorianSessions {

    static final int IDLE_MINUTES = 10;
    static final int MAX_SESSIONS = 10_000;
    static final int MAX_PER_ORG = 1_000;

    /** A query being paged through, with its caller's organization and page size. */
    public record Session(EventQuery query, int top, long lastUsed) {
    }

    private final SecureRandom random = new SecureRandom();
    /** Per organization, its sessions in access order (least recently used first). */
    private final Map<String, LinkedHashMap<String, Session>> byOrg = new HashMap<>();
    private int total;

    public synchronized String open(EventQuery query, int top, long now) {
        byte[] id = new byte[18];
        random.nextBytes(id);
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        LinkedHashMap<String, Session> own = byOrg.get(query.org());
        if (own != null && own.size() >= MAX_PER_ORG) {
            removeEldest(query.org());
        } else if (total >= MAX_SESSIONS) {
            removeEldest(largest());
        }
        byOrg.computeIfAbsent(query.org(), o -> new LinkedHashMap<>(16, 0.75f, true))
                .put(sessionId, new Session(query, top, now));
        total++;
        return sessionId;
    }

    /** The session, when it exists in {@code org}'s sessions and has not expired. */
    public synchronized Session find(String sessionId, String org, long now) {
        LinkedHashMap<String, Session> own = byOrg.get(org);
        Session s = own == null ? null : own.get(sessionId);
        if (s == null) {
            return null; // unknown, or another organization's: that one is not even looked at
        }
        if (now - s.lastUsed() > IDLE_MINUTES * 60_000L) {
            remove(own, org, sessionId);
            return null;
        }
        Session touched = new Session(s.query(), s.top(), now);
        own.put(sessionId, touched);
        return touched;
    }

    /** Ends {@code org}'s session {@code sessionId} (its last page was read). */
    public synchronized void close(String sessionId, String org) {
        LinkedHashMap<String, Session> own = byOrg.get(org);
        if (own != null) {
            remove(own, org, sessionId);
        }
    }

    /** How many sessions are open (for tests of the bound). */
    synchronized int size() {
        return total;
    }

    /** The organization with the most sessions. */
    private String largest() {
        String largest = null;
        for (Map.Entry<String, LinkedHashMap<String, Session>> org : byOrg.entrySet()) {
            if (largest == null || org.getValue().size() > byOrg.get(largest).size()) {
                largest = org.getKey();
            }
        }
        return largest;
    }

    /** Removes the least recently used session of {@code org}. */
    private void removeEldest(String org) {
        LinkedHashMap<String, Session> sessions = byOrg.get(org);
        Iterator<String> eldest = sessions.keySet().iterator();
        remove(sessions, org, eldest.next());
    }

    private void remove(LinkedHashMap<String, Session> sessions, String org, String sessionId) {
        if (sessions.remove(sessionId) != null) {
            total--;
        }
        if (sessions.isEmpty()) {
            byOrg.remove(org);
        }
    }
}
