package io.cameliotf.iotf.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.apache.camel.Converter;

/** The REST model to JSON text, Map and JsonNode, with the service's field names. */
@Converter(generateLoader = true)
public final class IotfModelConverters {

    private IotfModelConverters() {
    }

    @Converter
    public static String toString(IotfModel value) {
        try {
            return ModelJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Converter
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(IotfModel value) {
        return ModelJson.MAPPER.convertValue(value, Map.class);
    }

    /** {@code type/id}, the short form of a device of a management request (later contract 2.14). */
    @Converter
    public static IotfDeviceRef toDeviceRef(String typeSlashId) {
        return IotfDeviceRef.parse(typeSlashId, "The device");
    }

    @Converter
    public static JsonNode toJsonNode(IotfModel value) {
        return ModelJson.MAPPER.valueToTree(value);
    }
}
