package io.cameliotf.emulator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes organizations, API keys and devices. Each method works on a connection handed in,
 * so that callers compose several of them into one transaction (nothing is half-written).
 */
public final class RegistryStore {

    private static final String DEVICE_COLUMNS =
            "org_id, device_type, device_id, token_hash, metadata, registered_by, registered_by_type, registered";

    private final Database db;

    public RegistryStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    // ---- organizations

    public Optional<Organization> organization(String id) {
        return db.read(c -> organization(c, id));
    }

    public Optional<Organization> organization(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, created, updated FROM organization WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Organization(rs.getString(1), rs.getString(2),
                        instant(rs, 3), instant(rs, 4))) : Optional.empty();
            }
        }
    }

    public List<Organization> organizations() {
        return db.read(c -> {
            List<Organization> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, created, updated FROM organization ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Organization(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4)));
                }
            }
            return result;
        });
    }

    public void insertOrganization(Connection c, Organization org) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO organization (id, name, created, updated) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, org.id());
            ps.setString(2, org.name());
            ps.setObject(3, timestamp(org.created()));
            ps.setObject(4, timestamp(org.updated()));
            ps.executeUpdate();
        }
    }

    // ---- API keys

    public Optional<ApiKey> apiKey(String key) {
        return db.read(c -> apiKey(c, key));
    }

    public Optional<ApiKey> apiKey(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT api_key, org_id, token_hash, created FROM api_key WHERE api_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ApiKey(rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs, 4))) : Optional.empty();
            }
        }
    }

    public void insertApiKey(Connection c, ApiKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO api_key (api_key, org_id, token_hash, created) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, key.key());
            ps.setString(2, key.org());
            ps.setString(3, key.tokenHash());
            ps.setObject(4, timestamp(key.created()));
            ps.executeUpdate();
        }
    }

    // ---- devices

    public Optional<Device> device(String org, String type, String id) {
        return db.read(c -> device(c, org, type, id));
    }

    public Optional<Device> device(Connection c, String org, String type, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + DEVICE_COLUMNS
                + " FROM device WHERE org_id = ? AND device_type = ? AND device_id = ?")) {
            ps.setString(1, org);
            ps.setString(2, type);
            ps.setString(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(device(rs)) : Optional.empty();
            }
        }
    }

    /** The devices of an organization, of one type when {@code type} is not null, ordered by type and id. */
    public List<Device> devices(String org, String type) {
        return db.read(c -> {
            String sql = "SELECT " + DEVICE_COLUMNS + " FROM device WHERE org_id = ?"
                    + (type == null ? "" : " AND device_type = ?") + " ORDER BY device_type, device_id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, org);
                if (type != null) {
                    ps.setString(2, type);
                }
                List<Device> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(device(rs));
                    }
                }
                return result;
            }
        });
    }

    public List<DeviceTypeCount> deviceTypes(String org) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT device_type, COUNT(*) FROM device WHERE org_id = ?"
                    + " GROUP BY device_type ORDER BY device_type")) {
                ps.setString(1, org);
                List<DeviceTypeCount> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new DeviceTypeCount(rs.getString(1), rs.getInt(2)));
                    }
                }
                return result;
            }
        });
    }

    public void insertDevice(Connection c, Device d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device (" + DEVICE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.org());
            ps.setString(2, d.type());
            ps.setString(3, d.id());
            ps.setString(4, d.tokenHash());
            ps.setString(5, d.metadataJson());
            ps.setString(6, d.registeredBy());
            ps.setString(7, d.registeredByType());
            ps.setObject(8, timestamp(d.registered()));
            ps.executeUpdate();
        }
    }

    /** Replaces a device's metadata; false when the device does not exist. */
    public boolean updateDeviceMetadata(Connection c, String org, String type, String id, String metadataJson)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE device SET metadata = ? WHERE org_id = ? AND device_type = ? AND device_id = ?")) {
            ps.setString(1, metadataJson);
            ps.setString(2, org);
            ps.setString(3, type);
            ps.setString(4, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Deletes a device; false when it did not exist. */
    public boolean deleteDevice(Connection c, String org, String type, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM device WHERE org_id = ? AND device_type = ? AND device_id = ?")) {
            ps.setString(1, org);
            ps.setString(2, type);
            ps.setString(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    private static Device device(ResultSet rs) throws SQLException {
        return new Device(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), instant(rs, 8));
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
