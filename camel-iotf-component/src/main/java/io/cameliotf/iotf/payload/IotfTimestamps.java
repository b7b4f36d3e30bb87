package io.cameliotf.iotf.payload;

import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
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

    /**
     * True when {@code text} is an ISO 8601 timestamp {@link #parse} accepts. The usual forms are checked character by
     * character (this runs for every payload, and DateTimeFormatter costs about a microsecond); others are parsed.
     */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        int n = text.length();
        if (n >= 19 && digits(text, 0, 4) && text.charAt(4) == '-' && digits(text, 5, 2) && text.charAt(7) == '-'
                && digits(text, 8, 2) && text.charAt(10) == 'T' && digits(text, 11, 2) && text.charAt(13) == ':'
                && digits(text, 14, 2) && text.charAt(16) == ':' && digits(text, 17, 2)
                && between(text, 5, 1, 12) && between(text, 8, 1, daysIn(text)) && between(text, 11, 0, 23)
                && between(text, 14, 0, 59) && between(text, 17, 0, 59)) {
            int i = 19;
            if (i < n && text.charAt(i) == '.') {
                int start = ++i;
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                if (i == start || i - start > 9) {
                    return false;
                }
            }
            if (i == n || i == n - 1 && text.charAt(i) == 'Z') {
                return true;
            }
            if (i == n - 6 && (text.charAt(i) == '+' || text.charAt(i) == '-') && digits(text, i + 1, 2)
                    && text.charAt(i + 3) == ':' && digits(text, i + 4, 2)) {
                return between(text, i + 1, 0, 18) && between(text, i + 4, 0, 59);
            }
        }
        return parse(text) != null;
    }

    private static boolean digits(String s, int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Days in the month of {@code yyyy-MM-...}, so that the quick check refuses 2026-02-30 as parsing would. */
    private static int daysIn(String s) {
        int month = (s.charAt(5) - '0') * 10 + (s.charAt(6) - '0');
        if (month < 1 || month > 12) {
            return 0;
        }
        int year = Integer.parseInt(s, 0, 4, 10);
        return Month.of(month).length(Year.isLeap(year));
    }

    private static boolean between(String s, int at, int min, int max) {
        int value = (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
        return value >= min && value <= max;
    }

    /** The form this component writes: milliseconds and an offset, for example {@code 2026-11-25T16:28:19.123Z}. */
    public static String format(OffsetDateTime time) {
        return FORMAT.format(time);
    }
}
