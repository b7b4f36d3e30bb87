package io.cameliotf.iotf.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.iotf.model.ModelJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The envelope of every device management message [later §3.5.2]: requests {@code {"d": {...}, "reqId": "<id>"}},
 * responses {@code {"rc": int, "message"?: text, "d"?: {...}, "reqId": "<same>"}}.
 */
final class MgmtJson {

    static final ObjectMapper MAPPER = ModelJson.MAPPER;

    private MgmtJson() {
    }

    /** A message of the service, or of a device: a request (no rc) or a response. */
    record Incoming(String reqId, JsonNode d, Integer rc, String message) {
        boolean isResponse() {
            return rc != null;
        }
    }

    static byte[] request(String reqId, JsonNode d) {
        ObjectNode root = MAPPER.createObjectNode();
        if (d != null && !d.isNull()) {
            root.set("d", d);
        }
        root.put("reqId", reqId);
        return bytes(root);
    }

    static byte[] response(String reqId, int rc, String message, JsonNode d) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("rc", rc);
        if (message != null && !message.isEmpty()) {
            root.put("message", message);
        }
        if (d != null) {
            root.set("d", d);
        }
        root.put("reqId", reqId);
        return bytes(root);
    }

    /** @throws IllegalArgumentException when the payload is no JSON object */
    static Incoming parse(byte[] payload) {
        JsonNode root;
        try {
            root = MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode rc = root.get("rc");
        return new Incoming(text(root, "reqId"), root.get("d"), rc != null && rc.canConvertToInt() ? rc.asInt() : null,
                text(root, "message"));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static String utf8(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a management message: " + e.getMessage(), e);
        }
    }
}
