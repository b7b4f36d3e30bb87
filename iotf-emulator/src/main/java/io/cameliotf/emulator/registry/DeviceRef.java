package io.cameliotf.emulator.registry;

/** A device named by type and id, as bulk removal lists them. */
public record DeviceRef(String type, String id) {
}
