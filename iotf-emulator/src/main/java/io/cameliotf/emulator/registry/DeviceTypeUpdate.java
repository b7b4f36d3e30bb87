package io.cameliotf.emulator.registry;

import io.cameliotf.emulator.store.DeviceInfo;

/**
 * A change of a device type (later contract 2.2); the id and class cannot change. What is not given stays.
 *
 * @param info the deviceInfo template fields to replace (others are kept), or null
 */
public record DeviceTypeUpdate(boolean descriptionGiven, String description, DeviceInfo info, boolean metadataGiven,
        String metadataJson) {
}
