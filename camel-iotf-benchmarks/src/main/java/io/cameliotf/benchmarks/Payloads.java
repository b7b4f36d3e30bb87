package io.cameliotf.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * The benchmarks' payload: an IoTF message of about 200 bytes whose first field is the send time (System.nanoTime of
 * this JVM), so a receiver in the same JVM can compute the latency.
 */
final class Payloads {

    private static final String TAIL = ",\"temp\":21.5,\"hum\":40.25,\"pressure\":1013.2,\"battery\":87,\"status\":\"ok\","
            + "\"site\":\"north-wing\",\"line\":\"assembly-3\"},\"ts\":\"2026-11-25T16:28:19.123Z\"}";
    private static final byte[] PREFIX = "{\"d\":{\"t0\":".getBytes(StandardCharsets.US_ASCII);

    private Payloads() {
    }

    static byte[] stamped() {
        return ("{\"d\":{\"t0\":" + System.nanoTime() + TAIL).getBytes(StandardCharsets.US_ASCII);
    }

    /** The send time in a payload made by {@link #stamped()}. */
    static long sentAt(byte[] payload) {
        long t = 0;
        boolean negative = false;
        for (int i = PREFIX.length; i < payload.length; i++) {
            byte b = payload[i];
            if (b == '-') {
                negative = true;
            } else if (b >= '0' && b <= '9') {
                t = t * 10 + (b - '0');
            } else {
                break;
            }
        }
        return negative ? -t : t;
    }
}
