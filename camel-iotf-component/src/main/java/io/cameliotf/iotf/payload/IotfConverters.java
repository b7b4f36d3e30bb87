package io.cameliotf.iotf.payload;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.spi.TypeConverterRegistry;

/**
 * Camel type converters for IoTF payloads [5.4].
 * <ul>
 * <li>{@code byte[]}, {@code String}, {@code InputStream} to {@link IotfMessage}: reads a payload that must meet the
 * IoTF specification (else an {@link IotfPayloadException} saying which rule it breaks);</li>
 * <li>{@link IotfMessage} to {@code byte[]}, {@code String}, {@code InputStream}, {@code JsonNode}, {@code Map}: the
 * whole message {@code {"d": ..., "ts": ...}};</li>
 * <li>{@link IotfMessage} to a POJO (from {@code d}), and a Map, JsonNode object or POJO to {@link IotfMessage} (as
 * {@code d}, with {@code ts} now);</li>
 * <li>{@link IotfStatus} to {@code String}, {@code byte[]}, {@code Map}, {@code JsonNode}.</li>
 * </ul>
 * The payload an {@code iotf:} consumer received ({@code byte[]}) to Map, JsonNode and POJOs: {@link IotfBodyConverters}.
 */
@Converter(generateLoader = true)
public final class IotfConverters {

    private IotfConverters() {
    }

    @Converter
    public static IotfMessage toIotfMessage(byte[] payload) {
        return IotfPayloads.parse(payload);
    }

    @Converter
    public static IotfMessage toIotfMessage(String payload) {
        return IotfPayloads.parse(payload.getBytes(StandardCharsets.UTF_8));
    }

    @Converter
    public static IotfMessage toIotfMessage(InputStream payload) throws IOException {
        return IotfPayloads.parse(payload.readAllBytes());
    }

    @Converter
    public static byte[] toBytes(IotfMessage message) {
        return message.toBytes();
    }

    @Converter
    public static String toString(IotfMessage message) {
        return message.toString();
    }

    @Converter
    public static InputStream toInputStream(IotfMessage message) {
        return new ByteArrayInputStream(message.toBytes());
    }

    @Converter
    public static JsonNode toJsonNode(IotfMessage message) {
        return message.toJsonNode();
    }

    @Converter
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(IotfMessage message) {
        return IotfPayloads.MAPPER.convertValue(message.toJsonNode(), Map.class);
    }

    @Converter
    public static String toString(IotfStatus status) {
        return status.toString();
    }

    @Converter
    public static byte[] toBytes(IotfStatus status) {
        return IotfPayloads.writeBytes(status);
    }

    @Converter
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(IotfStatus status) {
        return IotfPayloads.MAPPER.convertValue(status, Map.class);
    }

    @Converter
    public static JsonNode toJsonNode(IotfStatus status) {
        return IotfPayloads.MAPPER.valueToTree(status);
    }

    /**
     * POJOs to and from the {@code d} element of an {@link IotfMessage}. Only values it knows are taken: an
     * {@link IotfMessage}, or, to build an {@link IotfMessage}, a Map, JsonNode object or POJO.
     */
    @Converter(fallback = true)
    public static Object convertTo(Class<?> type, Exchange exchange, Object value, TypeConverterRegistry registry) {
        if (type == IotfMessage.class) {
            if (value instanceof Map || value instanceof JsonNode || isPojo(value.getClass())) {
                return IotfMessage.of(value);
            }
            return null;
        }
        if (!isPojo(type)) {
            return null;
        }
        if (value instanceof IotfMessage) {
            return ((IotfMessage) value).dataAs(type);
        }
        return null;
    }

    /** A user's class that Jackson can bind: not a JDK, Camel or Jackson type, not an array, interface or enum. */
    static boolean isPojo(Class<?> type) {
        if (type.isPrimitive() || type.isArray() || type.isInterface() || type.isEnum()
                || Modifier.isAbstract(type.getModifiers())) {
            return false;
        }
        String name = type.getName();
        return !(name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jakarta.")
                || name.startsWith("org.apache.camel.") || name.startsWith("com.fasterxml.")
                || name.startsWith("org.w3c.") || name.startsWith("org.xml.") || type == IotfStatus.class);
    }
}
