package io.cameliotf.iotf.rules;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * The rules single values follow, wherever they come from (an option, once, when the endpoint is made; a header, per
 * message): names [3.1.6; later contract 3.1], topic levels, ranges, times and summarize types [3.2.3]. Each check
 * returns the value, or throws an {@link IllegalArgumentException} that starts with its subject ("The option
 * deviceType", "The header CamelIotfDeviceId"). This class imports nothing else of the component.
 */
public final class ValueRules {

    /** The longest device type or id of API v0001 [3.1.6]. */
    public static final int MAX_NAME_V0001 = 32;
    /** The longest type, device id or application id of the later contract (3.1). */
    public static final int MAX_NAME = 36;
    /** The aggregations of historian summaries [3.2.3], as one text for annotations. */
    public static final String SUMMARIZE_TYPE_NAMES = "avg,count,min,max,sum,range,stdev,variance";
    /** The aggregations of historian summaries [3.2.3]. */
    public static final List<String> SUMMARIZE_TYPES = List.of(SUMMARIZE_TYPE_NAMES.split(","));

    private ValueRules() {
    }

    /** Checks {@code value} against a rule: returns it (perhaps converted) or throws naming {@code subject}. */
    @FunctionalInterface
    public interface Rule<T, R> {
        R check(String subject, T value);
    }

    /** A device type or id: at most {@code maxLength} letters, digits, '-', '_', '.'. */
    public static String name(String subject, String value, int maxLength) {
        return valid(subject, value, nameProblem(value, maxLength));
    }

    /** A rule for names of at most {@code maxLength} characters. */
    public static Rule<String, String> name(int maxLength) {
        return (subject, value) -> name(subject, value, maxLength);
    }

    /** One MQTT topic level: not empty, no '/', '+' or '#'. */
    public static String level(String subject, String value) {
        return valid(subject, value, levelProblem(value));
    }

    /** A whole number from {@code min} to {@code max}. */
    public static int range(String subject, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(subject + " must be from " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    /** A rule for whole numbers from {@code min} to {@code max}. */
    public static Rule<Integer, Integer> range(int min, int max) {
        return (subject, value) -> range(subject, value, min, max);
    }

    /** A historian aggregation [3.2.3]. */
    public static String summarizeType(String subject, String value) {
        return valid(subject, value, SUMMARIZE_TYPES.contains(value) ? null : "is not one of "
                + String.join(", ", SUMMARIZE_TYPES));
    }

    /**
     * A time as milliseconds since the epoch, from an Instant, Date, OffsetDateTime, number, or text (epoch
     * milliseconds or ISO 8601); null for null or blank text.
     */
    public static Long millis(String subject, Object value) {
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
                throw new IllegalArgumentException(subject + " '" + text + "' is not a time: use epoch milliseconds or "
                        + "ISO 8601 such as 2026-11-25T10:00:00Z");
            }
        }
    }

    /** One of {@code values}, by name. */
    public static <E extends Enum<E>> E oneOf(String subject, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(subject + " '" + value + "' is not one of "
                + Arrays.toString(type.getEnumConstants()));
    }

    /** Why {@code value} is not a name of at most {@code maxLength} characters, or null when it is one. */
    public static String nameProblem(String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return "is empty";
        }
        if (value.length() > maxLength) {
            return "is longer than " + maxLength + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            boolean ok = ch < 128 && Character.isLetterOrDigit(ch) || ch == '-' || ch == '_' || ch == '.';
            if (!ok) {
                return "contains '" + ch + "'; only letters, digits, '-', '_' and '.' are allowed [3.1.6]";
            }
        }
        return null;
    }

    /** Why {@code value} cannot be one MQTT topic level, or null when it can. */
    public static String levelProblem(String value) {
        if (value == null || value.isEmpty()) {
            return "is empty";
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '/' || ch == '+' || ch == '#') {
                return "contains '" + ch + "', which cannot stand in one MQTT topic level";
            }
        }
        return null;
    }

    private static <T> T valid(String subject, T value, String problem) {
        if (problem != null) {
            throw new IllegalArgumentException(subject + " '" + value + "' " + problem);
        }
        return value;
    }
}
