package io.cameliotf.iotf.payload;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConverter;
import org.apache.camel.spi.TypeConverterRegistry;
import org.apache.camel.spi.TypeConvertible;
import org.apache.camel.support.TypeConverterSupport;

/**
 * camel-jackson's {@code byte[]} and {@code String} to {@code JsonNode} converters, with this component's rules on
 * {@code iotf:} exchanges and unchanged everywhere else.
 * <p>
 * camel-jackson registers those converters Camel-wide ({@code JacksonTypeConverters}: {@code readTree} with the
 * context's ObjectMapper), so Camel never asks a fallback converter about the pair. Its {@code readTree} turns an
 * empty payload into a MissingNode and {@code 42 43} into 42: on an {@code iotf:} exchange the component's rule is
 * that a payload that is not JSON fails with an {@link IotfPayloadException}. Each converter is therefore replaced by
 * one that converts {@code iotf:} exchanges itself and hands every other exchange to camel-jackson's converter.
 */
public final class ScopedJsonNodeConverter extends TypeConverterSupport {

    private static final Class<?>[] SOURCES = {byte[].class, String.class};

    private final TypeConverter camelJackson;

    private ScopedJsonNodeConverter(TypeConverter camelJackson) {
        this.camelJackson = camelJackson;
    }

    /**
     * Puts the scoped converters in place of camel-jackson's. Idempotent (every {@code iotf} component of a context
     * calls it); a pair without a converter (camel-jackson not loaded) is left to {@link IotfBodyConverters}'s
     * fallback.
     */
    public static void install(TypeConverterRegistry registry) {
        for (Class<?> from : SOURCES) {
            TypeConverter existing = registry.lookup(JsonNode.class, from);
            if (existing != null && !(existing instanceof ScopedJsonNodeConverter)) {
                // a plain put: addTypeConverter would ignore (or refuse) a second converter of the pair
                registry.addConverter(new TypeConvertible<>(from, JsonNode.class), new ScopedJsonNodeConverter(existing));
            }
        }
    }

    @Override
    public <T> T convertTo(Class<T> type, Exchange exchange, Object value) {
        if (IotfBodyConverters.fromIotf(exchange)) {
            Object json = IotfBodyConverters.convertPayload(JsonNode.class, value);
            return type.isInstance(json) ? type.cast(json) : null; // type is JsonNode, unless Camel matched a subtype
        }
        return camelJackson.convertTo(type, exchange, value);
    }

    @Override
    public boolean allowNull() {
        return camelJackson.allowNull();
    }

    @Override
    public String toString() {
        return "ScopedJsonNodeConverter[" + camelJackson + "]";
    }
}
