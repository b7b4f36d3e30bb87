package io.cameliotf.emulator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Device management requests and the status of each of their devices (later contract 2.14): tables
 * {@code mgmt_request} and {@code mgmt_request_device}. A device's row also holds the step of its flow and the
 * {@code reqId} it is to answer, so that an answer after a restart still finds its request.
 */
public final class MgmtRequestStore {

    private static final String REQUEST = "seq, id, org_id, action, parameters, timeout_seconds, created";
    private static final String DEVICE = "request_id, org_id, device_type, device_id, status, complete, rc, message, "
            + "step, pending_req_id, updated";

    private final Database db;

    public MgmtRequestStore(Database db) {
        this.db = db;
    }

    /** Stores a new request with its devices (all in progress). */
    public void insert(MgmtRequest r, List<RequestDevice> devices) {
        db.transaction(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "INSERT INTO mgmt_request (id, org_id, action, parameters, "
                    + "timeout_seconds, created) VALUES (?, ?, ?, ?, ?, ?)", Arrays.asList(r.id(), r.org(), r.action(),
                    r.parametersJson(), r.timeoutSeconds(), Sql.timestamp(r.created())))) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO mgmt_request_device (" + DEVICE
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RequestDevice d : devices) {
                    bind(ps, d);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public Optional<MgmtRequest> request(String org, String id) {
        return db.read(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "SELECT " + REQUEST + " FROM mgmt_request WHERE org_id = ? "
                    + "AND id = ?", List.of(org, id)); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(request(rs)) : Optional.empty();
            }
        });
    }

    /** Up to {@code limit} requests of {@code org} after {@code afterSeq} (0: from the first), oldest first. */
    public List<MgmtRequest> requests(String org, long afterSeq, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "SELECT " + REQUEST + " FROM mgmt_request WHERE org_id = ? "
                    + "AND seq > ? ORDER BY seq LIMIT ?", List.of(org, afterSeq, limit));
                    ResultSet rs = ps.executeQuery()) {
                List<MgmtRequest> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(request(rs));
                }
                return list;
            }
        });
    }

    public long count(String org) {
        return db.read(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "SELECT COUNT(*) FROM mgmt_request WHERE org_id = ?",
                    List.of(org)); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The requests some device of which is not complete (for timeouts after a restart). */
    public List<MgmtRequest> unfinished() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + REQUEST + " FROM mgmt_request r WHERE EXISTS "
                    + "(SELECT 1 FROM mgmt_request_device d WHERE d.request_id = r.id AND NOT d.complete)");
                    ResultSet rs = ps.executeQuery()) {
                List<MgmtRequest> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(request(rs));
                }
                return list;
            }
        });
    }

    /** Deletes a request and its devices' status. */
    public boolean delete(String org, String id) {
        return db.transaction(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "DELETE FROM mgmt_request WHERE org_id = ? AND id = ?",
                    List.of(org, id))) {
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement ps = Sql.prepare(c, "DELETE FROM mgmt_request_device WHERE request_id = ?",
                    List.of(id))) {
                ps.executeUpdate();
            }
            return true;
        });
    }

    /** Devices of a request ordered by type and id, after the given ones (null: from the first). */
    public List<RequestDevice> devices(String requestId, String afterType, String afterId, int limit) {
        return db.read(c -> {
            String after = afterType == null ? "" : " AND (device_type > ? OR device_type = ? AND device_id > ?)";
            List<Object> args = new ArrayList<>(List.of(requestId));
            if (afterType != null) {
                args.addAll(List.of(afterType, afterType, afterId));
            }
            args.add(limit);
            try (PreparedStatement ps = Sql.prepare(c, "SELECT " + DEVICE + " FROM mgmt_request_device WHERE "
                    + "request_id = ?" + after + " ORDER BY device_type, device_id LIMIT ?", args);
                    ResultSet rs = ps.executeQuery()) {
                return devices(rs);
            }
        });
    }

    /** How many devices the request has, by status, how many are complete, and when one last changed. */
    public RequestSummary summary(String requestId) {
        return db.read(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "SELECT status, COUNT(*), SUM(CASE WHEN complete THEN 1 ELSE 0 "
                    + "END), MAX(updated) FROM mgmt_request_device WHERE request_id = ? GROUP BY status",
                    List.of(requestId)); ResultSet rs = ps.executeQuery()) {
                java.util.Map<Integer, Long> byStatus = new java.util.TreeMap<>();
                long complete = 0;
                java.time.Instant updated = null;
                while (rs.next()) {
                    byStatus.put(rs.getInt(1), rs.getLong(2));
                    complete += rs.getLong(3);
                    java.time.Instant u = Sql.instant(rs, 4);
                    updated = updated == null || u != null && u.isAfter(updated) ? u : updated;
                }
                return new RequestSummary(byStatus, complete, updated);
            }
        });
    }

    /** One device of a request. */
    public Optional<RequestDevice> device(String requestId, String type, String id) {
        return db.read(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "SELECT " + DEVICE + " FROM mgmt_request_device WHERE "
                    + "request_id = ? AND device_type = ? AND device_id = ?", List.of(requestId, type, id));
                    ResultSet rs = ps.executeQuery()) {
                List<RequestDevice> list = devices(rs);
                return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
            }
        });
    }

    /** The device's entry that waits for the answer {@code reqId}. */
    public Optional<RequestDevice> pending(String org, String type, String id, String reqId) {
        return one("org_id = ? AND device_type = ? AND device_id = ? AND pending_req_id = ? AND NOT complete",
                List.of(org, type, id, reqId));
    }

    /** The device's entries not complete, of every request (oldest request first). */
    public List<RequestDevice> inProgress(String org, String type, String id) {
        return db.read(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "SELECT " + DEVICE + " FROM mgmt_request_device d WHERE "
                    + "org_id = ? AND device_type = ? AND device_id = ? AND NOT complete ORDER BY (SELECT r.seq FROM "
                    + "mgmt_request r WHERE r.id = d.request_id)", List.of(org, type, id));
                    ResultSet rs = ps.executeQuery()) {
                return devices(rs);
            }
        });
    }

    /** The entries of a request that are not complete. */
    public List<RequestDevice> incomplete(String requestId) {
        return db.read(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "SELECT " + DEVICE + " FROM mgmt_request_device WHERE "
                    + "request_id = ? AND NOT complete", List.of(requestId)); ResultSet rs = ps.executeQuery()) {
                return devices(rs);
            }
        });
    }

    public void update(RequestDevice d) {
        db.transaction(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "UPDATE mgmt_request_device SET status = ?, complete = ?, "
                    + "rc = ?, message = ?, step = ?, pending_req_id = ?, updated = ? WHERE request_id = ? AND "
                    + "device_type = ? AND device_id = ?", Arrays.asList(d.status(), d.complete(), d.rc(),
                    d.message(), d.step(), d.pendingReqId(), Sql.timestamp(d.updated()), d.requestId(), d.type(),
                    d.id()))) {
                ps.executeUpdate();
            }
            return null;
        });
    }

    private Optional<RequestDevice> one(String where, List<Object> args) {
        return db.read(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "SELECT " + DEVICE + " FROM mgmt_request_device WHERE " + where,
                    args); ResultSet rs = ps.executeQuery()) {
                List<RequestDevice> list = devices(rs);
                return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
            }
        });
    }

    private static void bind(PreparedStatement ps, RequestDevice d) throws SQLException {
        List<Object> values = Arrays.asList(d.requestId(), d.org(), d.type(), d.id(), d.status(), d.complete(), d.rc(),
                d.message(), d.step(), d.pendingReqId(), Sql.timestamp(d.updated()));
        for (int i = 0; i < values.size(); i++) {
            ps.setObject(i + 1, values.get(i));
        }
    }

    private static List<RequestDevice> devices(ResultSet rs) throws SQLException {
        List<RequestDevice> list = new ArrayList<>();
        while (rs.next()) {
            list.add(new RequestDevice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getInt(5), rs.getBoolean(6), (Integer) rs.getObject(7), rs.getString(8), rs.getString(9),
                    rs.getString(10), Sql.instant(rs, 11)));
        }
        return list;
    }

    private static MgmtRequest request(ResultSet rs) throws SQLException {
        return new MgmtRequest(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                (Integer) rs.getObject(6), Sql.instant(rs, 7));
    }

    /** The tables, created when missing (so a data directory of an earlier version opens as it is). */
    static void create(Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS mgmt_request ("
                + "seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, id VARCHAR(64) NOT NULL UNIQUE, "
                + "org_id VARCHAR(32) NOT NULL, action VARCHAR(1024) NOT NULL, parameters CHARACTER LARGE OBJECT, "
                + "timeout_seconds INT, created TIMESTAMP WITH TIME ZONE NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS mgmt_request_device ("
                + "request_id VARCHAR(64) NOT NULL, org_id VARCHAR(32) NOT NULL, device_type VARCHAR(64) NOT NULL, "
                + "device_id VARCHAR(64) NOT NULL, status INT NOT NULL, complete BOOLEAN NOT NULL, rc INT, "
                + "message VARCHAR(4096), step VARCHAR(32), pending_req_id VARCHAR(64), "
                + "updated TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (request_id, device_type, device_id))");
        s.execute("CREATE INDEX IF NOT EXISTS mgmt_request_device_of ON mgmt_request_device "
                + "(org_id, device_type, device_id, complete)");
    }
}
