package io.cameliotf.iotf.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.iotf.model.IotfModel;
import io.cameliotf.iotf.model.ModelJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The registry's JSON both ways: request bodies from what a route sends (a model object, a Map, JsonNode, POJO or
 * JSON text), and the typed model from the service's answers.
 */
final class RegistryJson {

    private RegistryJson() {
    }

    /** The body as JSON: Map, JsonNode, POJO, JSON text or bytes; null for none. */
    static JsonNode json(Object body, String what) {
        if (body == null || body instanceof String && ((String) body).isBlank()) {
            return null;
        }
        if (body instanceof JsonNode) {
            return (JsonNode) body;
        }
        if (body instanceof String || body instanceof byte[]) {
            String text = body instanceof String ? (String) body : new String((byte[]) body, StandardCharsets.UTF_8);
            try {
                return ModelJson.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
            }
        }
        return ModelJson.MAPPER.valueToTree(body);
    }

    /** The body as a JSON object, or null for none; anything else is an error naming {@code what}. */
    static ObjectNode object(Object body, String what) {
        JsonNode json = json(body, what);
        if (json == null) {
            return null;
        }
        if (!json.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object, not " + json.getNodeType().toString()
                    .toLowerCase());
        }
        return (ObjectNode) json;
    }

    /** As {@link #request}, required. */
    static ObjectNode requiredRequest(Object body, String what, Set<String> writable) {
        ObjectNode json = request(body, what, writable);
        if (json == null) {
            throw new IllegalArgumentException(what + " is missing: set the body");
        }
        return json;
    }

    /**
     * The request of a model object: only {@code writable} of its fields (what the service takes in this call, not
     * what it sets itself); other bodies as they are.
     */
    static ObjectNode request(Object body, String what, Set<String> writable) {
        ObjectNode json = object(body, what);
        if (json != null && body instanceof IotfModel) {
            json.retain(writable);
        }
        return json;
    }

    /** The body as a list of JSON objects: a Collection, array, JsonNode array or JSON array text. */
    static ArrayNode list(Object body, String what, Set<String> writable) {
        List<Object> items = new ArrayList<>();
        if (body instanceof Collection) {
            items.addAll((Collection<?>) body);
        } else if (body instanceof Object[]) {
            items.addAll(List.of((Object[]) body));
        } else {
            JsonNode json = json(body, what);
            if (json == null || !json.isArray()) {
                throw new IllegalArgumentException(what + " must be a list (of IotfDevice, Map or JSON objects), not "
                        + (json == null ? "nothing" : json.getNodeType().toString().toLowerCase()));
            }
            json.forEach(items::add);
        }
        ArrayNode array = ModelJson.MAPPER.createArrayNode();
        for (int i = 0; i < items.size(); i++) {
            ObjectNode item = request(items.get(i), what + ", item " + (i + 1) + ",", writable);
            if (item == null) {
                throw new IllegalArgumentException(what + ", item " + (i + 1) + ", is null");
            }
            for (String required : List.of("typeId", "deviceId")) {
                if (!item.path(required).isTextual()) {
                    throw new IllegalArgumentException(what + ", item " + (i + 1) + ", has no " + required);
                }
            }
            array.add(item);
        }
        return array;
    }

    /** An answer as {@code type}. */
    static <T> T read(JsonNode json, Class<T> type) {
        try {
            return ModelJson.MAPPER.treeToValue(json, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("The IoTF API answered something that is not a " + type.getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    /** An answer's array as a list of {@code type}. */
    static <T> List<T> list(JsonNode array, Class<T> type) {
        List<T> list = new ArrayList<>();
        if (array != null) {
            for (JsonNode item : array) {
                list.add(read(item, type));
            }
        }
        return list;
    }
}
