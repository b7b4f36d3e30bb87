package io.cameliotf.emulator.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The device table's columns, and which field of the API each one holds: the one place that maps API field names
 * (as lists filter and sort by them) to SQL, and rows to {@link Device}.
 */
final class DeviceColumns {

    /** The deviceInfo columns, in the order of {@link DeviceInfo#FIELDS}. */
    static final List<String> INFO;

    /** What an API field is stored as: a column and how its values compare. */
    enum Kind {
        TEXT, BOOLEAN, TIME
    }

    /**
     * A column a list may filter or sort by.
     *
     * @param nullable whether it may hold NULL (the key columns never do)
     */
    record Column(String sql, Kind kind, boolean nullable) {
        Column(String sql, Kind kind) {
            this(sql, kind, true);
        }

        /**
         * The expression lists sort by: text never NULL, so that keyset comparisons see every row; a key column as it
         * is, so that the primary key's index serves the default order without sorting.
         */
        String sortExpression() {
            return kind == Kind.TEXT && nullable ? "COALESCE(" + sql + ", '')" : sql;
        }
    }

    /** API field name to column, for filters and sort keys (later contract 2.3). */
    static final Map<String, Column> FIELDS;

    static {
        List<String> info = new ArrayList<>();
        Map<String, Column> fields = new LinkedHashMap<>();
        fields.put("typeId", new Column("device_type", Kind.TEXT, false));
        fields.put("deviceId", new Column("device_id", Kind.TEXT, false));
        for (String field : DeviceInfo.FIELDS) {
            String column = "info_" + snake(field);
            info.add(column);
            fields.put("deviceInfo." + field, new Column(column, Kind.TEXT));
        }
        fields.put("gatewayTypeId", new Column("gateway_type", Kind.TEXT));
        fields.put("gatewayId", new Column("gateway_id", Kind.TEXT));
        fields.put("status.alert.enabled", new Column("alert_enabled", Kind.BOOLEAN));
        fields.put("status.alert.timestamp", new Column("alert_changed", Kind.TIME));
        fields.put("registration.date", new Column("registered", Kind.TIME));
        fields.put("registration.auth.id", new Column("registered_by", Kind.TEXT));
        INFO = Collections.unmodifiableList(info);
        FIELDS = Collections.unmodifiableMap(fields);
    }

    static final String SELECT = "org_id, device_type, device_id, token_hash, metadata, registered_by, "
            + "registered_by_type, registered, " + String.join(", ", INFO) + ", loc_latitude, loc_longitude, "
            + "loc_elevation, loc_accuracy, loc_measured, loc_updated, alert_enabled, alert_changed, gateway_type, "
            + "gateway_id, updated";

    private DeviceColumns() {
    }

    static Device device(ResultSet rs) throws SQLException {
        int c = 9;
        String[] info = new String[INFO.size()];
        for (int i = 0; i < info.length; i++) {
            info[i] = rs.getString(c++);
        }
        Location location = null;
        double latitude = rs.getDouble(c);
        if (!rs.wasNull()) {
            location = new Location(latitude, rs.getDouble(c + 1), (Double) rs.getObject(c + 2, Double.class),
                    (Double) rs.getObject(c + 3, Double.class), Sql.instant(rs, c + 4),
                    Sql.instant(rs, c + 5));
        }
        c += 6;
        return new Device(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                DeviceInfo.of(info), location, rs.getBoolean(c), Sql.instant(rs, c + 1), rs.getString(c + 2),
                rs.getString(c + 3), rs.getString(6), rs.getString(7), Sql.instant(rs, 8),
                Sql.instant(rs, c + 4));
    }

    /** Sets the parameters of the mutable columns (the ones after the key), from {@code first} on; returns the next. */
    static int setMutable(PreparedStatement ps, int first, Device d) throws SQLException {
        int c = first;
        ps.setString(c++, d.metadataJson());
        for (String value : d.info().values()) {
            ps.setString(c++, value);
        }
        Location l = d.location();
        if (l == null) {
            for (int i = 0; i < 4; i++) {
                ps.setNull(c++, Types.DOUBLE);
            }
            ps.setObject(c++, null);
            ps.setObject(c++, null);
        } else {
            ps.setDouble(c++, l.latitude());
            ps.setDouble(c++, l.longitude());
            ps.setObject(c++, l.elevation(), Types.DOUBLE);
            ps.setObject(c++, l.accuracy(), Types.DOUBLE);
            ps.setObject(c++, Sql.timestamp(l.measured()));
            ps.setObject(c++, Sql.timestamp(l.updated()));
        }
        ps.setBoolean(c++, d.alertEnabled());
        ps.setObject(c++, Sql.timestamp(d.alertChanged()));
        ps.setString(c++, d.gatewayType());
        ps.setString(c++, d.gatewayId());
        ps.setObject(c++, Sql.timestamp(d.updated()));
        return c;
    }

    /** {@code col = ?, ...} of the mutable columns, in the order of {@link #setMutable}. */
    static final String MUTABLE_ASSIGNMENTS = "metadata = ?, " + String.join(" = ?, ", INFO) + " = ?, "
            + "loc_latitude = ?, loc_longitude = ?, loc_elevation = ?, loc_accuracy = ?, loc_measured = ?, "
            + "loc_updated = ?, alert_enabled = ?, alert_changed = ?, gateway_type = ?, gateway_id = ?, updated = ?";

    /** The value of a filter or bookmark as the column's type. */
    static Object sqlValue(Column column, Object value) {
        switch (column.kind()) {
            case BOOLEAN:
                return value instanceof Boolean ? value : Boolean.valueOf(value.toString());
            case TIME:
                return value instanceof Instant ? Sql.timestamp((Instant) value)
                        : value instanceof Timestamp ? value : Sql.timestamp(Instant.parse(value.toString()));
            default:
                return value == null ? "" : value.toString();
        }
    }

    /** The value of a column of {@code d}, as {@link #sqlValue} reads it back from a bookmark. */
    static Object value(Device d, String field) {
        switch (field) {
            case "typeId":
                return d.type();
            case "deviceId":
                return d.id();
            case "gatewayTypeId":
                return nonNull(d.gatewayType());
            case "gatewayId":
                return nonNull(d.gatewayId());
            case "status.alert.enabled":
                return d.alertEnabled();
            case "status.alert.timestamp":
                return d.alertChanged().toString();
            case "registration.date":
                return d.registered().toString();
            case "registration.auth.id":
                return nonNull(d.registeredBy());
            default:
                return nonNull(d.info().get(field.substring("deviceInfo.".length())));
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String snake(String camel) {
        StringBuilder b = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                b.append('_').append(Character.toLowerCase(ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
