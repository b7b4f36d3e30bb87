package io.cameliotf.iotf.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The d of a producer's operation, from the exchange's body [later §3.5.3, §3.5.4]: a Map, a JsonNode, a model
 * (IotfLocation, ...) or JSON text; a number for addErrorCode and plain text for addLog (its message). Checked before
 * anything is sent: an error names the operation and the field.
 */
final class MgmtBodies {

    private MgmtBodies() {
    }

    static JsonNode data(MgmtOperation operation, Object body, IotfMgmtConfiguration options) {
        if (operation.withoutData()) {
            return null;
        }
        if (operation == MgmtOperation.manage && isEmpty(body)) {
            return ManageSession.data(options, options.getMgmtDeviceInfo());
        }
        if (operation == MgmtOperation.addErrorCode && (body instanceof Number || isInteger(body))) {
            return MgmtJson.MAPPER.createObjectNode().put("errorCode", Integer.parseInt(body.toString().trim()));
        }
        if (operation == MgmtOperation.addLog && isPlainText(body)) {
            return withTimestamp(MgmtJson.MAPPER.createObjectNode().put("message", text(body)).put("severity", 0));
        }
        ObjectNode d = object(operation, body);
        switch (operation) {
            case updateLocation:
                require(d.hasNonNull("latitude") && d.hasNonNull("longitude"), "updateLocation needs latitude and "
                        + "longitude in its body [later §3.5.4]");
                break;
            case addLog:
                require(d.hasNonNull("message"), "addLog needs a message in its body [later §3.5.4]");
                require(!d.has("severity") || d.get("severity").canConvertToInt() && d.get("severity").asInt() >= 0
                        && d.get("severity").asInt() <= 2, "addLog's severity must be 0 (info), 1 (warning) or 2 "
                        + "(error), not " + d.get("severity") + " [later §2.7]");
                withTimestamp(d);
                break;
            case addErrorCode:
                require(d.hasNonNull("errorCode") && d.get("errorCode").canConvertToInt(), "addErrorCode needs an "
                        + "integer errorCode: a number as the body, or {\"errorCode\": n} [later §3.5.4]");
                break;
            default:
                break;
        }
        return d;
    }

    private static ObjectNode object(MgmtOperation operation, Object body) {
        require(!isEmpty(body), operation + " needs a body: a Map, a JsonNode, a model or JSON text [later §3.5.4]");
        JsonNode node;
        if (body instanceof JsonNode) {
            node = (JsonNode) body;
        } else if (body instanceof String || body instanceof byte[]) {
            try {
                node = MgmtJson.MAPPER.readTree(text(body));
            } catch (IOException e) {
                throw new IllegalArgumentException("The body of " + operation + " is no JSON: " + e.getMessage());
            }
        } else {
            node = MgmtJson.tree(body);
        }
        require(node != null && node.isObject(), "The body of " + operation + " must be a JSON object (the d of the "
                + "request), not " + (node == null ? "nothing" : node.getNodeType()));
        return ((ObjectNode) node).deepCopy();
    }

    private static ObjectNode withTimestamp(ObjectNode d) {
        if (!d.hasNonNull("timestamp")) {
            d.put("timestamp", OffsetDateTime.now(ZoneOffset.UTC).toString());
        }
        return d;
    }

    private static boolean isEmpty(Object body) {
        return body == null || body instanceof String && ((String) body).isBlank()
                || body instanceof byte[] && ((byte[]) body).length == 0;
    }

    private static boolean isInteger(Object body) {
        return body instanceof String && ((String) body).trim().matches("-?\\d{1,9}");
    }

    private static boolean isPlainText(Object body) {
        if (!(body instanceof String || body instanceof byte[])) {
            return false;
        }
        String text = text(body).trim();
        return !text.isEmpty() && !text.startsWith("{");
    }

    private static String text(Object body) {
        return body instanceof byte[] ? new String((byte[]) body, StandardCharsets.UTF_8) : body.toString();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
