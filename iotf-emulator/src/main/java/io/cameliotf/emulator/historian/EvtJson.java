package io.cameliotf.emulator.historian;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.json.InvalidJsonException;
import io.cameliotf.emulator.json.StrictJson;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;

/**
 * What the historian returns as an event's {@code evt} [3.2, 5.4]: the {@code d} object of a payload in the IoTF
 * format [5.4.1]; the whole document of any other JSON [5.4.2]; and for payloads that are not JSON,
 * {@code {"text": "..."}} when they are UTF-8 text or {@code {"base64": "..."}} otherwise. JSON is read strictly
 * ({@link StrictJson}): what is not exactly one JSON value within its limits counts as text.
 */
public final class EvtJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvtJson() {
    }

    /** The {@code evt} of a payload. */
    public static JsonNode of(byte[] payload) {
        JsonNode json = readJson(payload);
        if (json != null) {
            JsonNode d = json.get("d");
            if (json.isObject() && d != null && d.isObject() && onlyDAndTs(json)) {
                return d;
            }
            return json;
        }
        ObjectNode raw = JSON.createObjectNode();
        String text = utf8(payload);
        if (text != null) {
            raw.put("text", text);
        } else {
            raw.put("base64", Base64.getEncoder().encodeToString(payload));
        }
        return raw;
    }

    private static boolean onlyDAndTs(JsonNode json) {
        for (Iterator<String> it = json.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!name.equals("d") && !(name.equals("ts") && json.get("ts").isTextual())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The payload as JSON by the service's strict rules ({@link StrictJson}), or null when it is not: a payload with
     * something after its JSON value, a number beyond a double, or nesting deeper than the limit is shown as its text,
     * as it was sent, rather than as a JSON value it does not hold.
     */
    private static JsonNode readJson(byte[] payload) {
        if (payload.length == 0) {
            return null;
        }
        try {
            return StrictJson.read(payload);
        } catch (InvalidJsonException e) {
            return null;
        }
    }

    private static String utf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
