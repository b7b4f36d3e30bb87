package io.cameliotf.iotf.payload;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** ISO 8601 timestamps as IoTF payloads carry them in {@code ts} [5.4.1]. */
public final class IotfTimestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private IotfTimestamps() {
    }

    /**
     * Parses {@code 2014-12-30T14:47:36+00:00}, {@code 2014-12-30T14:47:36.123Z} and, without an offset,
     * {@code 2014-12-30T14:47:36} (taken as UTC).
     *
     * @return the time, or null when {@code text} is not such a timestamp
     */
    public static OffsetDateTime parse(String text) {
        if (text == null || text.length() < 16) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** The form this component writes: milliseconds and an offset, for example {@code 2026-11-25T16:28:19.123Z}. */
    public static String format(OffsetDateTime time) {
        return FORMAT.format(time);
    }
}
