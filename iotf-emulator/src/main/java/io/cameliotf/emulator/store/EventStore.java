package io.cameliotf.emulator.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The historian's table: batch inserts, newest-first pages with keyset positions, and retention. */
public final class EventStore {

    private static final String COLUMNS = "seq, org_id, device_type, device_id, evt_type, format, received, payload";

    private final Database db;

    public EventStore(Database db) {
        this.db = db;
    }

    /** Stores events in one transaction. */
    public void insert(List<StoredEvent> events) {
        insert(events, null);
    }

    /**
     * Stores events in one transaction and, when {@code mark} is not null, records with them how far the historian's
     * journal is now held by the data file (see {@link #journalMark()}).
     */
    public void insert(List<StoredEvent> events, JournalMark mark) {
        db.transaction(c -> {
            if (mark != null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "MERGE INTO journal_mark (id, segment, position) KEY (id) VALUES (1, ?, ?)")) {
                    ps.setLong(1, mark.segment());
                    ps.setLong(2, mark.offset());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO event "
                    + "(org_id, device_type, device_id, evt_type, format, received, payload) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (StoredEvent e : events) {
                    ps.setString(1, e.org());
                    ps.setString(2, e.deviceType());
                    ps.setString(3, e.deviceId());
                    ps.setString(4, e.evtType());
                    ps.setString(5, e.format());
                    ps.setLong(6, e.received());
                    ps.setBytes(7, e.payload());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * Up to {@code limit} events of {@code query}, newest first, older than {@code after} when it is not null.
     */
    public List<StoredEvent> page(EventQuery query, EventPosition after, int limit) {
        return db.read(c -> {
            List<Object> args = new ArrayList<>();
            StringBuilder sql = where(query, args);
            if (after != null) {
                sql.append(" AND (received < ? OR (received = ? AND seq < ?))");
                args.add(after.received());
                args.add(after.received());
                args.add(after.seq());
            }
            sql.append(" ORDER BY received DESC, seq DESC LIMIT ?");
            args.add(limit);
            List<StoredEvent> result = new ArrayList<>(Math.min(limit, 1_000));
            try (PreparedStatement ps = Sql.prepare(c, "SELECT " + COLUMNS + " FROM event" + sql, args);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(event(rs));
                }
            }
            return result;
        });
    }

    /** Streams every event of {@code query} (oldest first) to {@code consumer}, for summaries. */
    public void forEach(EventQuery query, Consumer<StoredEvent> consumer) {
        db.read(c -> {
            List<Object> args = new ArrayList<>();
            StringBuilder sql = where(query, args);
            try (PreparedStatement ps = Sql.prepare(c, "SELECT " + COLUMNS + " FROM event" + sql, args)) {
                ps.setFetchSize(1_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(event(rs));
                    }
                }
            }
            return null;
        });
    }

    /** How many events of {@code org} were received each UTC day, from {@code from} to before {@code to} (ms). */
    public java.util.Map<java.time.LocalDate, Long> countPerDay(String org, long from, long to) {
        return db.read(c -> {
            java.util.Map<java.time.LocalDate, Long> days = new java.util.TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT received / 86400000, COUNT(*) FROM event "
                    + "WHERE org_id = ? AND received >= ? AND received < ? GROUP BY received / 86400000")) {
                ps.setString(1, org);
                ps.setLong(2, from);
                ps.setLong(3, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        days.put(java.time.LocalDate.ofEpochDay(rs.getLong(1)), rs.getLong(2));
                    }
                }
            }
            return days;
        });
    }

    /** How far the data file holds the historian's journal ({@link JournalMark#NONE} when it never held one). */
    public JournalMark journalMark() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT segment, position FROM journal_mark WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new JournalMark(rs.getLong(1), rs.getLong(2)) : JournalMark.NONE;
            }
        });
    }

    /** The number of the newest stored event, or 0 when there is none. */
    public long lastSeq() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM event"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    public long count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM event"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Deletes events received before {@code cutoff}; returns how many. */
    public int deleteOlderThan(long cutoff) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM event WHERE received < ?")) {
                ps.setLong(1, cutoff);
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes the oldest events (by arrival) so that at most {@code keep} remain; returns how many it deleted. */
    public int trimTo(long keep) {
        return db.transaction(c -> {
            long threshold;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM event ORDER BY seq DESC OFFSET ? ROWS FETCH NEXT 1 ROW ONLY")) {
                ps.setLong(1, keep);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return 0;
                    }
                    threshold = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM event WHERE seq <= ?")) {
                ps.setLong(1, threshold);
                return ps.executeUpdate();
            }
        });
    }

    private static StringBuilder where(EventQuery q, List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE org_id = ?");
        args.add(q.org());
        if (q.deviceType() != null) {
            sql.append(" AND device_type = ?");
            args.add(q.deviceType());
        }
        if (q.deviceId() != null) {
            sql.append(" AND device_id = ?");
            args.add(q.deviceId());
        }
        if (q.evtType() != null) {
            sql.append(" AND evt_type = ?");
            args.add(q.evtType());
        }
        if (q.start() != null) {
            sql.append(" AND received >= ?");
            args.add(q.start());
        }
        if (q.end() != null) {
            sql.append(" AND received <= ?");
            args.add(q.end());
        }
        return sql;
    }

    private static StoredEvent event(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getBytes(8));
    }
}
