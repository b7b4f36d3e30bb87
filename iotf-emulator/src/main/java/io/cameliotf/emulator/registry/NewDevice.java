package io.cameliotf.emulator.registry;

import io.cameliotf.emulator.store.DeviceInfo;

/**
 * What a registration supplies [3.1.6; later contract 2.3, 2.4].
 *
 * @param token the device's token, or null to have one generated
 * @param info its deviceInfo (fields it lacks come from its type's template), or null
 * @param location where it is, or null
 * @param metadataJson its metadata as JSON object text, or null
 */
public record NewDevice(String type, String id, String token, DeviceInfo info, LocationUpdate location,
        String metadataJson) {

    /** A device with a type and an id only (and a generated token). */
    public static NewDevice of(String type, String id) {
        return new NewDevice(type, id, null, null, null, null);
    }

    @Override
    public String toString() {
        return "NewDevice[" + type + "/" + id + (token == null ? "" : ", token ****") + "]";
    }
}
