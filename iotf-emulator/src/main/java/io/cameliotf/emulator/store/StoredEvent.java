package io.cameliotf.emulator.store;

/**
 * An event in the historian.
 *
 * @param seq its position in the store: later events have larger numbers
 * @param received when the gateway accepted it, in milliseconds since the epoch
 * @param payload the payload as published (its {@code evt} is worked out when it is read: storing stays cheap)
 */
public record StoredEvent(long seq, String org, String deviceType, String deviceId, String evtType, String format,
        long received, byte[] payload) {

    /** The device's unique id, {@code d:<org>:<type>:<id>}. */
    public String deviceUuid() {
        return "d:" + org + ':' + deviceType + ':' + deviceId;
    }
}
