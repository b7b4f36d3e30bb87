package io.cameliotf.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.auth.IotfNames;
import io.cameliotf.emulator.json.InvalidJsonException;
import io.cameliotf.emulator.json.StrictJson;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reading requests, with errors that name the field or parameter and what is wrong (400): JSON bodies, their
 * fields, path names and query parameters.
 */
public final class Requests {

    private Requests() {
    }

    /** The body as a JSON object. */
    public static ObjectNode jsonObject(Message in) {
        JsonNode json = json(in);
        if (!(json instanceof ObjectNode)) {
            throw ApiException.badRequest("The body must be a JSON object, not " + kind(json));
        }
        return (ObjectNode) json;
    }

    /** The body as a JSON array. */
    public static ArrayNode jsonArray(Message in) {
        JsonNode json = json(in);
        if (!(json instanceof ArrayNode)) {
            throw ApiException.badRequest("The body must be a JSON array, not " + kind(json));
        }
        return (ArrayNode) json;
    }

    private static JsonNode json(Message in) {
        requireJsonContentType(in);
        String body = in.getBody(String.class);
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("The request needs a JSON body");
        }
        try {
            return StrictJson.read(body);
        } catch (InvalidJsonException e) {
            throw ApiException.badRequest("The body is not valid JSON: " + e.getMessage());
        }
    }

    /**
     * Bodies of both APIs are JSON [3.1.6; later contract 1.1]: a body sent as something else (a form, text) is
     * refused as such (415), rather than parsed and called malformed JSON. No Content-Type at all is taken as JSON,
     * as the gateway documentation does for HTTP messages.
     */
    private static void requireJsonContentType(Message in) {
        String type = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (type == null || type.isBlank()) {
            return;
        }
        String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            throw new ApiException(415, "The body must be JSON, sent with Content-Type: application/json; this "
                    + "request's Content-Type is " + type);
        }
    }

    /** A string field; null when absent or null and not required. */
    public static String text(ObjectNode body, String field, boolean required) {
        JsonNode value = field(body, field, required, JsonNode::isTextual, "a string");
        return value == null ? null : value.asText();
    }

    /** An object field as JSON text; null when absent or null. */
    public static String object(ObjectNode body, String field) {
        ObjectNode value = objectNode(body, field);
        return value == null ? null : value.toString();
    }

    /** An object field; null when absent or null. */
    public static ObjectNode objectNode(ObjectNode body, String field) {
        return (ObjectNode) field(body, field, false, JsonNode::isObject, "a JSON object");
    }

    /** A number field; null when absent or null and not required. */
    public static Double number(ObjectNode body, String field, boolean required) {
        JsonNode value = field(body, field, required, JsonNode::isNumber, "a number");
        return value == null ? null : value.asDouble();
    }

    /** A boolean field; null when absent or null. */
    public static Boolean bool(ObjectNode body, String field) {
        JsonNode value = field(body, field, false, JsonNode::isBoolean, "true or false");
        return value == null ? null : value.asBoolean();
    }

    /** A field of the kind {@code test} accepts, or null when absent or null and not required. */
    private static JsonNode field(ObjectNode body, String field, boolean required, Predicate<JsonNode> test,
            String expected) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ApiException.badRequest("The field '" + field + "' is required");
            }
            return null;
        }
        if (!test.test(value)) {
            throw ApiException.badRequest("The field '" + field + "' must be " + expected + ", not " + kind(value));
        }
        return value;
    }

    /** A device type or id from the path (or a query parameter), of at most {@code maxLength} characters. */
    public static String name(Message in, String header, String what, int maxLength) {
        String value = in.getHeader(header, String.class);
        String problem = IotfNames.typeOrIdProblem(value, maxLength);
        if (problem != null) {
            throw ApiException.badRequest("The " + what + " '" + value + "' " + problem + " [3.1.6]");
        }
        return value;
    }

    /** As {@link #name}, or null when the request has no such parameter. */
    public static String optionalName(Message in, String header, String what, int maxLength) {
        return in.getHeader(header) == null ? null : name(in, header, what, maxLength);
    }

    /** A query parameter, or null when it is absent or empty. */
    public static String param(Message in, String name) {
        String value = in.getHeader(name, String.class);
        return value == null || value.isEmpty() ? null : value;
    }

    /** A whole-number query parameter from {@code min} to {@code max}, or {@code otherwise} when absent. */
    public static int intParam(Message in, String name, int min, int max, int otherwise, String reference) {
        String value = param(in, name);
        if (value == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw ApiException.badRequest(name + " must be a whole number from " + min + " to " + max + ", not '" + value
                + "'" + reference);
    }

    /** A query parameter of milliseconds since the epoch, or null when absent [3.2.2]. */
    public static Long millis(Message in, String name) {
        String value = param(in, name);
        if (value == null) {
            return null;
        }
        try {
            long millis = Long.parseLong(value);
            if (millis >= 0) {
                return millis;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw ApiException.badRequest(name + " must be milliseconds since 1970-01-01T00:00:00Z, not '" + value + "' [3.2.2]");
    }

    static String kind(JsonNode json) {
        return json == null ? "nothing" : json.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
