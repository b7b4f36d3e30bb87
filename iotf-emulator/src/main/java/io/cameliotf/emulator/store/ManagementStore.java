package io.cameliotf.emulator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The device management state of devices (later contract 2.6, 2.7): who is managed and how, {@code mgmt.firmware},
 * diagnostic logs and error codes. Tables {@code managed_device}, {@code diag_log}, {@code diag_error_code}.
 */
public final class ManagementStore {

    private static final String KEY = "org_id = ? AND device_type = ? AND device_id = ?";
    private static final String COLUMNS = "org_id, device_type, device_id, lifetime, device_actions, "
            + "firmware_actions, bundles, gateway_type, gateway_id, last_activity, fw_version, fw_name, fw_uri, "
            + "fw_verifier, fw_state, fw_update_status, fw_updated";

    private final Database db;

    public ManagementStore(Database db) {
        this.db = db;
    }

    public Optional<ManagedDevice> managed(String org, String type, String id) {
        return db.read(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "SELECT " + COLUMNS + " FROM managed_device WHERE " + KEY,
                    List.of(org, type, id)); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(managed(rs)) : Optional.empty();
            }
        });
    }

    /** Stores {@code m}, replacing what was stored for its device. */
    public void put(ManagedDevice m) {
        db.transaction(c -> {
            delete(c, "managed_device", m.org(), m.type(), m.id());
            Firmware f = m.firmware();
            try (PreparedStatement ps = Sql.prepare(c, "INSERT INTO managed_device (" + COLUMNS + ") VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Arrays.asList(m.org(), m.type(), m.id(),
                    m.lifetime(), m.deviceActions(), m.firmwareActions(), String.join(",", m.bundles()),
                    m.gatewayType(), m.gatewayId(), Sql.timestamp(m.lastActivity()),
                    f == null ? null : f.version(), f == null ? null : f.name(), f == null ? null : f.uri(),
                    f == null ? null : f.verifier(), f == null ? null : f.state(),
                    f == null ? null : f.updateStatus(), f == null ? null : Sql.timestamp(f.updated())))) {
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Forgets that the device is managed; its diagnostics stay. */
    public boolean unmanage(String org, String type, String id) {
        return db.transaction(c -> delete(c, "managed_device", org, type, id)) > 0;
    }

    /** Forgets everything of a deleted device. */
    public void forget(String org, String type, String id) {
        db.transaction(c -> {
            for (String table : List.of("managed_device", "diag_log", "diag_error_code")) {
                delete(c, table, org, type, id);
            }
            return null;
        });
    }

    // ---- diagnostic logs and error codes (later contract 2.7), newest first

    public void addLog(String org, String type, String id, DiagLog log) {
        db.transaction(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "INSERT INTO diag_log (org_id, device_type, device_id, log_id, "
                    + "message, severity, data, ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Arrays.asList(org, type, id,
                    log.id(), log.message(), log.severity(), log.data(), Sql.timestamp(log.timestamp())))) {
                ps.executeUpdate();
            }
            return null;
        });
    }

    public List<DiagLog> logs(String org, String type, String id) {
        return db.read(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "SELECT log_id, message, severity, data, ts FROM diag_log "
                    + "WHERE " + KEY + " ORDER BY seq DESC", List.of(org, type, id)); ResultSet rs = ps.executeQuery()) {
                List<DiagLog> logs = new ArrayList<>();
                while (rs.next()) {
                    logs.add(new DiagLog(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            Sql.instant(rs, 5)));
                }
                return logs;
            }
        });
    }

    public boolean deleteLog(String org, String type, String id, String logId) {
        return db.transaction(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "DELETE FROM diag_log WHERE " + KEY + " AND log_id = ?",
                    List.of(org, type, id, logId))) {
                return ps.executeUpdate() > 0;
            }
        });
    }

    public void clearLogs(String org, String type, String id) {
        db.transaction(c -> delete(c, "diag_log", org, type, id));
    }

    public void addErrorCode(String org, String type, String id, ErrorCode code) {
        db.transaction(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "INSERT INTO diag_error_code (org_id, device_type, device_id, "
                    + "error_code, ts) VALUES (?, ?, ?, ?, ?)", Arrays.asList(org, type, id, code.errorCode(),
                    Sql.timestamp(code.timestamp())))) {
                ps.executeUpdate();
            }
            return null;
        });
    }

    public List<ErrorCode> errorCodes(String org, String type, String id) {
        return db.read(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "SELECT error_code, ts FROM diag_error_code WHERE " + KEY
                    + " ORDER BY seq DESC", List.of(org, type, id)); ResultSet rs = ps.executeQuery()) {
                List<ErrorCode> codes = new ArrayList<>();
                while (rs.next()) {
                    codes.add(new ErrorCode(rs.getInt(1), Sql.instant(rs, 2)));
                }
                return codes;
            }
        });
    }

    public void clearErrorCodes(String org, String type, String id) {
        db.transaction(c -> delete(c, "diag_error_code", org, type, id));
    }

    /** Keeps the newest {@code keep} entries of a diagnostics table ({@code diag_log} or {@code diag_error_code}). */
    public void prune(String table, String org, String type, String id, int keep) {
        if (!table.equals("diag_log") && !table.equals("diag_error_code")) {
            throw new IllegalArgumentException("not a diagnostics table: " + table);
        }
        db.transaction(c -> {
            try (PreparedStatement ps = Sql.prepare(c, "DELETE FROM " + table + " WHERE " + KEY + " AND seq < "
                    + "COALESCE((SELECT MIN(seq) FROM (SELECT seq FROM " + table + " WHERE " + KEY
                    + " ORDER BY seq DESC LIMIT ?) AS newest), 0)", List.of(org, type, id, org, type, id, keep))) {
                return ps.executeUpdate();
            }
        });
    }

    private static int delete(Connection c, String table, String org, String type, String id) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, "DELETE FROM " + table + " WHERE " + KEY, List.of(org, type, id))) {
            return ps.executeUpdate();
        }
    }

    private static ManagedDevice managed(ResultSet rs) throws SQLException {
        String bundles = rs.getString(7);
        Set<String> set = bundles == null || bundles.isEmpty() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(bundles.split(",")));
        Firmware firmware = null;
        if (rs.getObject(15) != null) {
            firmware = new Firmware(rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                    rs.getInt(15), rs.getInt(16), Sql.instant(rs, 17));
        }
        Instant last = Sql.instant(rs, 10);
        return new ManagedDevice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBoolean(5),
                rs.getBoolean(6), set, rs.getString(8), rs.getString(9), last, firmware);
    }

    /** The tables, created when missing (so a data directory of an earlier version opens as it is). */
    static void create(java.sql.Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS managed_device ("
                + "org_id VARCHAR(32) NOT NULL, device_type VARCHAR(64) NOT NULL, device_id VARCHAR(64) NOT NULL, "
                + "lifetime BIGINT NOT NULL, device_actions BOOLEAN NOT NULL, firmware_actions BOOLEAN NOT NULL, "
                + "bundles VARCHAR(4096), gateway_type VARCHAR(64), gateway_id VARCHAR(64), "
                + "last_activity TIMESTAMP WITH TIME ZONE NOT NULL, fw_version VARCHAR(1024), fw_name VARCHAR(1024), "
                + "fw_uri VARCHAR(4096), fw_verifier VARCHAR(1024), fw_state INT, fw_update_status INT, "
                + "fw_updated TIMESTAMP WITH TIME ZONE, PRIMARY KEY (org_id, device_type, device_id))");
        s.execute("CREATE TABLE IF NOT EXISTS diag_log ("
                + "seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, org_id VARCHAR(32) NOT NULL, "
                + "device_type VARCHAR(64) NOT NULL, device_id VARCHAR(64) NOT NULL, log_id VARCHAR(64) NOT NULL, "
                + "message VARCHAR(4096) NOT NULL, severity INT NOT NULL, data CHARACTER LARGE OBJECT, "
                + "ts TIMESTAMP WITH TIME ZONE NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS diag_log_device ON diag_log (org_id, device_type, device_id, seq)");
        s.execute("CREATE TABLE IF NOT EXISTS diag_error_code ("
                + "seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, org_id VARCHAR(32) NOT NULL, "
                + "device_type VARCHAR(64) NOT NULL, device_id VARCHAR(64) NOT NULL, error_code INT NOT NULL, "
                + "ts TIMESTAMP WITH TIME ZONE NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS diag_error_code_device ON diag_error_code "
                + "(org_id, device_type, device_id, seq)");
    }
}
