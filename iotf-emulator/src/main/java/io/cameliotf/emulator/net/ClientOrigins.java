package io.cameliotf.emulator.net;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The origins of connections on their way through a bridge (WebSocket, or the port multiplexer) to the broker's
 * internal port, by the client id of their CONNECT. The bridge records one before it forwards the CONNECT; the
 * authenticator takes it when the broker asks. An origin nobody took within {@value #TTL_MILLIS} ms (the client
 * went away first) is dropped.
 */
public final class ClientOrigins {

    static final long TTL_MILLIS = 60_000;
    private static final int CLEAN_ABOVE = 1_000;

    private record Pending(ClientOrigin origin, long since) {
    }

    private final Map<String, Deque<Pending>> pending = new ConcurrentHashMap<>();

    public void record(String clientId, ClientOrigin origin) {
        long now = System.currentTimeMillis();
        if (pending.size() > CLEAN_ABOVE) {
            dropOlderThan(now - TTL_MILLIS);
        }
        pending.compute(clientId, (id, q) -> {
            Deque<Pending> queue = q == null ? new ArrayDeque<>() : q;
            queue.addLast(new Pending(origin, now));
            return queue;
        });
    }

    /** The origin of the oldest bridged connection with this client id, or null when none came through a bridge. */
    public ClientOrigin take(String clientId) {
        ClientOrigin[] taken = {null};
        pending.computeIfPresent(clientId, (id, queue) -> {
            Pending p = queue.pollFirst();
            taken[0] = p == null ? null : p.origin();
            return queue.isEmpty() ? null : queue;
        });
        return taken[0];
    }

    private void dropOlderThan(long cutoff) {
        for (Iterator<Map.Entry<String, Deque<Pending>>> it = pending.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Deque<Pending>> e = it.next();
            pending.computeIfPresent(e.getKey(), (id, queue) -> {
                queue.removeIf(p -> p.since() < cutoff);
                return queue.isEmpty() ? null : queue;
            });
        }
    }
}
