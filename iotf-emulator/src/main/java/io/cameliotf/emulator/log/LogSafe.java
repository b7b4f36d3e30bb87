package io.cameliotf.emulator.log;

/**
 * Makes a client-supplied string safe to put in a log line. Client ids, user names, topics, device ids and paths
 * come from the network; a newline in one would end the log line and let the client write a forged line of its own
 * (log injection), and a NUL or other control character garbles what a log viewer shows. Every such character is
 * written as an escape instead: {@code \n}, {@code \r}, {@code \t}, and {@code \}{@code uXXXX} for the others
 * (C0 controls, DEL, C1 controls, and the Unicode line and paragraph separators U+2028 and U+2029). Every other
 * character, the backslash included, stays as it is, so ordinary values read the same.
 */
public final class LogSafe {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LogSafe() {
    }

    /** {@code value} with its control characters escaped; {@code "null"} for null. */
    public static String of(String value) {
        if (value == null) {
            return "null";
        }
        int first = firstUnsafe(value);
        if (first < 0) {
            return value; // the common case: nothing to copy
        }
        StringBuilder out = new StringBuilder(value.length() + 16).append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isUnsafe(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                        .append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** {@link #of(String)} of {@code value}'s text ({@code String.valueOf}). */
    public static String of(Object value) {
        return of(value == null ? null : value.toString());
    }

    private static int firstUnsafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (isUnsafe(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
    }
}
