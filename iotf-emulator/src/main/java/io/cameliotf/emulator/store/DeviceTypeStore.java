package io.cameliotf.emulator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes device types (later contract 2.2). Type templates (deviceInfo, metadata) are JSON text; lists are
 * keyset pages by id.
 */
public final class DeviceTypeStore {

    private static final String COLUMNS = "org_id, id, class_id, description, device_info, metadata, created, updated";

    private final Database db;

    public DeviceTypeStore(Database db) {
        this.db = db;
    }

    public Optional<DeviceType> type(String org, String id) {
        return db.read(c -> type(c, org, id));
    }

    public Optional<DeviceType> type(Connection c, String org, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM device_type WHERE org_id = ? AND id = ?")) {
            ps.setString(1, org);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(type(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Up to {@code limit} types of {@code org} with ids after {@code afterId} (from the first when null), by id.
     *
     * @param classId only types of this class, or null
     */
    public List<DeviceType> page(String org, String classId, String afterId, int limit) {
        return db.read(c -> {
            List<Object> args = new ArrayList<>(List.of(org));
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM device_type WHERE org_id = ?");
            if (classId != null) {
                sql.append(" AND class_id = ?");
                args.add(classId);
            }
            if (afterId != null) {
                sql.append(" AND id > ?");
                args.add(afterId);
            }
            sql.append(" ORDER BY id LIMIT ?");
            args.add(limit);
            List<DeviceType> result = new ArrayList<>();
            try (PreparedStatement ps = Sql.prepare(c, sql.toString(), args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(type(rs));
                }
            }
            return result;
        });
    }

    public long count(String org, String classId) {
        return db.read(c -> {
            List<Object> args = new ArrayList<>(List.of(org));
            String sql = "SELECT COUNT(*) FROM device_type WHERE org_id = ?" + (classId == null ? "" : " AND class_id = ?");
            if (classId != null) {
                args.add(classId);
            }
            try (PreparedStatement ps = Sql.prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public void insert(Connection c, DeviceType t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device_type (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, t.org());
            ps.setString(2, t.id());
            ps.setString(3, t.classId());
            ps.setString(4, t.description());
            ps.setString(5, DeviceInfoJson.write(t.deviceInfo()));
            ps.setString(6, t.metadataJson());
            ps.setObject(7, Sql.timestamp(t.created()));
            ps.setObject(8, Sql.timestamp(t.updated()));
            ps.executeUpdate();
        }
    }

    /** Adds a type of class Device unless it exists (a device registered through API v0001 names its type). */
    public void ensure(Connection c, String org, String id, Instant now) throws SQLException {
        if (type(c, org, id).isEmpty()) {
            insert(c, new DeviceType(org, id, DeviceType.DEVICE, null, DeviceInfo.EMPTY, null, now, now));
        }
    }

    /** Writes the description, deviceInfo, metadata and update time of {@code t}; false when it does not exist. */
    public boolean update(Connection c, DeviceType t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE device_type SET description = ?, device_info = ?, "
                + "metadata = ?, updated = ? WHERE org_id = ? AND id = ?")) {
            ps.setString(1, t.description());
            ps.setString(2, DeviceInfoJson.write(t.deviceInfo()));
            ps.setString(3, t.metadataJson());
            ps.setObject(4, Sql.timestamp(t.updated()));
            ps.setString(5, t.org());
            ps.setString(6, t.id());
            return ps.executeUpdate() == 1;
        }
    }

    public boolean delete(Connection c, String org, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM device_type WHERE org_id = ? AND id = ?")) {
            ps.setString(1, org);
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
        }
    }

    private static DeviceType type(ResultSet rs) throws SQLException {
        return new DeviceType(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                DeviceInfoJson.read(rs.getString(5)), rs.getString(6), Sql.instant(rs, 7), Sql.instant(rs, 8));
    }
}
