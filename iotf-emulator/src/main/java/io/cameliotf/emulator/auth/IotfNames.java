package io.cameliotf.emulator.auth;

/**
 * The naming rules of the service, in one place.
 * <p>
 * Device types and ids are letters, digits, dash, underscore and dot [3.1.6], at most 36 characters as in the later
 * contract (1.0 allowed 32; API v0001 keeps that limit, see {@link #V1_MAX_TYPE_OR_ID_LENGTH}).
 * Organization ids are alphanumeric [2.1.1, 5.2.1]. API keys look like {@code a-<org>-<10 characters>} [5.3.2].
 * Application ids are free-form [5.3], except that they must be usable as one MQTT topic level
 * ({@code iot-2/app/<appId>/mon}), so {@code / + #} are refused.
 */
public final class IotfNames {

    public static final int MAX_TYPE_OR_ID_LENGTH = 36;
    /** The limit of the 2015 contract [3.1.6], which API v0001 applies. */
    public static final int V1_MAX_TYPE_OR_ID_LENGTH = 32;
    public static final int MAX_ORG_LENGTH = 32;
    public static final int MAX_APP_ID_LENGTH = 256;
    public static final String QUICKSTART = "quickstart";
    public static final String DEVICE_USERNAME = "use-token-auth";
    public static final int MIN_TOKEN_LENGTH = 8;
    public static final int MAX_TOKEN_LENGTH = 128;

    private IotfNames() {
    }

    /** Returns null when {@code value} is a valid device type or id, or a sentence saying what is wrong. */
    public static String typeOrIdProblem(String value) {
        return typeOrIdProblem(value, MAX_TYPE_OR_ID_LENGTH);
    }

    /** As {@link #typeOrIdProblem(String)}, with a limit of {@code maxLength} characters. */
    public static String typeOrIdProblem(String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return "is empty";
        }
        if (value.length() > maxLength) {
            return "is longer than " + maxLength + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isAsciiAlphanumeric(c) && c != '-' && c != '_' && c != '.') {
                return "contains '" + c + "'; only letters, digits, '-', '_' and '.' are allowed";
            }
        }
        if (isDotSegment(value)) {
            // a type or id is a segment of its REST path (/device/types/{type}/devices/{id}), and a URL path removes
            // "." and ".." segments (RFC 3986 5.2.4): such a device could be registered but never read, changed or
            // deleted again. The reference allows the characters [3.1.6]; these two values cannot round-trip.
            return "is '" + value + "', which a URL path resolves away (RFC 3986 5.2.4); it could not be addressed";
        }
        return null;
    }

    /** True for {@code .} and {@code ..}, the path segments a URL resolves away (RFC 3986 5.2.4). */
    public static boolean isDotSegment(String value) {
        return ".".equals(value) || "..".equals(value);
    }

    public static boolean isValidTypeOrId(String value) {
        return typeOrIdProblem(value) == null;
    }

    /** Returns null when {@code value} is a valid organization id, or a sentence saying what is wrong. */
    public static String orgProblem(String value) {
        if (value == null || value.isEmpty()) {
            return "is empty";
        }
        if (value.length() > MAX_ORG_LENGTH) {
            return "is longer than " + MAX_ORG_LENGTH + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isAsciiAlphanumeric(value.charAt(i))) {
                return "contains '" + value.charAt(i) + "'; only letters and digits are allowed";
            }
        }
        return null;
    }

    /**
     * Returns null when {@code value} can be an event id, command id or format: one literal MQTT topic level (not
     * empty, no {@code / + #}, no control characters), or a sentence saying what is wrong.
     */
    public static String topicLevelProblem(String value) {
        if (value == null || value.isEmpty()) {
            return "is empty";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '+' || c == '#' || Character.isISOControl(c)) {
                return "contains '" + (Character.isISOControl(c) ? "\\u" + String.format("%04x", (int) c) : c)
                        + "', which cannot stand in an MQTT topic level";
            }
        }
        return null;
    }

    /** Returns null when {@code value} is a valid application id, or a sentence saying what is wrong. */
    public static String appIdProblem(String value) {
        if (value != null && value.length() > MAX_APP_ID_LENGTH) {
            return "is longer than " + MAX_APP_ID_LENGTH + " characters";
        }
        return topicLevelProblem(value);
    }

    /**
     * Returns null when {@code token} can be a device's own token (one a registration supplies), or what is wrong:
     * {@value #MIN_TOKEN_LENGTH} to {@value #MAX_TOKEN_LENGTH} characters, none of them a space or a control character
     * (a token travels as an MQTT password and in HTTP Basic authentication).
     */
    public static String tokenProblem(String token) {
        if (token == null || token.isEmpty()) {
            return "is empty";
        }
        if (token.length() < MIN_TOKEN_LENGTH || token.length() > MAX_TOKEN_LENGTH) {
            return "must have " + MIN_TOKEN_LENGTH + " to " + MAX_TOKEN_LENGTH + " characters, not " + token.length();
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return "contains a space or a control character at position " + (i + 1);
            }
        }
        return null;
    }

    /**
     * Returns null when {@code secret} (a token of any length, such as a seeded one) has no control character, or what
     * is wrong. A control character can never be part of a token: PBKDF2's HMAC pads its key with zero bytes, so
     * {@code tok\0} would hash as {@code tok} and pass for it; and a token travels as an MQTT password and in HTTP Basic
     * authentication, where such characters have no business.
     */
    public static String controlCharacterProblem(String secret) {
        for (int i = 0; secret != null && i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (Character.isISOControl(c)) {
                return "contains a control character (\\u" + String.format("%04x", (int) c) + ") at position " + (i + 1);
            }
        }
        return null;
    }

    /** Returns null when {@code key} is a well-formed API key of {@code org} ({@code a-<org>-<10 characters>}). */
    public static String apiKeyProblem(String key, String org) {
        if (key == null || key.isEmpty()) {
            return "is empty";
        }
        String prefix = "a-" + org + "-";
        if (!key.startsWith(prefix)) {
            return "must start with '" + prefix + "' (the form is a-<org>-<10 letters or digits>)";
        }
        String rest = key.substring(prefix.length());
        if (rest.length() != 10) {
            return "must end with exactly 10 letters or digits after '" + prefix + "'";
        }
        for (int i = 0; i < rest.length(); i++) {
            if (!isAsciiAlphanumeric(rest.charAt(i))) {
                return "must end with exactly 10 letters or digits after '" + prefix + "'";
            }
        }
        return null;
    }

    /** The organization an API key names, or null when the key is not of the form {@code a-<org>-<suffix>}. */
    public static String orgOfApiKey(String key) {
        if (key == null || !key.startsWith("a-")) {
            return null;
        }
        int end = key.lastIndexOf('-');
        return end > 2 ? key.substring(2, end) : null;
    }

    static boolean isAsciiAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
