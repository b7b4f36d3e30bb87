package io.cameliotf.emulator.store;

import java.time.Instant;

/**
 * A device management request initiated through {@code POST /mgmt/requests} (later contract 2.14).
 *
 * @param seq its place in the list (oldest first)
 * @param parametersJson its {@code parameters} as JSON text (an array of {@code {name, value}})
 * @param timeoutSeconds after how long devices not done are marked timed out, or null for never
 */
public record MgmtRequest(long seq, String id, String org, String action, String parametersJson,
        Integer timeoutSeconds, Instant created) {
}
