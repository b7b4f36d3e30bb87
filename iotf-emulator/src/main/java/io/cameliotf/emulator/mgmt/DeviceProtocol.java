package io.cameliotf.emulator.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.auth.ClientIdentity;
import io.cameliotf.emulator.json.InvalidJsonException;
import io.cameliotf.emulator.json.StrictJson;
import io.cameliotf.emulator.log.LogSafe;
import io.cameliotf.emulator.registry.RegistryException;
import io.cameliotf.emulator.store.Firmware;
import io.cameliotf.emulator.store.ManagedDevice;
import io.cameliotf.emulator.store.StoreUnavailableException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's side of the device management protocol (later contract 3.5): reads each request a device or gateway
 * publishes on {@code iotdevice-1/...}, does it, and answers {@code {"rc", "reqId", "message"?}} on
 * {@code iotdm-1/response} when the request has a {@code reqId} (3.5.2). Requests are handled one at a time, in the
 * order they arrived, off the broker's threads.
 */
final class DeviceProtocol implements ManagementInbox {

    static final int OK = 200;
    private static final Logger LOG = LoggerFactory.getLogger(DeviceProtocol.class);
    private static final List<String> OPS = List.of("mgmt/manage", "mgmt/unmanage", "device/update/location",
            "add/diag/errorCodes", "clear/diag/errorCodes", "add/diag/log", "clear/diag/log", "notify", "response");

    private final Management management;
    private final Diagnostics diagnostics;
    private final RequestEngine requests;
    private final DeviceChannel channel;
    private final ExecutorService executor;
    private final Clock clock;

