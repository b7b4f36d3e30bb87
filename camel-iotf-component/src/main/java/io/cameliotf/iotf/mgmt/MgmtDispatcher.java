package io.cameliotf.iotf.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each request of the service to a managed device [later §3.5.5-§3.5.8], on the consumer's worker thread,
 * in the order they came: observe, cancel and the mgmt.firmware part of device/update by itself; the actions and
 * the other device/update fields through the route, its outcome the rc ({@link ResponseCodes}); an action the device
 * did not claim in its manage request is answered 501 without the route.
 */
final class MgmtDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(MgmtDispatcher.class);
    private static final String CUSTOM = "mgmt/custom/";

    private final MgmtTarget target;
    private final IotfMgmtConfiguration options;
    private final MgmtReplies replies;
    private final RouteRunner route;
    private final FirmwareFlow firmware;
    private final Runnable completed;

    /** @param completed sends the manage that completes a reboot or factory reset [later §3.5.6] */
    MgmtDispatcher(MgmtTarget target, IotfMgmtConfiguration options, MgmtReplies replies, RouteRunner route,
            FirmwareFlow firmware, Runnable completed) {
        this.target = target;
        this.options = options;
        this.replies = replies;
        this.route = route;
        this.firmware = firmware;
        this.completed = completed;
    }

    /** @param suffix the service's topic after iotdm-1/ (and the gateway's type/t/id/d/) */
    void handle(String suffix, MgmtJson.Incoming request) {
        String reqId = request.reqId();
        switch (suffix) {
            case "observe":
                observe(reqId, fieldNames(request.d()));
                break;
            case "cancel":
                replies.respond(reqId, ResponseCodes.OK, null, null);
                break;
            case "device/update":
                update(reqId, request.d());
                break;
            case "mgmt/initiate/device/reboot":
                deviceAction(reqId, "device/reboot");
                break;
            case "mgmt/initiate/device/factory_reset":
                deviceAction(reqId, "device/factoryReset");
                break;
            case "mgmt/initiate/firmware/download":
                if (firmwareSupported(reqId, "firmware/download")) {
                    firmware.download(reqId);
                }
                break;
            case "mgmt/initiate/firmware/update":
                if (firmwareSupported(reqId, "firmware/update")) {
                    firmware.update(reqId);
                }
                break;
            default:
                if (suffix.startsWith(CUSTOM)) {
                    custom(reqId, suffix.substring(CUSTOM.length()), request.d());
                } else {
                    LOG.warn("Device {} got a management request on iotdm-1/.../{} that it does not know: answering "
                            + "501", target, suffix);
                    replies.respond(reqId, ResponseCodes.NOT_IMPLEMENTED, "Device " + target + " does not implement "
                            + suffix + " [later §3.5.1]", null);
                }
        }
    }

    /** Observe: rc 200 with the current values, or 404 naming the fields this device cannot read [later §3.5.5]. */
    private void observe(String reqId, List<String> fields) {
        ArrayNode known = MgmtJson.MAPPER.createArrayNode();
        ArrayNode unknown = MgmtJson.MAPPER.createArrayNode();
        for (String field : fields) {
            if (FirmwareFlow.FIELD.equals(field)) {
                known.addObject().put("field", field).set("value", firmware.current());
            } else {
                unknown.addObject().put("field", field);
            }
        }
        ObjectNode d = MgmtJson.MAPPER.createObjectNode();
        d.set("fields", unknown.isEmpty() ? known : unknown);
        replies.respond(reqId, unknown.isEmpty() ? ResponseCodes.OK : ResponseCodes.NOT_FOUND,
                unknown.isEmpty() ? null : "Device " + target + " observes only " + FirmwareFlow.FIELD, d);
    }

    /**
     * device/update [later §3.5.4]: mgmt.firmware is kept by the firmware flow; the other fields (location,
     * metadata, deviceInfo) go to the route as a Map; rc 204 when the service asked for an answer.
     */
    private void update(String reqId, JsonNode d) {
        Map<String, Object> others = new LinkedHashMap<>();
        for (JsonNode field : array(d, "fields")) {
            String name = MgmtJson.text(field, "field");
            if (FirmwareFlow.FIELD.equals(name)) {
                firmware.set(field.get("value"));
            } else if (name != null) {
                others.put(name, MgmtJson.MAPPER.convertValue(field.get("value"), Object.class));
            }
        }
        if (others.isEmpty()) {
            replies.respond(reqId, ResponseCodes.CHANGED, null, null);
            return;
        }
        ResponseCodes.Reply reply = ResponseCodes.of(route.run("device/update", others), ResponseCodes.CHANGED);
        replies.respond(reqId, reply.rc(), reply.message(), null);
    }

    /** Reboot and factory reset [later §3.5.6]: the route, its rc (202), then a new manage as their completion. */
    private void deviceAction(String reqId, String action) {
        if (!options.isSupportsDeviceActions()) {
            notSupported(reqId, action, "set supportsDeviceActions=true");
            return;
        }
        Exchange done = route.run(action, null);
        ResponseCodes.Reply reply = ResponseCodes.of(done, ResponseCodes.ACCEPTED);
        replies.respond(reqId, reply.rc(), reply.message(), null);
        if (reply.ok()) {
            completed.run();
        }
    }

    private boolean firmwareSupported(String reqId, String action) {
        if (!options.isSupportsFirmwareActions()) {
            notSupported(reqId, action, "set supportsFirmwareActions=true");
            return false;
        }
        return true;
    }

    /** A custom action [later §3.5.8]: its parameters as a Map to the route; rc 200 when it completed. */
    private void custom(String reqId, String action, JsonNode d) {
        String bundle = action.contains("/") ? action.substring(0, action.indexOf('/')) : action;
        if (!options.bundles().contains(bundle)) {
            notSupported(reqId, action, "add " + bundle + " to supportedBundles");
            return;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (JsonNode field : array(d, "fields")) {
            JsonNode value = field.get("value");
            parameters.put(MgmtJson.text(field, "field"), value == null || value.isNull() ? null
                    : value.isValueNode() ? value.asText() : MgmtJson.MAPPER.convertValue(value, Object.class));
        }
        ResponseCodes.Reply reply = ResponseCodes.of(route.run(action, parameters), ResponseCodes.OK);
        replies.respond(reqId, reply.rc(), reply.message(), null);
    }

    private void notSupported(String reqId, String action, String fix) {
        String message = "Device " + target + " does not support " + action + ": its manage request did not claim it ("
                + fix + " on its iotf:device-management consumer) [later §3.5.3]";
        LOG.warn("{}; answering 501", message);
        replies.respond(reqId, ResponseCodes.NOT_IMPLEMENTED, message, null);
    }

    /** The names of d.fields (["mgmt.firmware"]) or of d.data ([{"field": ...}], the firmware examples' cancel). */
    private static List<String> fieldNames(JsonNode d) {
        List<String> names = new ArrayList<>();
        for (JsonNode f : array(d, "fields")) {
            names.add(f.isTextual() ? f.asText() : MgmtJson.text(f, "field"));
        }
        for (JsonNode f : array(d, "data")) {
            names.add(MgmtJson.text(f, "field"));
        }
        return names;
    }

    private static Iterable<JsonNode> array(JsonNode d, String name) {
        JsonNode a = d == null ? null : d.get(name);
        return a != null && a.isArray() ? a : List.of();
    }
}
