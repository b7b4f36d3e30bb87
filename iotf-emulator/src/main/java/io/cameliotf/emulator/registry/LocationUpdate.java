package io.cameliotf.emulator.registry;

import java.time.Instant;

/**
 * A new location of a device (later contract 2.5): latitude and longitude are required, the rest may be null (and
 * are then removed: each update replaces the whole set).
 *
 * @param measured when it was measured, or null for the time of the update
 */
public record LocationUpdate(double latitude, double longitude, Double elevation, Double accuracy, Instant measured) {
}
