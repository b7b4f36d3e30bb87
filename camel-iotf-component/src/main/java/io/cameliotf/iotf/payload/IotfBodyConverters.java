package io.cameliotf.iotf.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.IotfEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConverter;
import org.apache.camel.TypeConverterExists;
import org.apache.camel.TypeConverterExistsException;
import org.apache.camel.spi.TypeConverterRegistry;
import org.apache.camel.support.SimpleTypeConverter;

/**
 * The body of an {@code iotf:} exchange, the payload a consumer received ({@code byte[]}, or that payload as text),
 * to a {@code Map} or {@code JsonNode} of the whole JSON document, and to a POJO: from {@code d} of an IoTF payload,
 * from the whole document of custom JSON [5.4]. A payload that is not JSON raises an {@link IotfPayloadException}.
 * <p>
 * Only for exchanges that came from an {@code iotf:} consumer (their from endpoint is an {@link IotfEndpoint}, or
 * they carry the {@code CamelIotfPayloadType} header): a Camel-wide {@code byte[]} to {@code Map} converter would
 * change what every other component's bytes convert to. Elsewhere these converters answer "not mine" (null), and
 * Camel goes on as it would without them.
 */
@Converter(generateLoader = true)
public final class IotfBodyConverters {

    /**
     * This class's conversion as a type converter of its own, for {@link #pin}: one instance, so that pinning a pair
     * twice is a no-op.
     */
    private static final TypeConverter PINNED = new SimpleTypeConverter(false, IotfBodyConverters::convert);

    private IotfBodyConverters() {
    }

    /**
     * Camel consults fallback converters for every conversion that no converter of the pair answered: bail out on
     * the value's and the target's class first (most calls end there), then on the exchange.
     */
    @Converter(fallback = true)
    public static Object convertTo(Class<?> type, Exchange exchange, Object value, TypeConverterRegistry registry) {
        if (!(value instanceof byte[]) && !(value instanceof String) || !isTarget(type)) {
            return null;
        }
        pin(registry, type, value.getClass());
        return convert(type, exchange, value);
    }

    /**
     * The conversion itself; null when the exchange is not an {@code iotf:} one or {@code type} is not one of ours.
     *
     * @throws IotfPayloadException when the payload cannot be what is asked (not JSON, not an object for a Map, ...)
     */
    static Object convert(Class<?> type, Exchange exchange, Object value) {
        return fromIotf(exchange) ? convertPayload(type, value) : null;
    }

    /** {@link #convert} for an exchange known to be an {@code iotf:} one. */
    static Object convertPayload(Class<?> type, Object value) {
        byte[] payload;
        if (value instanceof byte[]) {
            payload = (byte[]) value;
        } else if (value instanceof String) {
            payload = ((String) value).getBytes(StandardCharsets.UTF_8);
        } else {
            return null;
        }
        if (isMap(type)) {
            return IotfPayloads.readMap(payload);
        }
        if (type == JsonNode.class) {
            return IotfPayloads.readJson(payload);
        }
        if (IotfConverters.isPojo(type)) {
            return IotfPayloads.dataAs(payload, type);
        }
        return null;
    }

    /** Whether the exchange came from an {@code iotf:} consumer. */
    static boolean fromIotf(Exchange exchange) {
        return exchange != null && (exchange.getFromEndpoint() instanceof IotfEndpoint
                || exchange.getMessage().getHeader(IotfConstants.PAYLOAD_TYPE) != null);
    }

    private static boolean isTarget(Class<?> type) {
        return isMap(type) || type == JsonNode.class || IotfConverters.isPojo(type);
    }

    /** Map, HashMap, LinkedHashMap: what a LinkedHashMap is. */
    private static boolean isMap(Class<?> type) {
        return type == Map.class || type == LinkedHashMap.class || type == HashMap.class;
    }

    /**
     * Makes this class the converter of the pair (from, type). Camel caches one converter per pair, whatever the
     * exchange: when a fallback converts, it caches that fallback for the pair; when none does, it caches a miss, and
     * from then on never asks a fallback about the pair again. Without the pin, one {@code byte[]} that failed to
     * convert to a Map on some other route (a miss) would make every later {@code iotf:} payload fail to convert
     * too. With it, the pair's converter is this one, which answers null outside {@code iotf:} exchanges; Camel then
     * asks the other converters as before, and finding this one for the pair, caches no miss.
     */
    private static void pin(TypeConverterRegistry registry, Class<?> type, Class<?> from) {
        if (registry == null) {
            return;
        }
        if (registry.getTypeConverterExists() == TypeConverterExists.Override && registry.lookup(type).containsKey(from)) {
            return; // the pair has a converter (ours, or one that answered null for this value): Override would replace it
        }
        try {
            // with the default typeConverterExists=Ignore, a converter the pair already has stays
            registry.addTypeConverter(type, from, PINNED);
        } catch (TypeConverterExistsException e) {
            // typeConverterExists=Fail and the pair has a converter of its own: it stays
        }
    }
}
