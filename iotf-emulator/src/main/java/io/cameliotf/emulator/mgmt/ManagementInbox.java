package io.cameliotf.emulator.mgmt;

import io.cameliotf.emulator.auth.ClientIdentity;

/**
 * Where the broker hands the device management requests devices and gateways publish on {@code iotdevice-1/...}
 * (later contract 3.5.1). The service consumes them: no client ever receives them.
 */
@FunctionalInterface
public interface ManagementInbox {

    /** Takes nothing: for a service without device management. */
    ManagementInbox NONE = (from, type, id, op, payload) -> { };

    /**
     * One request, accepted into the sender's topic space; returns at once (the answer goes out on
     * {@code iotdm-1/response} later).
     *
     * @param from the device or gateway that published it
     * @param type the device it is for (the sender itself, or a device behind the gateway)
     * @param op what follows {@code iotdevice-1/} (or {@code iotdevice-1/type/<t>/id/<d>/}), e.g. {@code mgmt/manage}
     */
    void received(ClientIdentity from, String type, String id, String op, byte[] payload);
}
