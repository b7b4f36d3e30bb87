package io.cameliotf.iotf.payload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The payload rules of IoTF [5.4], in one place: what meets the IoTF specification, what is custom JSON, and how
 * bodies become payload bytes.
 */
public final class IotfPayloads {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    /**
     * Reads one JSON document and nothing after it: {@code {"d":{}} trailing} or {@code 42 43} is not JSON, as
     * {@link #classify} says (a plain {@code readTree} would return the first value and drop the rest).
     */
    private static final ObjectReader STRICT = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectReader MAP_READER = STRICT.forType(Map.class);

    private IotfPayloads() {
    }

    /** The object mapper this component reads and writes payloads with. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads a payload that must meet the IoTF specification [5.4.1]: a JSON object with only {@code d} (an object)
     * and {@code ts} (an ISO 8601 string).
     *
     * @throws IotfPayloadException saying which rule the payload breaks
     */
    public static IotfMessage parse(byte[] payload) {
        JsonNode json = readJson(payload);
        if (!json.isObject()) {
            throw new IotfPayloadException("Not an IoTF payload: the root is a JSON " + kind(json)
                    + ", not an object [5.4.1]");
        }
        JsonNode d = null;
        String ts = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            switch (field.getKey()) {
                case "d":
                    d = field.getValue();
                    break;
                case "ts":
                    if (!field.getValue().isTextual()) {
                        throw new IotfPayloadException("Not an IoTF payload: 'ts' is a JSON " + kind(field.getValue())
                                + ", not an ISO 8601 string [5.4.1]");
                    }
                    ts = field.getValue().asText();
                    if (!IotfTimestamps.isValid(ts)) {
                        throw new IotfPayloadException("Not an IoTF payload: 'ts' is '" + ts
                                + "', not an ISO 8601 timestamp such as 2014-12-30T14:47:36+00:00 [5.4.1]");
                    }
                    break;
                default:
                    throw new IotfPayloadException("Not an IoTF payload: unexpected top-level element '" + field.getKey()
                            + "'; only 'd' and 'ts' are allowed [5.4.1]");
            }
        }
        if (d == null) {
            throw new IotfPayloadException("Not an IoTF payload: the 'd' element is missing [5.4.1]");
        }
        if (!d.isObject()) {
            throw new IotfPayloadException("Not an IoTF payload: 'd' is a JSON " + kind(d) + ", not an object [5.4.1]");
        }
        return new IotfMessage((ObjectNode) d, ts, null);
    }

    /**
     * Says what a payload is without building it: one pass of the JSON tokenizer, nothing kept. Never throws.
     */
    public static PayloadType classify(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return PayloadType.OTHER;
        }
        try (JsonParser p = FACTORY.createParser(payload)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return PayloadType.OTHER;
            }
            boolean iotf = first == JsonToken.START_OBJECT;
            boolean hasD = false;
            if (iotf) {
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if ("d".equals(name) && value == JsonToken.START_OBJECT) {
                        hasD = true;
                    } else if (!"ts".equals(name) || value != JsonToken.VALUE_STRING
                            || !IotfTimestamps.isValid(p.getText())) {
                        iotf = false;
                    }
                    p.skipChildren();
                }
                if (t != JsonToken.END_OBJECT) {
                    return PayloadType.OTHER;
                }
            } else {
                p.skipChildren();
            }
            if (p.nextToken() != null) {
                return PayloadType.OTHER;
            }
            return iotf && hasD ? PayloadType.IOTF : PayloadType.JSON;
        } catch (IOException e) {
            return PayloadType.OTHER;
        }
    }

    /**
     * Reads any JSON document, and only one.
     *
     * @throws IotfPayloadException "Not JSON: ..." with the line and column where parsing failed, or saying that the
     *         payload is empty
     */
    public static JsonNode readJson(byte[] payload) {
        try {
            JsonNode json = STRICT.readTree(payload);
            if (json == null || json.isMissingNode()) {
                throw new IotfPayloadException("Not JSON: the payload is empty");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IotfPayloadException("Not JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr(), e);
        } catch (IOException e) {
            throw new IotfPayloadException("Not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * A JSON object payload as a Map in document order, in one pass (the Map camel-jackson makes of the same JSON:
     * Integer, Long, Double, Boolean, String, List and Map values). An IoTF payload gives {@code {"d": ..., "ts": ...}}.
     *
     * @throws IotfPayloadException when the payload is not JSON (as {@link #readJson}) or JSON other than an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMap(byte[] payload) {
        try {
            Map<String, Object> map = MAP_READER.readValue(payload);
            if (map != null) {
                return map;
            }
        } catch (IOException e) {
            // read again below, as a tree, to say what is wrong; failures are rare, so the fast path stays one pass
        }
        JsonNode json = readJson(payload);
        if (json.isObject()) { // not expected: the Map reader refused a JSON object
            return MAPPER.convertValue(json, Map.class);
        }
        throw new IotfPayloadException("The payload is a JSON " + kind(json) + ", not an object: it cannot convert to a "
                + "Map");
    }

    /**
     * The data of a JSON payload as {@code type}: the {@code d} element of an IoTF payload, the whole document of
     * custom JSON [5.4.2].
     */
    public static <T> T dataAs(byte[] payload, Class<T> type) {
        if (classify(payload) == PayloadType.IOTF) {
            return parse(payload).dataAs(type);
        }
        JsonNode json = readJson(payload);
        try {
            return MAPPER.treeToValue(json, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IotfPayloadException("The JSON payload cannot be converted to " + type.getName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The service refused payloads larger than this. */
    public static final int MAX_PAYLOAD_BYTES = 131_072;

    /**
     * The payload bytes of a producer's body: bytes and text as they are, an {@link IotfMessage} in its JSON form,
     * anything else (Map, JsonNode, List, POJO) as JSON. With {@code wrap}, a Map, JsonNode object, POJO or JSON object
     * text becomes {@code {"d": body, "ts": now}}; a body already in the IoTF format is left as it is.
     *
     * @throws IotfPayloadException when the body cannot be sent as asked, or is over the service's size limit
     */
    public static byte[] toPayload(Object body, boolean wrap) {
        byte[] payload = encode(body, wrap);
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IotfPayloadException("The payload of " + payload.length + " bytes is over the IoTF service's "
                    + "limit of " + MAX_PAYLOAD_BYTES + " bytes: the service would refuse it and drop the connection");
        }
        return payload;
    }

    private static byte[] encode(Object body, boolean wrap) {
        if (body == null) {
            throw new IotfPayloadException("The message body is empty: there is nothing to publish");
        }
        if (body instanceof IotfMessage) {
            return ((IotfMessage) body).toBytes();
        }
        if (body instanceof byte[] || body instanceof String) {
            byte[] bytes = body instanceof byte[] ? (byte[]) body : ((String) body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (!wrap) {
                return bytes;
            }
            PayloadType type = classify(bytes);
            if (type == PayloadType.IOTF) {
                return bytes;
            }
            JsonNode json = type == PayloadType.JSON ? readJson(bytes) : null;
            if (json == null || !json.isObject()) {
                throw new IotfPayloadException("wrapPayload needs a JSON object, Map or POJO body to put in 'd', but the "
                        + "body is " + (json == null ? "not JSON" : "a JSON " + kind(json)));
            }
            return IotfMessage.of(json).toBytes();
        }
        return wrap ? IotfMessage.of(body).toBytes() : writeBytes(body);
    }

    static byte[] writeBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IotfPayloadException("Cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().toString().toLowerCase();
    }
}
