package io.cameliotf.emulator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.stream.Collectors;

/**
 * Reads and writes devices. Methods that take a connection join the caller's transaction; lists are keyset pages in
 * any order of {@link #SORT_FIELDS}, so paging never repeats or skips a device, also while devices are added.
 */
public final class DeviceStore {

    /** Fields a device list can be filtered by (equality; not the times). */
    public static final Set<String> FILTER_FIELDS = DeviceColumns.FIELDS.entrySet().stream()
            .filter(e -> e.getValue().kind() != DeviceColumns.Kind.TIME).map(Map.Entry::getKey)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    /** Fields a device list can be sorted by. */
    public static final Set<String> SORT_FIELDS = DeviceColumns.FIELDS.keySet();

    private static final List<SortKey> DEFAULT_ORDER = List.of(new SortKey("typeId", false),
            new SortKey("deviceId", false));

    private final Database db;

    public DeviceStore(Database db) {
        this.db = db;
    }

    public Optional<Device> device(String org, String type, String id) {
        return db.read(c -> device(c, org, type, id));
    }

    public Optional<Device> device(Connection c, String org, String type, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + DeviceColumns.SELECT
                + " FROM device WHERE org_id = ? AND device_type = ? AND device_id = ?")) {
            ps.setString(1, org);
            ps.setString(2, type);
            ps.setString(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(DeviceColumns.device(rs)) : Optional.empty();
            }
        }
    }

    /** Every device of an organization, of one type when {@code type} is not null, ordered by type and id. */
    public List<Device> devices(String org, String type) {
        return db.read(c -> {
            String sql = "SELECT " + DeviceColumns.SELECT + " FROM device WHERE org_id = ?"
                    + (type == null ? "" : " AND device_type = ?") + " ORDER BY device_type, device_id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, org);
                if (type != null) {
                    ps.setString(2, type);
                }
                return list(ps);
            }
        });
    }

    /** One page of a device list. */
    public List<Device> page(DeviceQuery query) {
        return db.read(c -> {
            List<Object> args = new ArrayList<>();
            StringBuilder sql = new StringBuilder("SELECT " + DeviceColumns.SELECT + " FROM device");
            where(query, args, sql);
            List<SortKey> order = query.order();
            if (query.after() != null) {
                sql.append(" AND (").append(after(query, order, query.after(), args)).append(')');
            }
            // org_id first: then H2 reads the default order straight off the primary key and stops at the limit
            sql.append(" ORDER BY org_id");
            for (SortKey k : order) {
                sql.append(", ").append(column(k.field()).sortExpression()).append(k.descending() ? " DESC" : " ASC");
            }
            sql.append(" LIMIT ?");
            args.add(query.limit());
            try (PreparedStatement ps = Sql.prepare(c, sql.toString(), args)) {
                return list(ps);
            }
        });
    }

    /** How many devices match the filters of {@code query} (all pages). */
    public long count(DeviceQuery query) {
        return db.read(c -> {
            List<Object> args = new ArrayList<>();
            StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM device");
            where(query, args, sql);
            try (PreparedStatement ps = Sql.prepare(c, sql.toString(), args); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The sort values of {@code d} in {@code order}, as a page's bookmark keeps them. */
    public static List<Object> sortValues(Device d, List<SortKey> order) {
        List<Object> values = new ArrayList<>(order.size());
        for (SortKey k : order) {
            values.add(DeviceColumns.value(d, k.field()));
        }
        return values;
    }

    public List<DeviceTypeCount> typeCounts(String org) {
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

    /** How many devices of a type there are. */
    public int countOfType(Connection c, String org, String type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM device WHERE org_id = ? AND device_type = ?")) {
            ps.setString(1, org);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public void insert(Connection c, Device d) throws SQLException {
        String columns = "org_id, device_type, device_id, token_hash, registered_by, registered_by_type, registered, "
                + DeviceColumns.MUTABLE_ASSIGNMENTS.replace(" = ?", "");
        String marks = "?, ".repeat(columns.split(",").length - 1) + "?";
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device (" + columns + ") VALUES (" + marks + ")")) {
            ps.setString(1, d.org());
            ps.setString(2, d.type());
            ps.setString(3, d.id());
            ps.setString(4, d.tokenHash());
            ps.setString(5, d.registeredBy());
            ps.setString(6, d.registeredByType());
            ps.setObject(7, Sql.timestamp(d.registered()));
            DeviceColumns.setMutable(ps, 8, d);
            ps.executeUpdate();
        }
    }

    /** Writes every changeable property of {@code d}; false when the device does not exist. */
    public boolean update(Connection c, Device d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE device SET " + DeviceColumns.MUTABLE_ASSIGNMENTS
                + " WHERE org_id = ? AND device_type = ? AND device_id = ?")) {
            int next = DeviceColumns.setMutable(ps, 1, d);
            ps.setString(next, d.org());
            ps.setString(next + 1, d.type());
            ps.setString(next + 2, d.id());
            return ps.executeUpdate() == 1;
        }
    }

    /** Deletes a device; false when it did not exist. */
    public boolean delete(Connection c, String org, String type, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM device WHERE org_id = ? AND device_type = ? AND device_id = ?")) {
            ps.setString(1, org);
            ps.setString(2, type);
            ps.setString(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    private static void where(DeviceQuery query, List<Object> args, StringBuilder sql) {
        sql.append(" WHERE org_id = ?");
        args.add(query.org());
        if (query.type() != null) {
            sql.append(" AND device_type = ?");
            args.add(query.type());
        }
        for (Map.Entry<String, String> f : query.filters().entrySet()) {
            DeviceColumns.Column column = column(f.getKey());
            sql.append(" AND ").append(column.sortExpression()).append(" = ?");
            args.add(DeviceColumns.sqlValue(column, f.getValue()));
        }
    }

    /**
     * Rows after the bookmark in this order. In the primary key's order (type, id) a range the index bounds; in any
     * other, (k1 > v1) OR (k1 = v1 AND k2 > v2) OR ..., '<' for descending keys (those lists are sorted in full).
     */
    private static String after(DeviceQuery query, List<SortKey> order, List<Object> values, List<Object> args) {
        if (order.equals(DEFAULT_ORDER)) {
            if (query.type() != null) {
                args.add(values.get(1));
                return "device_id > ?";
            }
            args.add(values.get(0));
            args.add(values.get(1));
            return "(device_type, device_id) > (?, ?)";
        }
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < order.size(); i++) {
            sql.append(i == 0 ? "(" : " OR (");
            for (int j = 0; j < i; j++) {
                DeviceColumns.Column column = column(order.get(j).field());
                sql.append(column.sortExpression()).append(" = ? AND ");
                args.add(DeviceColumns.sqlValue(column, values.get(j)));
            }
            SortKey k = order.get(i);
            DeviceColumns.Column column = column(k.field());
            sql.append(column.sortExpression()).append(k.descending() ? " < ?" : " > ?").append(')');
            args.add(DeviceColumns.sqlValue(column, values.get(i)));
        }
        return sql.toString();
    }

    private static DeviceColumns.Column column(String field) {
        DeviceColumns.Column column = DeviceColumns.FIELDS.get(field);
        if (column == null) {
            throw new IllegalArgumentException("Devices cannot be listed by '" + field + "'");
        }
        return column;
    }

    private static List<Device> list(PreparedStatement ps) throws SQLException {
        List<Device> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(DeviceColumns.device(rs));
            }
        }
        return result;
    }
}
