package io.cameliotf.iotf.rest;

import io.cameliotf.iotf.HeaderOrOption;
import io.cameliotf.iotf.IotfConfiguration;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.rules.ValueRules;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Message;

/**
 * What one registry operation works on, read from the message when the operation asks for it: the device type and id
 * (header, else option), the event id, the API key, the body, and for lists the page size, bookmark and further query
 * parameters. A missing value is an error naming the operation, the option and the header.
 */
final class RegistryRequest {

    private final Message in;
    private final IotfConfiguration c;
    private final RegistryOperation operation;
    private final ValueRules.Rule<String, String> name;

    RegistryRequest(Message in, IotfConfiguration c, RegistryOperation operation, int maxName) {
        this.in = in;
        this.c = c;
        this.operation = operation;
        this.name = ValueRules.name(maxName);
    }

    RegistryOperation operation() {
        return operation;
    }

    Message message() {
        return in;
    }

    String org() {
        return c.getOrg();
    }

    Object body() {
        return in.getBody();
    }

    /** The device type, required. */
    String deviceType() {
        return HeaderOrOption.require(in, IotfConstants.DEVICE_TYPE, c.getDeviceType(), "deviceType", name, what());
    }

    /** The device type, or null for all. */
    String deviceTypeIfAny() {
        return HeaderOrOption.find(in, IotfConstants.DEVICE_TYPE, c.getDeviceType(), name);
    }

    /** The device id, required. */
    String deviceId() {
        return HeaderOrOption.require(in, IotfConstants.DEVICE_ID, c.getDeviceId(), "deviceId", name, what());
    }

    /** The event id, required. */
    String event() {
        return HeaderOrOption.require(in, IotfConstants.EVENT, c.getEvent(), "event", ValueRules::level, what());
    }

    /** The device id, or null when neither header nor option gives one. */
    String deviceIdIfAny() {
        return HeaderOrOption.find(in, IotfConstants.DEVICE_ID, c.getDeviceId(), name);
    }

    /** The management action of the CamelIotfMgmtAction header, else of the option mgmtAction; null for neither. */
    String mgmtAction() {
        return HeaderOrOption.find(in, IotfConstants.MGMT_ACTION, c.getMgmtAction(), (what, v) -> v);
    }

    boolean mgmtOverride() {
        return c.isMgmtOverride();
    }

    boolean awaitCompletion() {
        return c.isAwaitCompletion();
    }

    long mgmtRequestTimeout() {
        return c.effectiveMgmtRequestTimeout();
    }

    /** The management request id of the CamelIotfMgmtRequestId header, required. */
    String mgmtRequestId() {
        return requiredHeader(IotfConstants.MGMT_REQUEST_ID, "the management request to act on (the answer of "
                + "initiateMgmtRequest sets it)");
    }

    /** The diagnostic log entry id of the CamelIotfDiagLogId header, required. */
    String diagLogId() {
        return requiredHeader(IotfConstants.DIAG_LOG_ID, "the id of the log entry (IotfDiagLog.getId())");
    }

    private String requiredHeader(String header, String what) {
        String value = in.getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what() + " needs " + what + " in the header " + header);
        }
        return value;
    }

    /** The API key of the CamelIotfApiKey header, required. */
    String apiKey() {
        String key = in.getHeader(IotfConstants.API_KEY, String.class);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(what() + " needs the API key to act on in the header "
                    + IotfConstants.API_KEY);
        }
        return key;
    }

    /** The device path of API v0002, /device/types/{typeId}/devices/{deviceId}. */
    String devicePath() {
        return "/device/types/" + IotfRestClient.segment(deviceType()) + "/devices/" + IotfRestClient.segment(deviceId());
    }

    /** The query of a list page (later contract 1.3): _limit, _bookmark, and the CamelIotfQuery header's parameters. */
    Map<String, String> listQuery(String bookmark) {
        Map<String, String> query = new LinkedHashMap<>();
        Map<?, ?> extra = in.getHeader(IotfConstants.QUERY, Map.class);
        if (extra != null) {
            extra.forEach((k, v) -> query.put(String.valueOf(k), String.valueOf(v)));
        }
        if (c.getPageSize() != null) {
            query.put("_limit", Integer.toString(c.getPageSize()));
        }
        if (bookmark != null) {
            query.put("_bookmark", bookmark);
        }
        return query;
    }

    /** The bookmark the message brings back, if any. */
    String bookmark() {
        return in.getHeader(IotfConstants.BOOKMARK, String.class);
    }

    boolean allPages() {
        return c.isAllPages();
    }

    int maxResults() {
        return c.getMaxResults();
    }

    private String what() {
        return "The registry operation " + operation;
    }
}
