package io.cameliotf.iotf.mqtt;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * The connections of one component (one CamelContext), one per client id: opened by the first endpoint that needs
 * it, closed when the last one lets go.
 */
public final class IotfConnections {

    private final ScheduledExecutorService scheduler;
    private final BooleanSupplier contextStarting;
    private final Map<String, Entry> connections = new HashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** @param contextStarting true while the CamelContext starts its routes */
    public IotfConnections(ScheduledExecutorService scheduler, BooleanSupplier contextStarting) {
        this.scheduler = scheduler;
        this.contextStarting = contextStarting;
    }

    /**
     * The connection of {@code settings.clientId()}, opened when it is the first user.
     *
     * @throws IllegalStateException when another endpoint of the same client id uses other connection settings
     * @throws IotfConnectionException when the service refuses the connection
     */
    public synchronized IotfConnection acquire(ConnectionSettings settings) {
        Entry entry = connections.get(settings.clientId());
        if (entry != null) {
            String conflict = entry.connection.settings().conflictWith(settings);
            if (conflict != null) {
                throw new IllegalStateException("Endpoints with client id " + settings.clientId() + " share one "
                        + "connection (the service allows one per client id [5.3.1]), so they must agree on " + conflict
                        + ": set it the same on all of them, or give them different appIds");
            }
            entry.users++;
            return entry.connection;
        }
        IotfConnection connection = new IotfConnection(settings, scheduler, contextStarting);
        connection.open();
        connections.put(settings.clientId(), new Entry(connection));
        listeners.forEach(l -> l.opened(connection));
        return connection;
    }

    /** Lets go of a connection; the last user closes it. */
    public void release(IotfConnection connection) {
        boolean last;
        synchronized (this) {
            Entry entry = connections.get(connection.clientId());
            if (entry == null || entry.connection != connection) {
                return;
            }
            last = --entry.users == 0;
            if (last) {
                connections.remove(connection.clientId());
            }
        }
        if (last) {
            connection.close();
            listeners.forEach(l -> l.closed(connection));
        }
    }

    /** Once the CamelContext has started its routes: every connection delivers again what no consumer took yet. */
    public void contextStarted() {
        all().forEach(IotfConnection::redeliverWithheld);
    }

    public synchronized int size() {
        return connections.size();
    }

    /** The open connections, by client id. */
    public synchronized List<IotfConnection> all() {
        return connections.values().stream().map(e -> e.connection)
                .sorted(Comparator.comparing(IotfConnection::clientId)).toList();
    }

    /** Tells {@code listener} of every connection opened or closed from now on. */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Told when a connection is opened (its first user) and closed (its last user let go). */
    public interface Listener {
        void opened(IotfConnection connection);

        void closed(IotfConnection connection);
    }

    private static final class Entry {
        final IotfConnection connection;
        int users = 1;

        Entry(IotfConnection connection) {
            this.connection = connection;
        }
    }
}
