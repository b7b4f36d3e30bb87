package io.cameliotf.iotf.publish;

import io.cameliotf.iotf.HeaderOrOption;
import io.cameliotf.iotf.IotfClientType;
import io.cameliotf.iotf.IotfConfiguration;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.IotfKind;
import io.cameliotf.iotf.ServedDevice;
import io.cameliotf.iotf.rules.ValueRules;
import org.apache.camel.Message;

/**
 * Where one message goes: a device event or a command, of which device, with which id and format. Resolved per
 * message from the headers {@code CamelIotfDeviceType}, {@code CamelIotfDeviceId}, {@code CamelIotfEvent},
 * {@code CamelIotfCommand}, {@code CamelIotfFormat}, else the endpoint's options, so one endpoint can relay the
 * messages of many devices; MQTT makes a topic of it [5.2.3, 5.3.3, 5.3.4], HTTP messaging a path (later contract
 * 2.11).
 *
 * @param command true for a command, false for a device event
 * @param ownEvent true for a device's own event (the device is the client, its type and id are its own); a gateway's
 *        events, its own too, are never "own" events: they take the typed form (later contract 3.4)
 * @param deviceType the device's type (a device's own, for its own events)
 * @param deviceId the device's id
 * @param name the event or command id
 * @param format the format string, json when neither header nor option gives one
 */
public record PublishAddress(boolean command, boolean ownEvent, String deviceType, String deviceId, String name,
        String format) {

    /** The address of {@code in} for an endpoint of {@code kind} with the options {@code c}. */
    public static PublishAddress of(Message in, IotfKind kind, IotfConfiguration c, IotfClientType client) {
        String format = HeaderOrOption.find(in, IotfConstants.FORMAT, c.getFormat(), ValueRules::level);
        format = format == null ? "json" : format;
        if (kind == IotfKind.COMMAND) {
            return new PublishAddress(true, false, type(in, c), id(in, c), HeaderOrOption.require(in,
                    IotfConstants.COMMAND, c.getCommand(), "command", ValueRules::level, "A command"), format);
        }
        String event = HeaderOrOption.require(in, IotfConstants.EVENT, c.getEvent(), "event", ValueRules::level,
                "A device event");
        if (client == IotfClientType.device) { // a device publishes only its own events [2.1.4]: no header picks another
            return new PublishAddress(false, true, c.getDeviceType(), c.getDeviceId(), event, format);
        }
        if (client == IotfClientType.gateway) { // for the device it serves, or itself (later contract 3.4)
            ServedDevice device = ServedDevice.of(in, c, ValueRules.MAX_NAME);
            return new PublishAddress(false, false, device.type(), device.id(), event, format);
        }
        return new PublishAddress(false, false, type(in, c), id(in, c), event, format);
    }

    private static String type(Message in, IotfConfiguration c) {
        return HeaderOrOption.require(in, IotfConstants.DEVICE_TYPE, c.getDeviceType(), "deviceType",
                ValueRules.name(ValueRules.MAX_NAME), "Publishing for a device");
    }

    private static String id(Message in, IotfConfiguration c) {
        return HeaderOrOption.require(in, IotfConstants.DEVICE_ID, c.getDeviceId(), "deviceId",
                ValueRules.name(ValueRules.MAX_NAME), "Publishing for a device");
    }
}
