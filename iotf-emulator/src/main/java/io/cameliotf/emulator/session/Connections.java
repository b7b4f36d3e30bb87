package io.cameliotf.emulator.session;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live connections. Each connection is tagged with a serial number in its HiveMQ connection attribute
 * store, so events of an old connection (a take-over, a late disconnect) never reach the state of a newer
 * one with the same client id [5.3.1].
 */
public final class Connections {

    private static final String SERIAL = "io.cameliotf.connection";

    private final AtomicLong serials = new AtomicLong();
    private final Map<Long, ConnectionState> states = new ConcurrentHashMap<>();

    public void register(ConnectionInformation connection, ConnectionState state) {
        long serial = serials.incrementAndGet();
        connection.getConnectionAttributeStore().put(SERIAL, (ByteBuffer) ByteBuffer.allocate(Long.BYTES).putLong(serial).flip());
        states.put(serial, state);
    }

    public ConnectionState find(ConnectionInformation connection) {
        Long serial = serial(connection);
        return serial == null ? null : states.get(serial);
    }

    /** Forgets a connection; returns its state the first time only. */
    public ConnectionState remove(ConnectionInformation connection) {
        Long serial = serial(connection);
        return serial == null ? null : states.remove(serial);
    }

    public Collection<ConnectionState> all() {
        return states.values();
    }

    private static Long serial(ConnectionInformation connection) {
        Optional<ByteBuffer> value = connection.getConnectionAttributeStore().get(SERIAL);
        return value.map(b -> b.duplicate().getLong()).orElse(null);
    }
}
