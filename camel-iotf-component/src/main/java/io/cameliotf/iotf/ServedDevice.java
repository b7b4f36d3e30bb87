package io.cameliotf.iotf;

import io.cameliotf.iotf.rules.ValueRules;
import org.apache.camel.Message;

/**
 * The device a gateway's message is for (later contract 3.4): the one the headers CamelIotfDeviceType and
 * CamelIotfDeviceId name, else the options deviceType and deviceId (both or neither, checked per message), else the
 * gateway itself. One rule for the gateway's events and its device management messages.
 */
public record ServedDevice(String type, String id) {

    /** The device {@code in} is for, its names checked against {@code maxName}. */
    public static ServedDevice of(Message in, IotfConfiguration c, int maxName) {
        String type = HeaderOrOption.find(in, IotfConstants.DEVICE_TYPE, c.getDeviceType(), ValueRules.name(maxName));
        String id = HeaderOrOption.find(in, IotfConstants.DEVICE_ID, c.getDeviceId(), ValueRules.name(maxName));
        if (type == null && id == null) {
            return new ServedDevice(c.getGatewayType(), c.getGatewayId());
        }
        if (type == null || id == null) {
            throw new IllegalArgumentException("A gateway acting for a device it serves needs both the device's type "
                    + "and id, but only its " + (type == null ? "id (" + id + ")" : "type (" + type + ")")
                    + " is set: name the device by both its type and its id (the options deviceType and deviceId, or "
                    + "the headers " + IotfConstants.DEVICE_TYPE + " and " + IotfConstants.DEVICE_ID + "), or by "
                    + "neither for the gateway itself [later contract 3.4]");
        }
        return new ServedDevice(type, id);
    }
}
