package io.cameliotf.emulator.auth;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Several connections of a scalable application share one client id {@code A:<org>:<appId>}, which MQTT does
 * not allow. Inside the broker each such connection gets a unique id, {@code A:<org>:<appId>/<n>} ('/' cannot
 * occur in an application id), and the suffix is removed wherever the client id is shown.
 */
public final class SharedClientIds {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private SharedClientIds() {
    }

    public static boolean isShared(String clientId) {
        return clientId != null && clientId.startsWith("A:");
    }

    public static String unique(String clientId) {
        return clientId + '/' + SEQUENCE.incrementAndGet();
    }

    /** The client id as the client sent it. */
    public static String original(String brokerClientId) {
        if (isShared(brokerClientId)) {
            int slash = brokerClientId.lastIndexOf('/');
            if (slash > 0) {
                return brokerClientId.substring(0, slash);
            }
        }
        return brokerClientId;
    }
}
