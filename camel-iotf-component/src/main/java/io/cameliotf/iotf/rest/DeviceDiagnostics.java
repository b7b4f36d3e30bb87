package io.cameliotf.iotf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.iotf.model.IotfDeviceMgmt;
import io.cameliotf.iotf.model.IotfDiagErrorCode;
import io.cameliotf.iotf.model.IotfDiagLog;
import io.cameliotf.iotf.model.ModelJson;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * A device's management state and diagnostics in API v0002 (later contract 2.6, 2.7): {@code .../mgmt} (read only),
 * the diagnostic log ({@code .../diag/logs}, one entry at {@code .../diag/logs/{logId}}) and the error codes
 * ({@code .../diag/errorCodes}). The lists come newest first, as bare arrays (1.3). Errors are explained for the
 * operation ({@link MgmtErrors}).
 */
final class DeviceDiagnostics {

    private static final Set<String> LOG_ENTRY = Set.of("message", "severity", "data", "timestamp");
    private static final Set<String> ERROR_CODE = Set.of("errorCode", "timestamp");

    private final IotfRestClient rest;

    DeviceDiagnostics(IotfRestClient rest) {
        this.rest = rest;
    }

    Object perform(RegistryRequest r) throws IOException {
        String device = r.devicePath();
        try {
            return switch (r.operation()) {
                case getDeviceMgmt -> RegistryJson.read(get(device + "/mgmt"), IotfDeviceMgmt.class);
                case getDiagLogs -> RegistryJson.list(items(get(device + "/diag/logs")), IotfDiagLog.class);
                case addDiagLog -> added(rest.post(device + "/diag/logs", RegistryJson.requiredRequest(r.body(),
                        "The log entry of addDiagLog (the body)", LOG_ENTRY).toString()).json(), IotfDiagLog.class);
                case clearDiagLogs -> delete(device + "/diag/logs");
                case getDiagLog -> RegistryJson.read(get(logPath(r, device)), IotfDiagLog.class);
                case deleteDiagLog -> delete(logPath(r, device));
                case getDiagErrorCodes -> RegistryJson.list(items(get(device + "/diag/errorCodes")),
                        IotfDiagErrorCode.class);
                case addDiagErrorCode -> added(rest.post(device + "/diag/errorCodes", errorCode(r.body()).toString())
                        .json(), IotfDiagErrorCode.class);
                case clearDiagErrorCodes -> delete(device + "/diag/errorCodes");
                default -> throw new IllegalStateException("Not a diagnostics operation: " + r.operation());
            };
        } catch (IotfApiException e) {
            throw MgmtErrors.explain(e, r, r.deviceType() + "/" + r.deviceId());
        }
    }

    /** An Integer (or digits) body is the code; anything else is the entry, {errorCode, timestamp}. */
    private static ObjectNode errorCode(Object body) {
        if (body instanceof Number || body instanceof String && ((String) body).strip().matches("-?\\d+")) {
            ObjectNode json = ModelJson.MAPPER.createObjectNode();
            json.put("errorCode", body instanceof Number ? ((Number) body).intValue() : Integer.parseInt(((String) body)
                    .strip()));
            return json;
        }
        return RegistryJson.requiredRequest(body, "The error code of addDiagErrorCode (the body: an Integer, an "
                + "IotfDiagErrorCode or {errorCode})", ERROR_CODE);
    }

    /** The entry the service answered with (201), or null when it answered none. */
    private static <T> T added(JsonNode answer, Class<T> type) {
        return answer != null && answer.isObject() && answer.size() > 0 ? RegistryJson.read(answer, type) : null;
    }

    /** A bare array, or the items of a page envelope should the service wrap it. */
    private static JsonNode items(JsonNode json) {
        return json != null && json.isObject() ? json.get("results") : json;
    }

    private static String logPath(RegistryRequest r, String device) {
        return device + "/diag/logs/" + IotfRestClient.segment(r.diagLogId());
    }

    private JsonNode get(String path) throws IOException {
        return rest.get(path, Map.of(), Map.of()).json();
    }

    private Object delete(String path) throws IOException {
        rest.delete(path);
        return null;
    }
}
