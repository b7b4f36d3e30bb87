package io.cameliotf.emulator.store;

/** A device type of an organization and how many devices it has [3.1.5]. */
public record DeviceTypeCount(String deviceType, int count) {
}
