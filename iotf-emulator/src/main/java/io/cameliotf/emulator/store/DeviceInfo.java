package io.cameliotf.emulator.store;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The descriptive attributes of a device or the template of a device type (later contract 2.3): every one an
 * optional string. Kept in one column each, so that device lists can be filtered and sorted by them.
 */
public record DeviceInfo(String serialNumber, String manufacturer, String model, String deviceClass,
        String description, String fwVersion, String hwVersion, String descriptiveLocation) {

    /** The field names, in this record's order, as the API spells them. */
    public static final List<String> FIELDS = List.of("serialNumber", "manufacturer", "model", "deviceClass",
            "description", "fwVersion", "hwVersion", "descriptiveLocation");

    public static final DeviceInfo EMPTY = new DeviceInfo(null, null, null, null, null, null, null, null);

    /** The value of the field named {@code name} (one of {@link #FIELDS}). */
    public String get(String name) {
        return values()[index(name)];
    }

    /** The values, in the order of {@link #FIELDS}. */
    public String[] values() {
        return new String[] {serialNumber, manufacturer, model, deviceClass, description, fwVersion, hwVersion,
            descriptiveLocation};
    }

    public static DeviceInfo of(String... values) {
        if (values.length != FIELDS.size()) {
            throw new IllegalArgumentException("DeviceInfo has " + FIELDS.size() + " fields, not " + values.length);
        }
        return new DeviceInfo(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]);
    }

    /** The fields named in {@code values} (absent ones stay null). */
    public static DeviceInfo of(Map<String, String> values) {
        String[] v = new String[FIELDS.size()];
        values.forEach((name, value) -> v[index(name)] = value);
        return of(v);
    }

    /** This, with every field {@code update} has replacing this one's (the update of a device is a merge). */
    public DeviceInfo mergedWith(DeviceInfo update) {
        String[] mine = values();
        String[] theirs = update.values();
        for (int i = 0; i < mine.length; i++) {
            if (theirs[i] != null) {
                mine[i] = theirs[i];
            }
        }
        return of(mine);
    }

    /** This, with the fields it lacks taken from {@code template} (a device type's deviceInfo). */
    public DeviceInfo withDefaults(DeviceInfo template) {
        return template.mergedWith(this);
    }

    public boolean isEmpty() {
        return Arrays.stream(values()).allMatch(v -> v == null);
    }

    private static int index(String name) {
        int i = FIELDS.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("deviceInfo has no field '" + name + "'; it has " + FIELDS);
        }
        return i;
    }
}
