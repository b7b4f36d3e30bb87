package io.cameliotf.emulator.session;

import java.time.Instant;

/**
 * Hears exactly once that an authenticated connection began and once that it ended (refused logins are neither):
 * status messages, connection states and usage are kept this way.
 */
public interface ConnectionListener {

    void connected(ConnectionState state, Instant time);

    /**
     * @param reason why it ended, for people
     * @param closeCode the MQTT 5 reason code of the disconnect
     */
    void disconnected(ConnectionState state, Instant time, String reason, int closeCode);
}
