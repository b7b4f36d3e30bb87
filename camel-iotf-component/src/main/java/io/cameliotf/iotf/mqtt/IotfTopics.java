package io.cameliotf.iotf.mqtt;

import io.cameliotf.iotf.publish.PublishAddress;

/**
 * The client side of IoTF's topic structure [5.2.3, 5.2.4, 5.3.3-5.3.8]: topics built for publishing and
 * subscribing, and incoming topics taken apart. Plain string building, no regular expressions: this runs for every
 * message.
 */
public final class IotfTopics {

    /** The MQTT wildcard for one level. */
    public static final String ANY = "+";

    private IotfTopics() {
    }

    /** The topic a client publishes {@code address} on [5.2.3, 5.3.3, 5.3.4]. */
    public static String of(PublishAddress address) {
        if (address.command()) {
            return command(address.deviceType(), address.deviceId(), address.name(), address.format());
        }
        return address.ownEvent() ? deviceEvent(address.name(), address.format())
                : event(address.deviceType(), address.deviceId(), address.name(), address.format());
    }

    /** A device's own event [5.2.3]. */
    public static String deviceEvent(String event, String format) {
        return "iot-2/evt/" + event + "/fmt/" + format;
    }

    /** A device event as applications publish (on behalf of the device [5.3.3]) and subscribe to it [5.3.5]. */
    public static String event(String type, String id, String event, String format) {
        return "iot-2/type/" + type + "/id/" + id + "/evt/" + event + "/fmt/" + format;
    }

    /** A command as applications send [5.3.4] and watch it [5.3.6]. */
    public static String command(String type, String id, String command, String format) {
        return "iot-2/type/" + type + "/id/" + id + "/cmd/" + command + "/fmt/" + format;
    }

    /** The commands a device subscribes to [5.2.4]. */
    public static String deviceCommands(String command, String format) {
        return "iot-2/cmd/" + command + "/fmt/" + format;
    }

    /** Status messages of devices [5.3.7]. */
    public static String deviceStatus(String type, String id) {
        return "iot-2/type/" + type + "/id/" + id + "/mon";
    }

    /** Where the service tells a gateway what it refused it (later contract 3.4). */
    public static String gatewayNotify(String gatewayType, String gatewayId) {
        return "iot-2/type/" + gatewayType + "/id/" + gatewayId + "/notify";
    }

    /** Status messages of applications [5.3.8]. */
    public static String appStatus(String appId) {
        return "iot-2/app/" + appId + "/mon";
    }

    /** {@code value}, or the wildcard when it is not set. */
    public static String orAny(String value) {
        return value == null || value.isEmpty() ? ANY : value;
    }

    /**
     * Takes an incoming topic apart. Unknown shapes give an {@link Incoming} with only the topic.
     */
    public static Incoming parse(String topic) {
        String[] l = split(topic);
        if (l.length < 4 || !"iot-2".equals(l[0])) {
            return new Incoming(null, null, null, null, null, null);
        }
        if (l.length == 9 && "type".equals(l[1]) && "id".equals(l[3]) && "fmt".equals(l[7])) {
            boolean event = "evt".equals(l[5]);
            return new Incoming(l[2], l[4], event ? l[6] : null, event ? null : l[6], l[8], null);
        }
        if (l.length == 6 && "type".equals(l[1]) && "id".equals(l[3])) {
            return new Incoming(l[2], l[4], null, null, null, null);
        }
        if (l.length == 4 && "app".equals(l[1])) {
            return new Incoming(null, null, null, null, null, l[2]);
        }
        if (l.length == 5 && "fmt".equals(l[3])) {
            boolean event = "evt".equals(l[1]);
            return new Incoming(null, null, event ? l[2] : null, event ? null : l[2], l[4], null);
        }
        return new Incoming(null, null, null, null, null, null);
    }

    static String[] split(String topic) {
        int count = 1;
        for (int i = 0; i < topic.length(); i++) {
            if (topic.charAt(i) == '/') {
                count++;
            }
        }
        String[] levels = new String[count];
        int start = 0;
        int n = 0;
        for (int i = 0; i < topic.length(); i++) {
            if (topic.charAt(i) == '/') {
                levels[n++] = topic.substring(start, i);
                start = i + 1;
            }
        }
        levels[n] = topic.substring(start);
        return levels;
    }

    /** The parts of an incoming topic; each null when the topic has no such part. */
    public record Incoming(String deviceType, String deviceId, String event, String command, String format,
            String appId) {
    }
}
