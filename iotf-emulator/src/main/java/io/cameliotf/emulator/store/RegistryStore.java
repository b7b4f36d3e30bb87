package io.cameliotf.emulator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes organizations and API keys. Each method works on a connection handed in (or reads on a pooled
 * one), so that callers compose several of them into one transaction (nothing is half-written). Devices are in
 * {@link DeviceStore}, device types in {@link DeviceTypeStore}.
 */
public final class RegistryStore {

    private static final String KEY_COLUMNS = "api_key, org_id, token_hash, created, comment, roles";

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
                return rs.next() ? Optional.of(organization(rs)) : Optional.empty();
            }
        }
    }

    public List<Organization> organizations() {
        return db.read(c -> {
            List<Organization> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, created, updated FROM organization ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(organization(rs));
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
            ps.setObject(3, Sql.timestamp(org.created()));
            ps.setObject(4, Sql.timestamp(org.updated()));
            ps.executeUpdate();
        }
    }

    private static Organization organization(ResultSet rs) throws SQLException {
        return new Organization(rs.getString(1), rs.getString(2), Sql.instant(rs, 3), Sql.instant(rs, 4));
    }

    // ---- API keys

    public Optional<ApiKey> apiKey(String key) {
        return db.read(c -> apiKey(c, key));
    }

    public Optional<ApiKey> apiKey(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + KEY_COLUMNS + " FROM api_key WHERE api_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(apiKey(rs)) : Optional.empty();
            }
        }
    }

    /** The API keys of an organization, oldest first. */
    public List<ApiKey> apiKeys(String org) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + KEY_COLUMNS
                    + " FROM api_key WHERE org_id = ? ORDER BY created, api_key")) {
                ps.setString(1, org);
                List<ApiKey> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(apiKey(rs));
                    }
                }
                return result;
            }
        });
    }

    public void insertApiKey(Connection c, ApiKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_key (" + KEY_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, key.key());
            ps.setString(2, key.org());
            ps.setString(3, key.tokenHash());
            ps.setObject(4, Sql.timestamp(key.created()));
            ps.setString(5, key.comment());
            ps.setString(6, key.roles().isEmpty() ? null : String.join(",", key.roles()));
            ps.executeUpdate();
        }
    }

    /** Deletes an API key of {@code org}; false when it has no such key. */
    public boolean deleteApiKey(Connection c, String org, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM api_key WHERE org_id = ? AND api_key = ?")) {
            ps.setString(1, org);
            ps.setString(2, key);
            return ps.executeUpdate() == 1;
        }
    }

    private static ApiKey apiKey(ResultSet rs) throws SQLException {
        String roles = rs.getString(6);
        return new ApiKey(rs.getString(1), rs.getString(2), rs.getString(3), Sql.instant(rs, 4), rs.getString(5),
                roles == null || roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")));
    }
}
