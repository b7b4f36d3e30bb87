package io.cameliotf.iotf.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

/** Times given to the historian: Instant, Date, epoch milliseconds, or ISO 8601 text. */
public final class Times {

    private Times() {
    }

    /** Milliseconds since the epoch, or null for null; {@code what} names the option or header in errors. */
    public static Long millis(Object value, String what) {
        if (value == null || value instanceof String && ((String) value).isBlank()) {
            return null;
        }
        if (value instanceof Instant) {
            return ((Instant) value).toEpochMilli();
        }
        if (value instanceof Date) {
            return ((Date) value).getTime();
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toInstant().toEpochMilli();
        }
        if (value instanceof Number) {
            return ((Number) value).longValue();
        }
        String text = value.toString().trim();
        if (text.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(text);
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException(what + " '" + text + "' is not a time: use epoch milliseconds or ISO 8601 "
                        + "such as 2026-11-25T10:00:00Z");
            }
        }
    }
}
