package io.cameliotf.iotf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.model.IotfDevice;
import io.cameliotf.iotf.model.IotfDeviceRef;
import io.cameliotf.iotf.model.IotfMgmtRequest;
import io.cameliotf.iotf.model.ModelJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /mgmt/requests} (later contract 2.14) from what a route sends:
 * <ul>
 * <li>a whole request: an IotfMgmtRequest, a Map, a JsonNode or JSON object text with {@code devices}, and
 * optionally {@code action}, {@code parameters} (a list of {@code {name, value}} or a Map of name to value),
 * {@code override} and the service's further fields (such as its timeout), passed on as they are;</li>
 * <li>only the devices: a list (or array, or JSON array text) of IotfDevice, IotfDeviceRef, Maps with typeId and
 * deviceId, or {@code type/id} strings; or one of them;</li>
 * <li>no body: the device of the deviceType and deviceId options or headers.</li>
 * </ul>
 * The action is the body's, else the CamelIotfMgmtAction header's, else the mgmtAction option's.
 */
final class MgmtRequestBody {

    /** The most devices one request may have (2.14). */
    static final int MAX_DEVICES = 5000;

    /** What a request takes (2.14; timeout in seconds, the local service's name for the later field). */
    private static final Set<String> REQUEST = Set.of("action", "parameters", "devices", "timeout");
    private static final String WHAT = "The management request of initiateMgmtRequest (the body)";

    /** The JSON to send, and whether it asks for {@code override=true}. */
    record Built(ObjectNode json, boolean override) {
        /** What was sent, as the model (its id still to be set). */
        IotfMgmtRequest model() {
            return RegistryJson.read(json, IotfMgmtRequest.class);
        }
    }

    private MgmtRequestBody() {
    }

    static Built of(RegistryRequest r) {
        Object body = r.body();
        ObjectNode request = wholeRequest(body);
        JsonNode devices;
        if (request != null) {
            devices = request.remove("devices");
            if (devices == null || devices.isNull()) {
                throw new IllegalArgumentException(WHAT + " has no devices: give them as a list of {typeId, deviceId} "
                        + "objects or type/id strings [later contract 2.14]");
            }
        } else {
            request = ModelJson.MAPPER.createObjectNode();
            devices = null;
        }
        ArrayNode refs = devices != null ? devices(devices) : body == null || body instanceof String
                && ((String) body).isBlank() ? theEndpointsDevice(r) : devices(body);
        if (refs.isEmpty() || refs.size() > MAX_DEVICES) {
            throw new IllegalArgumentException(WHAT + " has " + refs.size() + " devices: a request takes 1 to "
                    + MAX_DEVICES + " [later contract 2.14]");
        }
        JsonNode override = request.remove("override");
        String action = action(request.path("action").isTextual() ? request.get("action").asText() : r.mgmtAction());
        ObjectNode json = ModelJson.MAPPER.createObjectNode();
        json.put("action", action);
        JsonNode parameters = request.remove("parameters");
        if (parameters != null && !parameters.isNull()) {
            json.set("parameters", parameters(parameters));
        }
        json.set("devices", refs);
        request.remove("action");
        json.setAll(request); // the service's further fields, such as timeout, as they are
        return new Built(json, r.mgmtOverride() || override != null && override.asBoolean());
    }

    /** The body as a whole request (a JSON object), or null when it is a device or a list of them. */
    private static ObjectNode wholeRequest(Object body) {
        if (body instanceof IotfMgmtRequest || body instanceof Map
                || body instanceof JsonNode && ((JsonNode) body).isObject()
                || body instanceof String && ((String) body).strip().startsWith("{")
                || body instanceof byte[]) {
            JsonNode json = RegistryJson.json(body, WHAT);
            if (json != null && json.isObject() && (json.has("devices") || json.has("action"))) {
                ObjectNode request = ((ObjectNode) json).deepCopy();
                if (body instanceof IotfMgmtRequest) { // one read from the service, sent again: what a request takes
                    request.retain(REQUEST);
                }
                return request;
            }
            if (json != null && json.isArray()) {
                return null;
            }
            if (json != null && !(json.has("typeId") && json.has("deviceId"))) {
                throw new IllegalArgumentException(WHAT + " is an object with neither devices nor typeId and deviceId: "
                        + "give a whole request {action, parameters, devices}, a device or a list of devices "
                        + "[later contract 2.14]");
            }
        }
        return null;
    }

