package io.cameliotf.emulator.store;

import java.time.Instant;

/**
 * A diagnostic log entry of a device (later contract 2.7, 3.5.4).
 *
 * @param severity 0 informational, 1 warning, 2 error
 * @param data base64 diagnostic data, or null
 */
public record DiagLog(String id, String message, int severity, String data, Instant timestamp) {
}
