package io.cameliotf.iotf.mgmt;

import io.cameliotf.iotf.HeaderOrOption;
import io.cameliotf.iotf.IotfClientType;
import io.cameliotf.iotf.IotfConfiguration;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.rules.ValueRules;
import org.apache.camel.Message;

/**
 * Which device an iotf:device-management endpoint manages, from its options [later §3.5.1]: a device its own; a
 * gateway the device it serves named by deviceType and deviceId, or itself (gatewayType, gatewayId) when they are not
 * set, in the gateway form of the topics either way.
 */
final class MgmtTargets {

    private MgmtTargets() {
    }

    static boolean isGateway(IotfConfiguration c) {
        return c.getClientType() == IotfClientType.gateway;
    }

    /** A consumer's: the device's own, or the gateway's served device (itself when deviceType is not set). */
    static MgmtTarget own(IotfConfiguration c) {
        if (!isGateway(c)) {
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
        if (!isGateway(c)) {
            return own(c);
        }
        String type = HeaderOrOption.find(in, IotfConstants.DEVICE_TYPE, c.getDeviceType(), ValueRules.name(maxName));
        String id = HeaderOrOption.find(in, IotfConstants.DEVICE_ID, c.getDeviceId(), ValueRules.name(maxName));
        if (type == null && id == null) {
            return new MgmtTarget(c.getGatewayType(), c.getGatewayId(), true);
        }
        if (type == null || id == null) {
            throw new IllegalArgumentException("A gateway's device management message names the device it is for by "
                    + "both its type and its id (the headers " + IotfConstants.DEVICE_TYPE + " and "
                    + IotfConstants.DEVICE_ID + ", or the options deviceType and deviceId), or neither for the gateway "
                    + "itself; only " + (type == null ? "the id " + id : "the type " + type) + " is set [later §3.5.1]");
        }
        return new MgmtTarget(type, id, true);
    }

    /** What a producer's answers come on: a device's own; a gateway's for any device it serves. */
    static MgmtTarget forResponses(IotfConfiguration c) {
        return own(c);
    }
}
