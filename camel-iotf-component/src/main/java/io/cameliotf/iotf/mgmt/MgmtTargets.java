package io.cameliotf.iotf.mgmt;

import io.cameliotf.iotf.IotfConfiguration;
import io.cameliotf.iotf.ServedDevice;
import org.apache.camel.Message;

/**
 * Which device an iotf:device-management endpoint manages, from its options [later §3.5.1]: a device its own; a
 * gateway the device it serves named by deviceType and deviceId, or itself (gatewayType, gatewayId) when they are not
 * set, in the gateway form of the topics either way.
 */
final class MgmtTargets {

    private MgmtTargets() {
    }

    /** A consumer's: the device's own, or the gateway's served device (itself when deviceType is not set). */
    static MgmtTarget own(IotfConfiguration c) {
        if (!c.isGateway()) {
            return new MgmtTarget(c.getDeviceType(), c.getDeviceId(), false);
        }
        return c.getDeviceType() == null ? new MgmtTarget(c.getGatewayType(), c.getGatewayId(), true)
                : new MgmtTarget(c.getDeviceType(), c.getDeviceId(), true);
    }

    /**
     * A producer's message's: a device's own (headers cannot change it); a gateway's from the headers
     * CamelIotfDeviceType and CamelIotfDeviceId (checked per message), else the options, else the gateway itself.
     */
    static MgmtTarget of(IotfConfiguration c, Message in, int maxName) {
        if (!c.isGateway()) {
            return own(c);
        }
        ServedDevice device = ServedDevice.of(in, c, maxName);
        return new MgmtTarget(device.type(), device.id(), true);
    }

    /** What a producer's answers come on: a device's own; a gateway's for any device it serves. */
    static MgmtTarget forResponses(IotfConfiguration c) {
        return own(c);
    }
}
