package io.cameliotf.emulator.registry;

import io.cameliotf.emulator.store.DeviceInfo;

/**
 * A change of a device (later contract 2.3): a merge, so what is null stays as it is.
 *
 * @param info the deviceInfo fields to replace (the others are kept), or null
 * @param metadataGiven whether {@code metadataJson} replaces the metadata (null then clears it)
 * @param alertEnabled the new {@code status.alert.enabled}, or null
 */
public record DeviceUpdate(DeviceInfo info, boolean metadataGiven, String metadataJson, Boolean alertEnabled) {

    /** Replaces the metadata only [3.1.7]. */
    public static DeviceUpdate metadata(String metadataJson) {
        return new DeviceUpdate(null, true, metadataJson, null);
    }
}
