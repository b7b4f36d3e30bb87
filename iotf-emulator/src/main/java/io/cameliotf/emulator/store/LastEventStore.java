package io.cameliotf.emulator.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** The last event cache's table: written in batches by the cache, read back when the service starts. */
public final class LastEventStore {

    private final Database db;

    public LastEventStore(Database db) {
        this.db = db;
    }

    /** Writes (inserting or replacing) {@code events} and deletes {@code removed}, in one transaction. */
    public void write(Collection<LastEvent> events, Collection<LastEvent> removed) {
        db.transaction(c -> {
            if (!events.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("MERGE INTO last_event (org_id, device_type, device_id, "
                        + "event_id, format, received, payload) KEY (org_id, device_type, device_id, event_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    for (LastEvent e : events) {
                        ps.setString(1, e.org());
                        ps.setString(2, e.deviceType());
                        ps.setString(3, e.deviceId());
                        ps.setString(4, e.eventId());
                        ps.setString(5, e.format());
                        ps.setLong(6, e.received());
                        ps.setBytes(7, e.payload());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!removed.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM last_event WHERE org_id = ? AND "
                        + "device_type = ? AND device_id = ? AND event_id = ?")) {
                    for (LastEvent e : removed) {
                        ps.setString(1, e.org());
                        ps.setString(2, e.deviceType());
                        ps.setString(3, e.deviceId());
                        ps.setString(4, e.eventId());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    /** Every stored event, oldest first. */
    public void forEach(Consumer<LastEvent> consumer) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT org_id, device_type, device_id, event_id, format, "
                    + "received, payload FROM last_event ORDER BY received")) {
                ps.setFetchSize(1_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(new LastEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getLong(6), rs.getBytes(7)));
                    }
                }
            }
            return null;
        });
    }

    public List<LastEvent> all() {
        List<LastEvent> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }
}
