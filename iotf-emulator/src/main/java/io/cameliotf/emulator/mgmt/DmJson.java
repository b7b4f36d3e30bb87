package io.cameliotf.emulator.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.store.DeviceInfo;
import io.cameliotf.emulator.store.Firmware;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON of the device management protocol (later contract 3.5.2): requests {@code {"d": {...}, "reqId": "..."}},
 * responses {@code {"rc": 200, "reqId": "...", "message": "..."}}, and reading the fields of {@code d}. Every problem
 * is a {@link DmException} naming the field and the request.
 */
final class DmJson {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final java.time.format.DateTimeFormatter MILLIS = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(java.time.ZoneOffset.UTC);

    private DmJson() {
    }

    /** A response; {@code message} only when there is one (every refusal has one), {@code reqId} when known. */
    static ObjectNode response(int rc, String reqId, String message) {
        ObjectNode json = JSON.createObjectNode();
        json.put("rc", rc);
        if (reqId != null) {
            json.put("reqId", reqId);
        }
        if (message != null) {
            json.put("message", message);
        }
        return json;
    }

    /** A request of the service with a new {@code reqId}, and {@code d} when not null. */
    static ObjectNode request(ObjectNode d) {
        ObjectNode json = JSON.createObjectNode();
        json.put("reqId", UUID.randomUUID().toString());
        if (d != null) {
            json.set("d", d);
        }
        return json;
    }

    /** {@code {"fields": [{"field": <name>}, ...]}}, as IBM's firmware examples show observe and cancel. */
    static ObjectNode fieldNames(String... names) {
        ObjectNode d = JSON.createObjectNode();
        ArrayNode fields = d.putArray("fields");
        for (String name : names) {
            fields.addObject().put("field", name);
        }
        return d;
    }

    /** {@code {"fields": [{"field": <name>, "value": <value>}]}}, the body of {@code iotdm-1/device/update}. */
    static ObjectNode field(String name, JsonNode value) {
        ObjectNode d = JSON.createObjectNode();
        ObjectNode field = d.putArray("fields").addObject();
        field.put("field", name);
        field.set("value", value);
        return d;
    }

    /** {@code mgmt.firmware} as the service sends it: every key present (IBM's Python client reads each one). */
    static ObjectNode firmware(Firmware f) {
        ObjectNode json = JSON.createObjectNode();
        json.put("version", nullToEmpty(f.version()));
        json.put("name", nullToEmpty(f.name()));
        json.put("uri", nullToEmpty(f.uri()));
        json.put("verifier", nullToEmpty(f.verifier()));
        json.put("state", f.state());
        json.put("updateStatus", f.updateStatus());
        json.put("updatedDateTime", "");
        return json;
    }

    /** The request's {@code d} object, or an empty one when it has none. */
    static ObjectNode d(ObjectNode request, String topic) {
        JsonNode d = request.get("d");
        if (d == null || d.isNull()) {
            return JSON.createObjectNode();
        }
        if (!d.isObject()) {
            throw bad("'d' of " + topic + " must be a JSON object, not " + kind(d));
        }
        return (ObjectNode) d;
    }

    /** An integer field of {@code d}, or {@code otherwise} when absent. */
    static long integer(ObjectNode d, String field, long otherwise, String topic) {
        JsonNode v = d.get(field);
        if (v == null || v.isNull()) {
            return otherwise;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw bad("'d." + field + "' of " + topic + " must be an integer, not " + kind(v));
        }
        return v.asLong();
    }

    static Double number(ObjectNode d, String field, boolean required, String topic) {
        JsonNode v = d.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw bad("'d." + field + "' of " + topic + " is required (a number)");
            }
            return null;
        }
        if (!v.isNumber()) {
            throw bad("'d." + field + "' of " + topic + " must be a number, not " + kind(v));
        }
        return v.asDouble();
    }

    static String text(ObjectNode d, String field, boolean required, String topic) {
        JsonNode v = d.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw bad("'d." + field + "' of " + topic + " is required (a string)");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw bad("'d." + field + "' of " + topic + " must be a string, not " + kind(v));
        }
        return v.asText();
    }

    static Instant time(ObjectNode d, String field, String topic) {
        String text = text(d, field, false, topic);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // IBM's Python client sends datetime.now().isoformat(): local time without an offset; taken as UTC
                return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw bad("'d." + field + "' of " + topic + " must be an ISO 8601 date and time "
                        + "(2026-12-01T10:15:30.000Z), not '" + text + "'");
            }
        }
    }

    /** A deviceInfo object: its keys the known fields, its values strings. */
    static DeviceInfo deviceInfo(JsonNode json, String topic) {
        if (!json.isObject()) {
            throw bad("'d.deviceInfo' of " + topic + " must be a JSON object, not " + kind(json));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!DeviceInfo.FIELDS.contains(e.getKey())) {
                throw bad("'d.deviceInfo." + e.getKey() + "' of " + topic + " is not a deviceInfo field; they are "
                        + String.join(", ", DeviceInfo.FIELDS));
            }
            if (!e.getValue().isNull()) {
                if (!e.getValue().isValueNode()) {
                    throw bad("'d.deviceInfo." + e.getKey() + "' of " + topic + " must be a string, not "
                            + kind(e.getValue()));
                }
                values.put(e.getKey(), e.getValue().asText());
            }
        }
        return DeviceInfo.of(values);
    }

    static String kind(JsonNode v) {
        return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    static DmException bad(String message) {
        return new DmException(DmException.BAD_REQUEST, message + " (later contract 3.5)");
    }

    /** An ISO 8601 date and time to the millisecond, as API v0002 writes them. */
    static String dateTime(Instant instant) {
        return instant == null ? null : MILLIS.format(instant);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
