package io.cameliotf.iotf.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import org.apache.camel.Converter;

/** The REST model to JSON text and to Map, with the service's field names. */
@Converter(generateLoader = true)
public final class IotfModelConverters {

    private IotfModelConverters() {
    }

    @Converter
    public static String toString(IotfOrganization value) {
        return json(value);
    }

    @Converter
    public static Map<String, Object> toMap(IotfOrganization value) {
        return map(value);
    }

    @Converter
    public static String toString(IotfDevice value) {
        return json(value);
    }

    @Converter
    public static Map<String, Object> toMap(IotfDevice value) {
        return map(value);
    }

    @Converter
    public static String toString(IotfDeviceType value) {
        return json(value);
    }

    @Converter
    public static Map<String, Object> toMap(IotfDeviceType value) {
        return map(value);
    }

    @Converter
    public static String toString(IotfHistoricalEvent value) {
        return json(value);
    }

    @Converter
    public static Map<String, Object> toMap(IotfHistoricalEvent value) {
        return map(value);
    }

    @Converter
    public static String toString(IotfHistorianSummary value) {
        return json(value);
    }

    @Converter
    public static Map<String, Object> toMap(IotfHistorianSummary value) {
        return map(value);
    }

    private static String json(Object value) {
        try {
            return ModelJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return ModelJson.MAPPER.convertValue(value, Map.class);
    }
}
