package io.cameliotf.emulator.net;

import java.nio.charset.StandardCharsets;

/**
 * Reads the client id of the first packet of an MQTT stream (a CONNECT, MQTT 3.1, 3.1.1 or 5), so that a bridged
 * connection can be matched with where it came from. Nothing else of the packet is looked at; anything that is not
 * a well-formed CONNECT is the broker's to refuse.
 */
final class MqttConnect {

    /** The first byte of a CONNECT packet (type 1, no flags). */
    static final int CONNECT = 0x10;
    /** The longest first packet looked at: beyond it the stream is passed on unread. */
    static final int MAX_PEEK = 65_536;

    private MqttConnect() {
    }

    /** The client id of the CONNECT in {@code bytes[0..length)}, or null when there is none to read (yet). */
    static String clientId(byte[] bytes, int length) {
        return length > 0 && (bytes[0] & 0xFF) == CONNECT ? parse(bytes, length) : null;
    }

    /**
     * True when more bytes cannot change what {@link #clientId} says: the stream does not start with a CONNECT, its
     * first packet is complete, or {@value #MAX_PEEK} bytes have been read.
     */
    static boolean decided(byte[] bytes, int length) {
        if (length == 0) {
            return false;
        }
        if ((bytes[0] & 0xFF) != CONNECT || length >= MAX_PEEK) {
            return true;
        }
        int[] header = remainingLength(bytes, length);
        return header == null ? length >= 5 : header[0] + header[1] <= length;
    }

    /** {remaining length, header size} of the fixed header, or null when not all of it is there. */
    private static int[] remainingLength(byte[] b, int length) {
        return varInt(b, 1, length);
    }

    private static String parse(byte[] b, int length) {
        int[] header = remainingLength(b, length);
        if (header == null || header[0] + header[1] > length) {
            return null;
        }
        int p = header[1];
        int end = header[1] + header[0];
        if (p + 2 > end) {
            return null;
        }
        int nameLength = u16(b, p);
        p += 2 + nameLength;
        if (p + 4 > end) {
            return null;
        }
        int level = b[p] & 0xFF;
        p += 1 + 1 + 2; // level, flags, keep-alive
        if (level == 5) {
            int[] props = varInt(b, p, end);
            if (props == null) {
                return null;
            }
            p = props[1] + props[0];
        }
        if (p + 2 > end) {
            return null;
        }
        int idLength = u16(b, p);
        p += 2;
        if (p + idLength > end) {
            return null;
        }
        return new String(b, p, idLength, StandardCharsets.UTF_8);
    }

    /** {value, offset after it} of a variable byte integer at {@code p}, or null. */
    private static int[] varInt(byte[] b, int p, int end) {
        int value = 0;
        int multiplier = 1;
        for (int i = p; i < Math.min(end, p + 4); i++) {
            int digit = b[i] & 0xFF;
            value += (digit & 0x7F) * multiplier;
            if ((digit & 0x80) == 0) {
                return new int[] {value, i + 1};
            }
            multiplier *= 128;
        }
        return null;
    }

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }
}
