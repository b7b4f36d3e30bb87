package io.cameliotf.iotf.rules;

import java.util.Map;

/**
 * The formats HTTP messaging can carry (later contract 2.11): the service takes the format of the topic it publishes
 * to from the request's Content-Type, and knows four.
 */
public final class HttpFormats {

    private static final Map<String, String> CONTENT_TYPES = Map.of("json", "application/json", "text", "text/plain",
            "xml", "application/xml", "bin", "application/octet-stream");

    private HttpFormats() {
    }

    /** The Content-Type that makes the service publish with {@code format}. */
    public static String contentType(String subject, String format) {
        String type = CONTENT_TYPES.get(format);
        if (type == null) {
            throw new IllegalArgumentException(subject + " '" + format + "' cannot be sent over HTTP: the service "
                    + "derives the format from the Content-Type, which gives json, text, xml or bin only (later contract "
                    + "2.11); publish this format with transport=mqtt");
        }
        return type;
    }
}
