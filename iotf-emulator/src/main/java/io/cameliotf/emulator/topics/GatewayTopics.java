package io.cameliotf.emulator.topics;

import io.cameliotf.emulator.auth.ClientIdentity;
import io.cameliotf.emulator.auth.IotfNames;

/**
 * A gateway (later contract 3.4): publishes events for itself and for any device of its organization, in the typed
 * form an application uses; subscribes to commands of those devices ({@code +} allowed in type, id, command and
 * format) and to its own notify topic. Device management (3.5.1): publishes requests for itself and those devices on
 * {@code iotdevice-1/type/<t>/id/<d>/<op>}, subscribes to {@code iotdm-1/type/<t|+>/id/<d|+>/...}, where the service
 * sends only what it addresses to this gateway (for itself and the devices it manages). Status of the devices of its
 * organization: {@code iot-2/type/<t|+>/id/<d|+>/mon}. Nothing else: no events, no commands it publishes.
 */
final class GatewayTopics extends ClientTopics {

    private final String notify;
    /** Where the service's device management messages to this gateway are published inside the broker. */
    private final String dmPrefix;

    GatewayTopics(ClientIdentity identity, InternalTopics internal) {
        super(identity, internal);
        this.dmPrefix = internal.dmToGateway(identity.org(), identity.deviceType(), identity.deviceId());
        this.notify = unmounted(internal.gatewayNotify(identity.org(), identity.deviceType(),
                identity.deviceId()));
    }

    @Override
    public InboundTopic publish(String topic) {
        if (topic.startsWith(InternalTopics.IOTDEVICE)) {
            return management(topic);
        }
        // iot-2/type/<t>/id/<d>/evt/<e>/fmt/<f>
        if (!topic.startsWith(InternalTopics.IOT2)) {
            return null;
        }
        String[] l = TopicLevels.split(topic);
        if (l.length != 9 || !"type".equals(l[1]) || !"id".equals(l[3]) || !"evt".equals(l[5]) || !"fmt".equals(l[7])
                || !IotfNames.isValidTypeOrId(l[2]) || !IotfNames.isValidTypeOrId(l[4])
                || !TopicLevels.isLiteral(l[6]) || !TopicLevels.isLiteral(l[8])) {
            return null;
        }
        return new InboundTopic(mount + topic, true, l[2], l[4], l[6], l[8]);
    }

    /** {@code iotdevice-1/type/<t>/id/<d>/<op>}: a device management request for itself or a device it serves. */
    private InboundTopic management(String topic) {
        String[] l = TopicLevels.split(topic);
        if (l.length < 6 || !"type".equals(l[1]) || !"id".equals(l[3]) || !IotfNames.isValidTypeOrId(l[2])
                || !IotfNames.isValidTypeOrId(l[4])) {
            return null;
        }
        int opStart = InternalTopics.IOTDEVICE.length() + "type//id//".length() + l[2].length() + l[4].length();
        String op = topic.substring(opStart);
        return isManagementOp(op) ? InboundTopic.management(l[2], l[4], op) : null;
    }

    @Override
    public String subscription(String filter) {
        if (filter.equals(notify)) {
            return mount + filter;
        }
        if (filter.startsWith(InternalTopics.IOTDM)) {
            // iotdm-1/type/<t|+>/id/<d|+>/<rest>: mounted in this gateway's own device management space
            String[] l = TopicLevels.split(filter);
            return l.length >= 6 && "type".equals(l[1]) && "id".equals(l[3]) && isTypeOrIdFilter(l[2])
                    && isTypeOrIdFilter(l[4]) && !l[5].isEmpty()
                    ? dmPrefix + filter.substring(InternalTopics.IOTDM.length()) : null;
        }
        // iot-2/type/<t|+>/id/<d|+>/cmd/<c|+>/fmt/<f|+>
        if (!filter.startsWith(InternalTopics.IOT2)) {
            return null;
        }
        String[] l = TopicLevels.split(filter);
        if (l.length == 6 && "type".equals(l[1]) && "id".equals(l[3]) && "mon".equals(l[5])
                && isTypeOrIdFilter(l[2]) && isTypeOrIdFilter(l[4])) {
            // iot-2/type/<t|+>/id/<d|+>/mon: status of devices of its organization (3.4; no resource groups here)
            return mount + filter;
        }
        if (l.length != 9 || !"type".equals(l[1]) || !"id".equals(l[3]) || !"cmd".equals(l[5]) || !"fmt".equals(l[7])
                || !isTypeOrIdFilter(l[2]) || !isTypeOrIdFilter(l[4])
                || !TopicLevels.isLiteralOrPlus(l[6]) || !TopicLevels.isLiteralOrPlus(l[8])) {
            return null;
        }
        return mount + filter;
    }

    @Override
    public ServedDevice servedDevice(String filter) {
        String[] l = TopicLevels.split(filter);
        boolean management = filter.startsWith(InternalTopics.IOTDM) && l.length >= 6;
        if (!management && l.length != 9 || !TopicLevels.isLiteral(l[2]) || !TopicLevels.isLiteral(l[4])
                || identity.deviceType().equals(l[2]) && identity.deviceId().equals(l[4])) {
            return null;
        }
        return new ServedDevice(l[2], l[4]);
    }

    @Override
    public String delivery(String internalTopic) {
        if (internalTopic.startsWith(dmPrefix)) {
            return InternalTopics.IOTDM + internalTopic.substring(dmPrefix.length());
        }
        return unmounted(internalTopic);
    }
}
