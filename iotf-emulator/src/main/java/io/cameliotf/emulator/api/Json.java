package io.cameliotf.emulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** JSON helpers of both API versions. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** An ISO 8601 date of API v0001, to the second ({@code 2026-11-25T16:42:31Z}) [3.1.2]. */
    public static String date(Instant instant) {
        return SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** An ISO 8601 date of API v0002, to the millisecond ({@code 2026-11-25T16:42:31.476Z}). */
    public static String dateTime(Instant instant) {
        return instant == null ? null : MILLIS.format(instant);
    }

    /** A historian timestamp, {@code {"$date": <milliseconds>}} [3.2.2]. */
    public static ObjectNode timestamp(long millis) {
        ObjectNode ts = MAPPER.createObjectNode();
        ts.put("$date", millis);
        return ts;
    }

    /** Stored JSON text, which this service wrote itself. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not valid: " + e.getOriginalMessage(), e);
        }
    }
}
