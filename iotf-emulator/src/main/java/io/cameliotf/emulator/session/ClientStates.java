package io.cameliotf.emulator.session;

import io.cameliotf.emulator.auth.ClientIdentity;
import io.cameliotf.emulator.paging.Bookmark;
import io.cameliotf.emulator.paging.Page;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The connection state of every client the gateway has seen (later contract 2.8, 2.9): connected or not, when it
 * last connected and disconnected, its last activity, and a short log of its connects, refusals and disconnects.
 * Kept in memory from the gateway's own session records: after a restart every client starts as unknown, as no
 * client is connected then. At most {@value #MAX_CLIENTS} clients are kept; past that, the ones disconnected longest
 * ago are forgotten first.
 */
public final class ClientStates implements ConnectionListener {

    public static final int MAX_CLIENTS = 100_000;
    public static final int LOG_ENTRIES = 20;

    /** A line of a client's connection log. */
    public record LogEntry(Instant timestamp, String message) {
    }

    /** What the API shows of one client. */
    public record State(String clientId, String org, String clientType, boolean connected, Instant lastConnect,
            Instant lastDisconnect, Instant lastActivity, String protocolVersion, String lastDisconnectReason) {
    }

    private static final class Client {
        final String clientId;
        final String org;
        final String clientType;
        int connections;
        Instant lastConnect;
        Instant lastDisconnect;
        Instant lastActivity;
        String protocolVersion;
        String lastDisconnectReason;
        ConnectionState live;
        final Deque<LogEntry> log = new ArrayDeque<>();

        Client(ClientIdentity identity) {
            this.clientId = identity.clientId();
            this.org = identity.org();
            this.clientType = identity.isApplication() ? "application" : identity.isGateway() ? "gateway" : "device";
        }

        void log(Instant time, String message) {
            if (log.size() >= LOG_ENTRIES) {
                log.removeFirst();
            }
            log.addLast(new LogEntry(time, message));
        }

        State state() {
            Instant activity = lastActivity;
            ConnectionState l = live;
            if (l != null && l.lastActivity() != null && (activity == null || l.lastActivity().isAfter(activity))) {
                activity = l.lastActivity();
            }
            return new State(clientId, org, clientType, connections > 0, lastConnect, lastDisconnect, activity,
                    protocolVersion, lastDisconnectReason);
        }
    }

    /** Per organization, by client id. Guarded by {@code this}. */
    private final Map<String, TreeMap<String, Client>> byOrg = new TreeMap<>();
    private int size;

    @Override
    public synchronized void connected(ConnectionState s, Instant time) {
        Client c = client(s.identity());
        c.connections++;
        c.lastConnect = time;
        c.lastActivity = time;
        c.live = s;
        c.protocolVersion = s.mqttVersion();
        c.log(time, "Connected from " + s.clientAddress() + " on port " + s.port() + " (" + s.protocol()
                + (s.secure() ? ", TLS" : "") + ")");
    }

    @Override
    public synchronized void disconnected(ConnectionState s, Instant time, String reason, int closeCode) {
        Client c = client(s.identity());
        c.connections = Math.max(0, c.connections - 1);
        c.lastDisconnect = time;
        if (s.lastActivity() != null && (c.lastActivity == null || s.lastActivity().isAfter(c.lastActivity))) {
            c.lastActivity = s.lastActivity();
        }
        if (c.live == s) {
            c.live = null;
        }
        c.lastDisconnectReason = reason;
        c.log(time, "Disconnected: " + reason);
    }

    /** A refused login of a client id of an existing organization. */
    public synchronized void refused(ClientIdentity identity, String address, Instant time, String reason) {
        client(identity).log(time, "Connection refused from " + address + ": " + reason);
    }

    public synchronized Optional<State> state(String org, String clientId) {
        TreeMap<String, Client> clients = byOrg.get(org);
        Client c = clients == null ? null : clients.get(clientId);
        return c == null ? Optional.empty() : Optional.of(c.state());
    }

    public synchronized List<LogEntry> log(String org, String clientId) {
        TreeMap<String, Client> clients = byOrg.get(org);
        Client c = clients == null ? null : clients.get(clientId);
        List<LogEntry> entries = c == null ? new ArrayList<>() : new ArrayList<>(c.log);
        java.util.Collections.reverse(entries); // newest first
        return entries;
    }

    /** A page of an organization's clients by client id, after {@code bookmark}, of those {@code filter} keeps. */
    public synchronized Page<State> states(String org, Predicate<State> filter, String bookmark, int limit) {
        TreeMap<String, Client> clients = byOrg.getOrDefault(org, new TreeMap<>());
        String after = bookmark == null ? null : (String) Bookmark.decode(bookmark, "id", 1).values().get(0);
        Map<String, Client> tail = after == null ? clients : clients.tailMap(after, false);
        List<State> page = new ArrayList<>(Math.min(limit, 1_000));
        long total = 0;
        String next = null;
        for (Client c : clients.values()) {
            if (filter.test(c.state())) {
                total++;
            }
        }
        for (Client c : tail.values()) {
            State s = c.state();
            if (!filter.test(s)) {
                continue;
            }
            if (page.size() == limit) {
                next = Bookmark.encode("id", List.of(page.get(limit - 1).clientId()), total);
                break;
            }
            page.add(s);
        }
        return new Page<>(page, next, total);
    }

    private Client client(ClientIdentity identity) {
        TreeMap<String, Client> clients = byOrg.computeIfAbsent(identity.org(), o -> new TreeMap<>());
        Client c = clients.get(identity.clientId());
        if (c == null) {
            if (size >= MAX_CLIENTS) {
                evict();
            }
            c = new Client(identity);
            clients.put(identity.clientId(), c);
            size++;
        }
        return c;
    }

    /** Forgets the tenth of the clients that disconnected longest ago (or never connected). */
    private void evict() {
        List<Client> idle = new ArrayList<>();
        byOrg.values().forEach(m -> m.values().stream().filter(c -> c.connections == 0).forEach(idle::add));
        idle.sort(Comparator.comparing((Client c) -> c.lastDisconnect == null ? Instant.EPOCH : c.lastDisconnect));
        for (Client c : idle.subList(0, Math.min(idle.size(), Math.max(1, MAX_CLIENTS / 10)))) {
            byOrg.get(c.org).remove(c.clientId);
            size--;
        }
    }
}