    DeviceProtocol(Management management, Diagnostics diagnostics, RequestEngine requests, DeviceChannel channel,
            ExecutorService executor, Clock clock) {
        this.management = management;
        this.diagnostics = diagnostics;
        this.requests = requests;
        this.channel = channel;
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public void received(ClientIdentity from, String type, String id, String op, byte[] payload) {
        try {
            executor.execute(() -> handle(from, type, id, op, payload));
        } catch (RejectedExecutionException e) {
            LOG.debug("Device management request of {} dropped: the service is stopping", from.clientId());
        }
    }

    private void handle(ClientIdentity from, String type, String id, String op, byte[] payload) {
        DeviceChannel.Route route = DeviceChannel.Route.of(from);
        String topic = from.isGateway() ? "iotdevice-1/type/" + type + "/id/" + id + "/" + op : "iotdevice-1/" + op;
        ObjectNode request;
        try {
            JsonNode json = StrictJson.read(payload);
            if (json == null || !json.isObject()) {
                throw new InvalidJsonException("it is " + (json == null ? "empty" : "a JSON " + DmJson.kind(json))
                        + ", not an object");
            }
            request = (ObjectNode) json;
        } catch (InvalidJsonException e) {
            // no reqId can be read: the answer has none, so that the device still learns what is wrong
            reply(route, type, id, DmJson.response(400, null, "The payload of " + topic + " is not a JSON object ("
                    + e.getMessage() + "); send {\"d\": {...}, \"reqId\": \"<id>\"} (later contract 3.5.2)"));
            return;
        }
        JsonNode reqIdNode = request.get("reqId");
        String reqId = reqIdNode != null && reqIdNode.isTextual() ? reqIdNode.asText() : null;
        try {
            if (reqIdNode != null && !reqIdNode.isNull() && !reqIdNode.isTextual()) {
                throw DmJson.bad("'reqId' of " + topic + " must be a string, not " + DmJson.kind(reqIdNode));
            }
            if ("response".equals(op)) {
                response(from, type, id, request, topic);
                return;
            }
            int rc = handle(route, from.org(), type, id, op, request, topic);
            if (reqId != null) {
                reply(route, type, id, DmJson.response(rc, reqId, null));
            }
        } catch (DmException e) {
            LOG.debug("Refused {} of {}: rc {} {}", LogSafe.of(topic), from.clientId(), e.rc(),
                    LogSafe.of(e.getMessage()));
            if (reqId != null) {
                reply(route, type, id, DmJson.response(e.rc(), reqId, e.getMessage()));
            }
        } catch (RegistryException e) {
            if (reqId != null) {
                reply(route, type, id, DmJson.response(e.kind() == RegistryException.Kind.NOT_FOUND ? 404 : 400,
                        reqId, e.getMessage() + " (" + topic + ")"));
            }
        } catch (StoreUnavailableException e) {
            if (reqId != null) {
                reply(route, type, id, DmJson.response(DmException.INTERNAL, reqId, "The service could not keep "
                        + topic + ": " + e.getMessage() + "; try again"));
            }
        } catch (RuntimeException e) {
            LOG.error("Device management request {} of {} failed", LogSafe.of(topic), from.clientId(), e);
            if (reqId != null) {
                reply(route, type, id, DmJson.response(DmException.INTERNAL, reqId, "Internal error; the service "
                        + "log has the details"));
            }
        }
    }

    /** Does one request; returns its rc. */
    private int handle(DeviceChannel.Route route, String org, String type, String id, String op, ObjectNode request,
            String topic) {
        ObjectNode d = DmJson.d(request, topic);
        switch (op) {
            case "mgmt/manage" -> {
                management.manage(route, type, id, d, topic);
                requests.onManage(org, type, id);
            }
            case "mgmt/unmanage" -> management.unmanage(org, type, id);
            case "device/update/location" -> management.location(org, type, id, d, topic);
            case "add/diag/errorCodes" -> {
                if (!d.has("errorCode")) {
                    throw DmJson.bad("'d.errorCode' of " + topic + " is required (an integer)");
                }
                diagnostics.addErrorCode(org, type, id, DmJson.integer(d, "errorCode", 0, topic),
                        DmJson.time(d, "timestamp", topic));
            }
            case "clear/diag/errorCodes" -> diagnostics.clearErrorCodes(org, type, id);
            case "add/diag/log" -> diagnostics.addLog(org, type, id, DmJson.text(d, "message", true, topic),
                    (int) DmJson.integer(d, "severity", 0, topic), DmJson.text(d, "data", false, topic),
                    DmJson.time(d, "timestamp", topic));
            case "clear/diag/log" -> diagnostics.clearLogs(org, type, id);
            case "notify" -> notify(org, type, id, d, topic);
            default -> throw new DmException(DmException.NOT_FOUND, topic + " is not a device management request; "
                    + "they are iotdevice-1/" + String.join(", iotdevice-1/", OPS) + " (later contract 3.5.1)");
        }
        return OK;
    }

    /**
     * A notify (later contract 3.5.5): {@code d.field}/{@code d.value}, or {@code d.fields} of them (IBM's Python
     * client). Only {@code mgmt.firmware} is ever observed, while a firmware request of the device is in progress.
     */
    private void notify(String org, String type, String id, ObjectNode d, String topic) {
        ManagedDevice m = management.managed(org, type, id).orElseThrow(() -> Management.notManaged(type, id, topic));
        List<JsonNode> fields = new ArrayList<>();
        if (d.has("fields")) {
            if (!d.get("fields").isArray()) {
                throw DmJson.bad("'d.fields' of " + topic + " must be an array of {\"field\", \"value\"}");
            }
            d.get("fields").forEach(fields::add);
        } else {
            fields.add(d);
        }
        for (JsonNode f : fields) {
            String field = f.path("field").asText(null);
            JsonNode value = f.get("value");
            if (field == null || value == null) {
                throw DmJson.bad("A notify on " + topic + " names a 'field' and its 'value', as {\"d\": {\"field\": "
                        + "\"mgmt.firmware\", \"value\": {\"state\": 1}}}");
            }
            if (!"mgmt.firmware".equals(field)) {
                throw new DmException(DmException.NOT_FOUND, "The field " + field + " is not observed: the service "
                        + "observes only mgmt.firmware, during a firmware request (later contract 3.5.5)");
            }
            if (!value.isObject()) {
                throw DmJson.bad("The value of mgmt.firmware in " + topic + " must be a JSON object, as "
                        + "{\"state\": 1}");
            }
            Firmware current = m.firmware() == null ? new Firmware(null, null, null, null, 0, 0, null) : m.firmware();
            Firmware merged = merge(current, value, topic);
            if (!requests.hasFirmwareRequest(org, type, id)) {
                throw new DmException(DmException.NOT_FOUND, "mgmt.firmware is not observed: no firmware request "
                        + "for " + type + "/" + id + " is in progress (later contract 3.5.5)");
            }
            management.firmware(m, merged);
            requests.onFirmwareNotify(org, type, id, value);
            m = m.withFirmware(merged);
        }
    }

    private Firmware merge(Firmware f, JsonNode value, String topic) {
        int state = (int) DmJson.integer((ObjectNode) value, "state", f.state(), topic);
        int status = (int) DmJson.integer((ObjectNode) value, "updateStatus", f.updateStatus(), topic);
        if (state < 0 || state > 2) {
            throw DmJson.bad("mgmt.firmware.state " + state + " in " + topic + " is not 0 (idle), 1 (downloading) or "
                    + "2 (downloaded)");
        }
        if (status < 0 || status > 6) {
            throw DmJson.bad("mgmt.firmware.updateStatus " + status + " in " + topic + " is not one of 0 to 6");
        }
        ObjectNode v = (ObjectNode) value;
        return new Firmware(textOr(v, "version", f.version(), topic), textOr(v, "name", f.name(), topic),
                textOr(v, "uri", f.uri(), topic), textOr(v, "verifier", f.verifier(), topic), state, status,
                clock.instant());
    }

    private static String textOr(ObjectNode v, String field, String otherwise, String topic) {
        String text = DmJson.text(v, field, false, topic);
        return text == null ? otherwise : text;
    }

    /** A device's answer to a message of the service: {@code rc} (a number, or a string of digits) and reqId. */
    private void response(ClientIdentity from, String type, String id, ObjectNode response, String topic) {
        JsonNode rcNode = response.get("rc");
        int rc;
        if (rcNode != null && rcNode.isInt()) {
            rc = rcNode.asInt();
        } else if (rcNode != null && rcNode.isTextual() && rcNode.asText().matches("\\d{1,3}")) {
            rc = Integer.parseInt(rcNode.asText()); // IBM's docs show "rc": "response_code"
        } else {
            LOG.info("Ignored {} of {}: it has no numeric 'rc'", LogSafe.of(topic), from.clientId());
            return;
        }
        JsonNode message = response.get("message");
        requests.onResponse(from.org(), type, id, response.path("reqId").asText(null), rc,
                message == null || message.isNull() ? null : message.asText(), response.get("d"));
    }

    private void reply(DeviceChannel.Route route, String type, String id, ObjectNode response) {
        channel.send(route, type, id, "response", response);
    }
}