    private static ArrayNode theEndpointsDevice(RegistryRequest r) {
        String type = r.deviceTypeIfAny();
        String id = r.deviceIdIfAny();
        if (type == null || id == null) {
            throw new IllegalArgumentException(WHAT + " is empty and no device is named: send the devices as the body "
                    + "(a list of IotfDevice, IotfDeviceRef or type/id strings, or a whole request with devices), or "
                    + "set the deviceType and deviceId options or the headers " + IotfConstants.DEVICE_TYPE + " and "
                    + IotfConstants.DEVICE_ID);
        }
        return ModelJson.MAPPER.createArrayNode().add(ref(new IotfDeviceRef(type, id), 1));
    }

    /** A list of devices, or one device, as [{typeId, deviceId}]. */
    private static ArrayNode devices(Object body) {
        Object devices = body;
        List<Object> items = new ArrayList<>();
        if (devices instanceof byte[]) {
            devices = new String((byte[]) devices, java.nio.charset.StandardCharsets.UTF_8);
        }
        if (devices instanceof Collection) {
            items.addAll((Collection<?>) devices);
        } else if (devices instanceof Object[]) {
            items.addAll(List.of((Object[]) devices));
        } else if (devices instanceof JsonNode && ((JsonNode) devices).isArray()) {
            ((JsonNode) devices).forEach(items::add);
        } else if (devices instanceof String && ((String) devices).strip().startsWith("[")) {
            RegistryJson.json(devices, WHAT).forEach(items::add);
        } else {
            items.add(devices);
        }
        ArrayNode array = ModelJson.MAPPER.createArrayNode();
        for (int i = 0; i < items.size(); i++) {
            array.add(ref(items.get(i), i + 1));
        }
        return array;
    }

    private static ObjectNode ref(Object item, int n) {
        String what = WHAT + ", device " + n + ",";
        IotfDeviceRef ref;
        if (item instanceof IotfDeviceRef) {
            ref = (IotfDeviceRef) item;
        } else if (item instanceof IotfDevice) {
            ref = new IotfDeviceRef(((IotfDevice) item).getTypeId(), ((IotfDevice) item).getDeviceId());
        } else if (item instanceof String || item instanceof JsonNode && ((JsonNode) item).isTextual()) {
            ref = IotfDeviceRef.parse(item instanceof String ? (String) item : ((JsonNode) item).asText(), what);
        } else {
            JsonNode json = RegistryJson.json(item, what);
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException(what + " is " + (json == null ? "null" : "not a device") + ": give "
                        + "an IotfDevice, IotfDeviceRef, Map with typeId and deviceId, or type/id");
            }
            ref = new IotfDeviceRef(json.path("typeId").asText(null), json.path("deviceId").asText(null));
        }
        for (String field : List.of("typeId", "deviceId")) {
            String value = field.equals("typeId") ? ref.getTypeId() : ref.getDeviceId();
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " has no " + field);
            }
        }
        ObjectNode json = ModelJson.MAPPER.createObjectNode();
        json.put("typeId", ref.getTypeId());
        json.put("deviceId", ref.getDeviceId());
        return json;
    }

    /** Parameters as [{name, value}]: from such a list, or from an object of name to value. */
    private static ArrayNode parameters(JsonNode parameters) {
        ArrayNode array = ModelJson.MAPPER.createArrayNode();
        if (parameters.isObject()) {
            parameters.fields().forEachRemaining(e -> array.addObject().put("name", e.getKey())
                    .put("value", e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
            return array;
        }
        if (!parameters.isArray()) {
            throw new IllegalArgumentException(WHAT + ": parameters must be a list of {name, value} or a Map of name "
                    + "to value, not " + parameters.getNodeType().toString().toLowerCase() + " [later contract 2.14]");
        }
        int n = 0;
        for (JsonNode p : parameters) {
            n++;
            if (!p.path("name").isTextual()) {
                throw new IllegalArgumentException(WHAT + ", parameter " + n + ", has no name: each is {name, value} "
                        + "[later contract 2.14]");
            }
            array.add(p);
        }
        return array;
    }

    /** The action, checked: device/reboot, device/factoryReset, firmware/download, firmware/update, bundle/action. */
    private static String action(String action) {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("initiateMgmtRequest needs its action: set the option mgmtAction, the "
                    + "header " + IotfConstants.MGMT_ACTION + " or the body's action (device/reboot, "
                    + "device/factoryReset, firmware/download, firmware/update or bundleId/actionId) "
                    + "[later contract 2.14]");
        }
        int slash = action.indexOf('/');
        if (slash <= 0 || slash == action.length() - 1 || action.indexOf('/', slash + 1) >= 0
                || action.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("The management action '" + action + "' is not of the form "
                    + "group/action: use device/reboot, device/factoryReset, firmware/download, firmware/update or "
                    + "bundleId/actionId [later contract 2.14]");
        }
        return action;
    }
}
