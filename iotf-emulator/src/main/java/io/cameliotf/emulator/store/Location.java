package io.cameliotf.emulator.store;

import java.time.Instant;

/**
 * Where a device is (later contract 2.5): WGS84 decimal degrees, metres. Each update replaces the whole set.
 *
 * @param elevation null when not given
 * @param accuracy null when not given
 * @param measured when the location was measured (the time of the update when the caller gave none)
 * @param updated when the service stored it
 */
public record Location(double latitude, double longitude, Double elevation, Double accuracy, Instant measured,
        Instant updated) {
}
