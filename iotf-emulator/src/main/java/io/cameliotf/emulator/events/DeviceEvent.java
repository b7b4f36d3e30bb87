package io.cameliotf.emulator.events;

import java.time.Instant;

/**
 * A device event the gateway accepted: published by the device itself [5.2.3] or by an application on its
 * behalf [5.3.3].
 *
 * @param payload the payload bytes as published (not copied again: do not modify)
 * @param publisher the client id of the publisher
 */
public record DeviceEvent(String org, String deviceType, String deviceId, String event, String format,
        byte[] payload, Instant received, String publisher) {

    /** The device's unique id, {@code d:<org>:<type>:<id>}. */
    public String deviceUuid() {
        return "d:" + org + ':' + deviceType + ':' + deviceId;
    }

    @Override
    public String toString() {
        return "DeviceEvent[" + deviceUuid() + " " + event + "/" + format + ", " + payload.length + " bytes]";
    }
}
