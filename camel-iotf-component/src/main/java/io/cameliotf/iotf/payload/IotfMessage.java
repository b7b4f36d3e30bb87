package io.cameliotf.iotf.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message in the IoTF payload format [5.4.1]: {@code {"d": {...}, "ts": "<ISO 8601>"}}, where {@code d} holds the
 * data of the event or command and the timestamp is optional.
 * <p>
 * Read one from bytes with {@link IotfPayloads#parse(byte[])} (or Camel's {@code convertBodyTo(IotfMessage.class)}),
 * build one from a Map, JsonNode or POJO with {@link #of(Object)}.
 */
public final class IotfMessage {

    private final ObjectNode data;
    private final String timestampText;
    /** Parsed on first use: most routes never ask, and parsing costs about a microsecond. */
    private OffsetDateTime timestamp;

    IotfMessage(ObjectNode data, String timestampText, OffsetDateTime timestamp) {
        this.data = Objects.requireNonNull(data, "data");
        this.timestampText = timestampText;
        this.timestamp = timestamp;
    }

    /** A message whose {@code d} is {@code data} (a Map, JsonNode object or POJO) and whose {@code ts} is now. */
    public static IotfMessage of(Object data) {
        return of(data, OffsetDateTime.now(Clock.systemUTC()));
    }

    /** A message whose {@code d} is {@code data} and whose {@code ts} is {@code timestamp} (none when null). */
    public static IotfMessage of(Object data, OffsetDateTime timestamp) {
        JsonNode node = data instanceof JsonNode ? (JsonNode) data : IotfPayloads.MAPPER.valueToTree(data);
        if (node == null || node.isNull()) {
            node = IotfPayloads.MAPPER.createObjectNode();
        }
        if (!node.isObject()) {
            throw new IotfPayloadException("The d element of an IoTF message must be a JSON object [5.4.1], but "
                    + (data == null ? "null" : data.getClass().getName()) + " becomes a JSON " + node.getNodeType().toString().toLowerCase());
        }
        return new IotfMessage((ObjectNode) node, timestamp == null ? null : IotfTimestamps.format(timestamp), timestamp);
    }

    /** The {@code d} element: the data of the event or command. */
    public ObjectNode data() {
        return data;
    }

    /** The {@code d} element as a POJO, Map or other type Jackson can bind to. */
    public <T> T dataAs(Class<T> type) {
        try {
            return IotfPayloads.MAPPER.treeToValue(data, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IotfPayloadException("The d element cannot be converted to " + type.getName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The {@code d} element as a Map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> dataAsMap() {
        return dataAs(Map.class);
    }

    /** The {@code ts} element, when present. */
    public Optional<OffsetDateTime> timestamp() {
        if (timestamp == null && timestampText != null) {
            timestamp = IotfTimestamps.parse(timestampText);
        }
        return Optional.ofNullable(timestamp);
    }

    /** The {@code ts} element as written in the payload, or null. */
    public String timestampText() {
        return timestampText;
    }

    /** The whole message as JSON: {@code {"d": ..., "ts": ...}}. */
    public ObjectNode toJsonNode() {
        ObjectNode json = IotfPayloads.MAPPER.createObjectNode();
        json.set("d", data);
        if (timestampText != null) {
            json.put("ts", timestampText);
        }
        return json;
    }

    /** The whole message as UTF-8 JSON bytes. */
    public byte[] toBytes() {
        return IotfPayloads.writeBytes(toJsonNode());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IotfMessage && ((IotfMessage) o).data.equals(data)
                && Objects.equals(((IotfMessage) o).timestampText, timestampText);
    }

    @Override
    public int hashCode() {
        return Objects.hash(data, timestampText);
    }

    /** The message as JSON text. */
    @Override
    public String toString() {
        return toJsonNode().toString();
    }
}
