package io.cameliotf.emulator.mgmt;

import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.registry.RegistryException;
import io.cameliotf.emulator.store.DiagLog;
import io.cameliotf.emulator.store.ErrorCode;
import io.cameliotf.emulator.store.ManagementStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Diagnostic logs and error codes of devices (later contract 2.7, 3.5.4), added by the device over MQTT or by an
 * application through the API; listed newest first. Every operation needs the device to be registered (NOT_FOUND).
 */
public final class Diagnostics {

    /** The highest severity: 0 informational, 1 warning, 2 error. */
    public static final int MAX_SEVERITY = 2;
    /** The most entries kept per device and list; older ones are pruned (the contract allows it, 2.7). */
    static final int MAX_ENTRIES = 1_000;
    static final int MAX_MESSAGE = 4_096;

    private final ManagementStore store;
    private final DeviceRegistry registry;
    private final Clock clock;

    Diagnostics(ManagementStore store, DeviceRegistry registry, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Adds a log entry; returns it with its id.
     *
     * @param data base64, or null
     * @param timestamp null for now
     * @throws RegistryException INVALID naming the bad value, NOT_FOUND for an unknown device
     */
    public DiagLog addLog(String org, String type, String id, String message, int severity, String data,
            Instant timestamp) {
        registry.get(org, type, id);
        if (message == null || message.isEmpty()) {
            throw invalid("'message' is required: the text of the log entry");
        }
        if (message.length() > MAX_MESSAGE) {
            throw invalid("'message' has " + message.length() + " characters; at most " + MAX_MESSAGE);
        }
        if (severity < 0 || severity > MAX_SEVERITY) {
            throw invalid("'severity' " + severity + " is not 0 (informational), 1 (warning) or 2 (error)");
        }
        if (data != null && !data.isEmpty()) {
            try {
                Base64.getDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                throw invalid("'data' must be base64 (diagnostic data), it is not: " + e.getMessage());
            }
        }
        DiagLog log = new DiagLog(UUID.randomUUID().toString(), message, severity,
                data == null || data.isEmpty() ? null : data, timestamp == null ? clock.instant() : timestamp);
        store.addLog(org, type, id, log);
        store.prune("diag_log", org, type, id, MAX_ENTRIES);
        return log;
    }

    public List<DiagLog> logs(String org, String type, String id) {
        registry.get(org, type, id);
        return store.logs(org, type, id);
    }

    public DiagLog log(String org, String type, String id, String logId) {
        return logs(org, type, id).stream().filter(l -> l.id().equals(logId)).findFirst()
                .orElseThrow(() -> logNotFound(type, id, logId));
    }

    public void deleteLog(String org, String type, String id, String logId) {
        registry.get(org, type, id);
        if (!store.deleteLog(org, type, id, logId)) {
            throw logNotFound(type, id, logId);
        }
    }

    public void clearLogs(String org, String type, String id) {
        registry.get(org, type, id);
        store.clearLogs(org, type, id);
    }

    public ErrorCode addErrorCode(String org, String type, String id, long errorCode, Instant timestamp) {
        registry.get(org, type, id);
        if (errorCode < Integer.MIN_VALUE || errorCode > Integer.MAX_VALUE) {
            throw invalid("'errorCode' " + errorCode + " is not a 32-bit integer");
        }
        ErrorCode code = new ErrorCode((int) errorCode, timestamp == null ? clock.instant() : timestamp);
        store.addErrorCode(org, type, id, code);
        store.prune("diag_error_code", org, type, id, MAX_ENTRIES);
        return code;
    }

    public List<ErrorCode> errorCodes(String org, String type, String id) {
        registry.get(org, type, id);
        return store.errorCodes(org, type, id);
    }

    /** Clears the error codes: the list is then empty (as IBM's 2019 SDK test observed, 2.7). */
    public void clearErrorCodes(String org, String type, String id) {
        registry.get(org, type, id);
        store.clearErrorCodes(org, type, id);
    }

    private static RegistryException invalid(String message) {
        return new RegistryException(RegistryException.Kind.INVALID, message + " (later contract 2.7)");
    }

    private static RegistryException logNotFound(String type, String id, String logId) {
        return new RegistryException(RegistryException.Kind.NOT_FOUND, "The device " + type + "/" + id
                + " has no diagnostic log entry " + logId);
    }
}
