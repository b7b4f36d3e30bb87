package io.cameliotf.emulator.store;

import java.time.Instant;

/**
 * A device type of an organization (later contract 2.2).
 *
 * @param classId {@link #DEVICE} or {@link #GATEWAY}
 * @param deviceInfo the template copied into devices registered later that lack a value
 * @param metadataJson free-form metadata as JSON object text, or null
 */
public record DeviceType(String org, String id, String classId, String description, DeviceInfo deviceInfo,
        String metadataJson, Instant created, Instant updated) {

    public static final String DEVICE = "Device";
    public static final String GATEWAY = "Gateway";
}
