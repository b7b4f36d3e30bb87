package io.cameliotf.iotf.config;

import java.util.Set;

/**
 * The rules of the option values of IBM's SDKs, shared by the YAML file and the environment: each check gets the
 * text as read and the origin to name ({@code configFile ... line 7: options.mqtt.port}, {@code The environment
 * variable WIOTP_OPTIONS_MQTT_PORT}), and returns the value or throws an {@link IllegalArgumentException}. The
 * messages show a value only when it is not a secret (auth.key, auth.token never reach these checks).
 */
final class WiotpValues {

    /** Both SDKs speak MQTT over TCP or over WebSocket (iot-java DeviceConfigOptionsMqtt, iot-python client.py). */
    static final Set<String> TRANSPORTS = Set.of("tcp", "websockets");
    /**
     * iot-python accepts error, warning, info, debug (device/config.py, application/config.py); iot-java parses the
     * value with java.util.logging.Level.parse (DeviceConfigOptions, ApplicationConfigOptions), which takes the JUL
     * names. Either SDK's file is accepted; the value itself is not used (the component logs through SLF4J).
     */
    static final Set<String> LOG_LEVELS = Set.of("error", "warning", "info", "debug",
            "SEVERE", "WARNING", "INFO", "CONFIG", "FINE", "FINER", "FINEST", "ALL", "OFF");
    /** Python's caFile value for "the operating system's trust store" (iot-python client.py). */
    static final String OS_TRUST_STORE = "_os_";

    private WiotpValues() {
    }

    /** One of the number checks below, for the readers to apply to the text they read. */
    @FunctionalInterface
    interface NumberCheck {
        int check(String origin, String text);
    }

    /** A whole number from {@code min} to {@code max}, written in decimal digits. */
    static int integer(String origin, String text, int min, int max, String what) {
        String t = text.trim();
        if (!t.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException(origin + " must be " + what + " (a whole number from " + min + " to "
                    + max + "), not '" + text + "'");
        }
        int value = Integer.parseInt(t);
        if (value < min || value > max) {
            throw new IllegalArgumentException(origin + " must be " + what + " from " + min + " to " + max + ", not "
                    + value);
        }
        return value;
    }

    /** An MQTT port: the SDKs connect without TLS on 1883 and 80, with TLS on any other port. */
    static int port(String origin, String text) {
        return integer(origin, text, 1, 65535, "a port number");
    }

    /** MQTT keep alive is a two-byte number of seconds (MQTT 3.1.1, 3.1.2.10). */
    static int keepAlive(String origin, String text) {
        return integer(origin, text, 0, 65535, "a number of seconds");
    }

    /** MQTT 5's session expiry, which both SDKs read and neither sends over MQTT 3.1.1: checked, then not used. */
    static int sessionExpiry(String origin, String text) {
        return integer(origin, text, 0, Integer.MAX_VALUE, "a number of seconds");
    }

    static String transport(String origin, String text) {
        if (!TRANSPORTS.contains(text)) {
            throw new IllegalArgumentException(origin + " must be tcp or websockets, not '" + text + "'");
        }
        return text;
    }

    static String logLevel(String origin, String text) {
        if (!LOG_LEVELS.contains(text)) {
            throw new IllegalArgumentException(origin + " must be one of error, warning, info, debug (iot-python) "
                    + "or a java.util.logging level such as INFO (iot-java), not '" + text + "'");
        }
        return text;
    }

    /** true or false in any case, as java's Boolean.parseBoolean reads it (iot-java), or null for other text. */
    static Boolean trueOrFalse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        return t.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    /**
     * options.http.verify: false turns certificate checks of the REST API off in iot-python (requests' verify). The
     * component always checks them, so false is refused instead of being ignored without a word; true is the
     * component's behaviour and is accepted.
     */
    static void verify(String origin, boolean verify) {
        if (!verify) {
            throw new IllegalArgumentException(origin + " is false, which turns certificate checks off in IBM's SDKs; "
                    + "the component always checks certificates: trust the server's certificate with the option "
                    + "caFile (options.mqtt.caFile) and remove the setting");
        }
    }
}
