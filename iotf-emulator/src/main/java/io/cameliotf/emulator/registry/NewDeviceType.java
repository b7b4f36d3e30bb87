package io.cameliotf.emulator.registry;

import io.cameliotf.emulator.store.DeviceInfo;

/**
 * A device type to create (later contract 2.2).
 *
 * @param classId {@code Device} or {@code Gateway}; null for Device
 * @param info the deviceInfo template for devices registered later, or null
 */
public record NewDeviceType(String id, String classId, String description, DeviceInfo info, String metadataJson) {
}
