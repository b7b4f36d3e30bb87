package io.cameliotf.emulator.topics;

import io.cameliotf.emulator.auth.ClientIdentity;
import io.cameliotf.emulator.auth.IotfNames;

/**
 * A gateway (later contract 3.4): publishes events for itself and for any device of its organization, in the typed
 * form an application uses; subscribes to commands of those devices ({@code +} allowed in type, id, command and
 * format) and to its own notify topic. Nothing else: no events, no status, no commands it publishes.
 */
final class GatewayTopics extends ClientTopics {

    private final String notify;

    GatewayTopics(ClientIdentity identity) {
        super(identity);
        this.notify = unmounted(InternalTopics.gatewayNotify(identity.org(), identity.deviceType(),
                identity.deviceId()));
    }

    @Override
    public InboundTopic publish(String topic) {
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

    @Override
    public String subscription(String filter) {
        if (filter.equals(notify)) {
            return mount + filter;
        }
        // iot-2/type/<t|+>/id/<d|+>/cmd/<c|+>/fmt/<f|+>
        if (!filter.startsWith(InternalTopics.IOT2)) {
            return null;
        }
        String[] l = TopicLevels.split(filter);
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
        if (l.length != 9 || !TopicLevels.isLiteral(l[2]) || !TopicLevels.isLiteral(l[4])
                || identity.deviceType().equals(l[2]) && identity.deviceId().equals(l[4])) {
            return null;
        }
        return new ServedDevice(l[2], l[4]);
    }

    @Override
    public String delivery(String internalTopic) {
        return unmounted(internalTopic);
    }
}
