package io.cameliotf.emulator.registry;

import io.cameliotf.emulator.store.Device;

/** A newly registered device and its token, which is returned once and then kept only hashed [3.1.6]. */
public record DeviceCredentials(Device device, String token) {

    /** The MQTT client id of the device, {@code d:<org>:<type>:<id>}. */
    public String clientId() {
        return device.uuid();
    }

    @Override
    public String toString() {
        return "DeviceCredentials[" + device.uuid() + ", token ****]";
    }
}
