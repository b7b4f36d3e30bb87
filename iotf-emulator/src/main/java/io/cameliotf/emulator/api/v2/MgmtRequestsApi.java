package io.cameliotf.emulator.api.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.ApiAuthenticator;
import io.cameliotf.emulator.api.ApiCaller;
import io.cameliotf.emulator.api.ApiException;
import io.cameliotf.emulator.api.Requests;
import io.cameliotf.emulator.api.RestResponses;
import io.cameliotf.emulator.auth.IotfNames;
import io.cameliotf.emulator.mgmt.NewRequest;
import io.cameliotf.emulator.mgmt.RequestEngine;
import io.cameliotf.emulator.mgmt.RequestQueries;
import io.cameliotf.emulator.mgmt.RequestRefusedException;
import io.cameliotf.emulator.registry.DeviceRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Device management requests in API v0002 (later contract 2.14), a face over {@link RequestEngine} and
 * {@link RequestQueries}.
 */
public final class MgmtRequestsApi {

    /** The longest {@code timeout} of a request, in seconds: the 7 days cloud-to-device messages are kept (3.2). */
    static final int MAX_TIMEOUT = 7 * 24 * 3600;
    private static final Pattern CUSTOM_ACTION = Pattern.compile("[A-Za-z0-9._-]{1,255}/[A-Za-z0-9._-]{1,255}");
    private static final Set<String> BUILT_IN = Set.of("device/reboot", "device/factoryReset", "firmware/download",
            "firmware/update");
    private static final List<String> FIELDS = List.of("action", "parameters", "devices", "timeout");

    private final ApiAuthenticator auth;
    private final RequestEngine requests;
    private final RequestQueries queries;

    public MgmtRequestsApi(ApiAuthenticator auth, RequestEngine requests, RequestQueries queries) {
        this.auth = auth;
        this.requests = requests;
        this.queries = queries;
    }

    /** POST /mgmt/requests[?override=true]: 202 {@code {"reqId": "<id>"}}. */
    public void initiate(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        NewRequest request = read(Requests.jsonObject(in));
        boolean override = "true".equalsIgnoreCase(Requests.param(in, "override"));
        String id = requests.initiate(caller.org(), request, override);
        ObjectNode json = io.cameliotf.emulator.api.Json.object();
        json.put("reqId", id);
        RestResponses.json(exchange, 202, json);
    }

    /** Reads the body, collecting every problem (400 with {@code violations}). */
    static NewRequest read(ObjectNode body) {
        List<String> violations = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                violations.add("'" + name + "' is not a field of a device management request; it takes "
                        + String.join(", ", FIELDS));
            }
        }
        JsonNode actionNode = body.get("action");
        String action = actionNode != null && actionNode.isTextual() ? actionNode.asText() : null;
        if (action == null) {
            violations.add("'action' is required: device/reboot, device/factoryReset, firmware/download, "
                    + "firmware/update or <bundleId>/<actionId>");
        } else if (!BUILT_IN.contains(action) && !CUSTOM_ACTION.matcher(action).matches()) {
            violations.add("'action' " + action + " is not device/reboot, device/factoryReset, firmware/download, "
                    + "firmware/update or <bundleId>/<actionId>");
        }
        Map<String, String> parameters = parameters(body.get("parameters"), violations);
        List<DeviceRef> devices = devices(body.get("devices"), violations);
        Integer timeout = null;
        JsonNode t = body.get("timeout");
        if (t != null && !t.isNull()) {
            if (!t.isIntegralNumber() || t.asLong() < 1 || t.asLong() > MAX_TIMEOUT) {
                violations.add("'timeout' must be a number of seconds from 1 to " + MAX_TIMEOUT + ", not " + t);
            } else {
                timeout = t.asInt();
            }
        }
        if (!violations.isEmpty()) {
            throw new RequestRefusedException(400, "The device management request is not valid: "
                    + String.join("; ", violations) + " (later contract 2.14)", violations);
        }
        return new NewRequest(action, parameters, devices, timeout);
    }

    private static Map<String, String> parameters(JsonNode json, List<String> violations) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (json == null || json.isNull()) {
            return parameters;
        }
        if (!json.isArray()) {
            violations.add("'parameters' must be an array of {\"name\": ..., \"value\": ...}");
            return parameters;
        }
        int i = 0;
        for (JsonNode p : json) {
            JsonNode name = p.get("name");
            JsonNode value = p.get("value");
            if (!p.isObject() || name == null || !name.isTextual() || name.asText().isEmpty()
                    || value != null && !value.isValueNode()) {
                violations.add("'parameters[" + i + "]' must be {\"name\": \"<text>\", \"value\": <text>}");
            } else {
                parameters.put(name.asText(), value == null || value.isNull() ? "" : value.asText());
            }
            i++;
        }
        return parameters;
    }

    private static List<DeviceRef> devices(JsonNode json, List<String> violations) {
        List<DeviceRef> devices = new ArrayList<>();
        if (json == null || !json.isArray()) {
            violations.add("'devices' is required: an array of 1 to " + RequestEngine.MAX_DEVICES
                    + " {\"typeId\": ..., \"deviceId\": ...}");
            return devices;
        }
        int i = 0;
        for (JsonNode d : json) {
            String type = d.path("typeId").isTextual() ? d.get("typeId").asText() : null;
            String id = d.path("deviceId").isTextual() ? d.get("deviceId").asText() : null;
            if (type == null || id == null || IotfNames.typeOrIdProblem(type) != null
                    || IotfNames.typeOrIdProblem(id) != null) {
                if (violations.size() < 20) {
                    violations.add("'devices[" + i + "]' must be {\"typeId\": <device type>, \"deviceId\": "
                            + "<device id>}, valid names of up to " + IotfNames.MAX_TYPE_OR_ID_LENGTH + " characters");
                }
            } else {
                devices.add(new DeviceRef(type, id));
            }
            i++;
        }
        if (json.size() == 0 || json.size() > RequestEngine.MAX_DEVICES) {
            violations.add("'devices' names " + json.size() + " devices: a request is for 1 to "
                    + RequestEngine.MAX_DEVICES);
        }
        return devices;
    }

    /** GET /mgmt/requests: a page, oldest first. */
    public void list(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        RestResponses.ok(exchange, V2Json.page(queries.list(caller.org(), Requests.param(in, "_bookmark"),
                V2Requests.limit(in)), MgmtJson::request));
    }

    public void get(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        RestResponses.ok(exchange, MgmtJson.request(queries.get(caller.org(), requestId(in))));
    }

    public void delete(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        requests.delete(caller.org(), requestId(in));
        RestResponses.noContent(exchange);
    }

    /** POST /mgmt/requests/{id}/cancel: 200 and the request, now complete. */
    public void cancel(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        RestResponses.ok(exchange, MgmtJson.request(requests.cancel(caller.org(), requestId(in))));
    }

    public void deviceStatus(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        RestResponses.ok(exchange, V2Json.page(queries.deviceStatus(caller.org(), requestId(in),
                Requests.param(in, "_bookmark"), V2Requests.limit(in)), MgmtJson::device));
    }

    public void oneDeviceStatus(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        RestResponses.ok(exchange, MgmtJson.device(queries.deviceStatus(caller.org(), requestId(in),
                V2Requests.name(in, "typeId", "device type"), V2Requests.name(in, "deviceId", "device id"))));
    }

    private static String requestId(Message in) {
        String id = in.getHeader("requestId", String.class);
        if (id == null || id.isEmpty()) {
            throw ApiException.badRequest("The path has no request id");
        }
        return id;
    }
}
