package io.cameliotf.emulator.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.json.InvalidJsonException;
import io.cameliotf.emulator.json.StrictJson;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The {@code _bookmark} of a list (later contract 1.3): the sort values of the last item of a page, so that the next
 * page starts right after it (keyset paging: no item repeated or skipped while the list changes), the order it was
 * made for, and the list's size as counted for its first page (so that later pages do not count again). Opaque to
 * clients: URL-safe base64 of a small JSON document.
 */
public final class Bookmark {

    /** Where a bookmark says the next page starts, and the list's size then. */
    public record Position(List<Object> values, long total) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Bookmark() {
    }

    /**
     * @param order the list's order, so that a bookmark of another order is refused rather than misread
     * @param values strings, booleans or numbers
     */
    public static String encode(String order, List<?> values, long total) {
        ObjectNode json = JSON.createObjectNode();
        json.put("o", order);
        json.put("t", total);
        ArrayNode v = json.putArray("v");
        for (Object value : values) {
            if (value instanceof Boolean) {
                v.add((Boolean) value);
            } else if (value instanceof Long || value instanceof Integer) {
                v.add(((Number) value).longValue());
            } else {
                v.add(value == null ? null : value.toString());
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The values of a bookmark made for {@code order}, with {@code count} values.
     *
     * @throws IllegalArgumentException when it is not a bookmark of this service for this order
     */
    public static Position decode(String bookmark, String order, int count) {
        JsonNode json;
        try {
            // a client sends it back: read by the rules of every client JSON (StrictJson's limits)
            json = StrictJson.read(Base64.getUrlDecoder().decode(bookmark));
        } catch (IllegalArgumentException | InvalidJsonException e) {
            throw new IllegalArgumentException("The _bookmark '" + bookmark + "' is not one this service returned");
        }
        if (json == null || !json.path("o").isTextual() || !json.path("v").isArray() || json.get("v").size() != count) {
            throw new IllegalArgumentException("The _bookmark '" + bookmark + "' is not one this service returned");
        }
        if (!json.get("o").asText().equals(order)) {
            throw new IllegalArgumentException("The _bookmark belongs to a list in another order (_sort="
                    + json.get("o").asText() + "): every page must use the same parameters as the first");
        }
        List<Object> values = new ArrayList<>(count);
        for (JsonNode v : json.get("v")) {
            values.add(v.isBoolean() ? (Object) v.asBoolean() : v.isNumber() ? (Object) v.asLong() : v.isNull() ? null : v.asText());
        }
        return new Position(values, json.path("t").asLong(-1));
    }
}
