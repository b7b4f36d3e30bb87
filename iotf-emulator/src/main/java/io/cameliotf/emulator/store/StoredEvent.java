package io.cameliotf.emulator.store;

/**
 * An event in the historian.
 *
 * @param seq its position in the store: later events have larger numbers
 * @param received when the gateway accepted it, in milliseconds since the epoch
 * @param evtJson the {@code evt} of the historian's answer, as JSON text
 */
public record StoredEvent(long seq, String org, String deviceType, String deviceId, String evtType, String format,
        long received, String evtJson) {

    /** The device's unique id, {@code d:<org>:<type>:<id>}. */
    public String deviceUuid() {
        return "d:" + org + ':' + deviceType + ':' + deviceId;
    }
}
