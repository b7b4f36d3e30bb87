package io.cameliotf.emulator.store;

/**
 * The newest event of one event id of one device (later contract 2.10).
 *
 * @param received when the gateway accepted it, in milliseconds since the epoch
 * @param payload the payload as published (do not modify)
 */
public record LastEvent(String org, String deviceType, String deviceId, String eventId, String format, long received,
        byte[] payload) {
}
