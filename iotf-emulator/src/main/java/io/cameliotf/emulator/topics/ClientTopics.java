package io.cameliotf.emulator.topics;

import io.cameliotf.emulator.auth.ClientIdentity;
import io.cameliotf.emulator.auth.IotfNames;

/**
 * The topic space of one client, and its translation to and from the topics inside the broker.
 * This class is where the service's topic rules live [2.3.5, 2.3.6, 5.2.3, 5.2.4, 5.3.3-5.3.9].
 */
public abstract class ClientTopics {

    protected final ClientIdentity identity;
    protected final InternalTopics internal;
    protected final String mount;

    ClientTopics(ClientIdentity identity, InternalTopics internal) {
        this.identity = identity;
        this.internal = internal;
        this.mount = internal.mount(identity.org());
    }

    /** The topic space of {@code identity} in the broker's layout {@code internal}. */
    public static ClientTopics of(ClientIdentity identity, InternalTopics internal) {
        return switch (identity.kind()) {
            case DEVICE -> new DeviceTopics(identity, internal);
            case GATEWAY -> new GatewayTopics(identity, internal);
            case APPLICATION, SHARED_APPLICATION -> new ApplicationTopics(identity, internal);
        };
    }

    /**
     * Whether the client sees the broker's topics as they are, so that messages delivered to it need no rewriting:
     * an application of the organization at the root. Devices and gateways always see a translated space.
     */
    public boolean deliversUnchanged() {
        return false;
    }

    /** The internal topic of a publish, or null when the client may not publish on {@code topic}. */
    public abstract InboundTopic publish(String topic);

    /** The internal filter of a subscription, or null when the client may not subscribe to {@code filter}. */
    public abstract String subscription(String filter);

    /** The topic a client sees for a message delivered from {@code internalTopic}. */
    public abstract String delivery(String internalTopic);

    /**
     * The other device an accepted subscription acts for, when it names one (a gateway's command subscription with a
     * literal type and id), else null.
     */
    public ServedDevice servedDevice(String filter) {
        return null;
    }

    /** A device a gateway acts for. */
    public record ServedDevice(String type, String id) {
    }

    /** {@code internalTopic} without its organization's mount: the application form. */
    protected String unmounted(String internalTopic) {
        return internalTopic.startsWith(mount) ? internalTopic.substring(mount.length()) : internalTopic;
    }

    /**
     * Whether {@code op} (what follows {@code iotdevice-1/} or a gateway's {@code iotdevice-1/type/<t>/id/<d>/}) is a
     * topic a device management request can be published on: one or more levels, none empty or a wildcard. Which
     * operations exist is the service's to answer (rc 404 for an unknown one, later contract 3.5.2), not the broker's.
     */
    static boolean isManagementOp(String op) {
        if (op.isEmpty()) {
            return false;
        }
        for (String level : TopicLevels.split(op)) {
            if (!TopicLevels.isLiteral(level)) {
                return false;
            }
        }
        return true;
    }

    /** A type or id level of a filter: {@code +}, or a valid name. */
    static boolean isTypeOrIdFilter(String level) {
        return "+".equals(level) || IotfNames.isValidTypeOrId(level);
    }

    /** A device: publishes its own events, subscribes to its own commands [5.2.3, 5.2.4]. */
    static final class DeviceTopics extends ClientTopics {

        private final String devicePrefix;
        /** Where the service's device management messages to this device are published inside the broker. */
        private final String dmPrefix;

        DeviceTopics(ClientIdentity identity, InternalTopics internal) {
            super(identity, internal);
            this.devicePrefix = internal.devicePrefix(identity.org(), identity.deviceType(), identity.deviceId());
            this.dmPrefix = internal.dmToDevice(identity.org(), identity.deviceType(), identity.deviceId());
        }

        @Override
        public InboundTopic publish(String topic) {
            // iotdevice-1/<op>: a device management request of the device itself (later contract 3.5.1); not on
            // QuickStart (3.5.2)
            if (topic.startsWith(InternalTopics.IOTDEVICE)) {
                String op = topic.substring(InternalTopics.IOTDEVICE.length());
                return identity.isQuickstart() || !isManagementOp(op) ? null
                        : InboundTopic.management(identity.deviceType(), identity.deviceId(), op);
            }
            // iot-2/evt/<event>/fmt/<format>
            if (!topic.startsWith(InternalTopics.IOT2)) {
                return null;
            }
            String[] l = TopicLevels.split(topic);
            if (l.length != 5 || !"evt".equals(l[1]) || !"fmt".equals(l[3])
                    || !TopicLevels.isLiteral(l[2]) || !TopicLevels.isLiteral(l[4])) {
                return null;
            }
            return new InboundTopic(devicePrefix + topic.substring(InternalTopics.IOT2.length()), true,
                    identity.deviceType(), identity.deviceId(), l[2], l[4]);
        }

        @Override
        public String subscription(String filter) {
            // iotdm-1/# (or any filter below iotdm-1/): the service's device management messages to this device only
            // (later contract 3.5.1)
            if (!identity.isQuickstart() && filter.startsWith(InternalTopics.IOTDM)
                    && filter.length() > InternalTopics.IOTDM.length()) {
                return dmPrefix + filter.substring(InternalTopics.IOTDM.length());
            }
            // iot-2/cmd/<command|+>/fmt/<format|+>; QuickStart devices cannot receive commands [5.2.5]
            if (identity.isQuickstart() || !filter.startsWith(InternalTopics.IOT2)) {
                return null;
            }
            String[] l = TopicLevels.split(filter);
            if (l.length != 5 || !"cmd".equals(l[1]) || !"fmt".equals(l[3])
                    || !TopicLevels.isLiteralOrPlus(l[2]) || !TopicLevels.isLiteralOrPlus(l[4])) {
                return null;
            }
            return devicePrefix + filter.substring(InternalTopics.IOT2.length());
        }

        @Override
        public String delivery(String internalTopic) {
            if (internalTopic.startsWith(devicePrefix)) {
                return InternalTopics.IOT2 + internalTopic.substring(devicePrefix.length());
            }
            if (internalTopic.startsWith(dmPrefix)) {
                return InternalTopics.IOTDM + internalTopic.substring(dmPrefix.length());
            }
            return unmounted(internalTopic);
        }
    }

    /** An application: the whole topic space of its organization [5.3]. */
    static final class ApplicationTopics extends ClientTopics {

        /** Subscriptions of a scalable application ({@code A:}) go to one shared group per application id. */
        private final String sharePrefix;

        ApplicationTopics(ClientIdentity identity, InternalTopics internal) {
            super(identity, internal);
            this.sharePrefix = identity.isShared() ? "$share/" + identity.org() + ':' + identity.appId() + '/' : "";
        }

        @Override
        public InboundTopic publish(String topic) {
            // iot-2/type/<t>/id/<i>/evt/<e>/fmt/<f> [5.3.3] or iot-2/type/<t>/id/<i>/cmd/<c>/fmt/<f> [5.3.4]
            if (!topic.startsWith(InternalTopics.IOT2)) {
                return null;
            }
            String[] l = TopicLevels.split(topic);
            if (l.length != 9 || !"type".equals(l[1]) || !"id".equals(l[3]) || !"fmt".equals(l[7])
                    || !IotfNames.isValidTypeOrId(l[2]) || !IotfNames.isValidTypeOrId(l[4])
                    || !TopicLevels.isLiteral(l[6]) || !TopicLevels.isLiteral(l[8])) {
                return null;
            }
            boolean event = "evt".equals(l[5]);
            if (!event && (!"cmd".equals(l[5]) || identity.isQuickstart())) {
                return null; // QuickStart applications cannot publish commands [5.3.9]
            }
            return new InboundTopic(mount + topic, event, l[2], l[4], l[6], l[8]);
        }

        @Override
        public String subscription(String filter) {
            return isAllowedFilter(filter) ? sharePrefix + mount + filter : null;
        }

        private boolean isAllowedFilter(String filter) {
            if (!filter.startsWith(InternalTopics.IOT2)) {
                return false;
            }
            boolean quickstart = identity.isQuickstart();
            String[] l = TopicLevels.split(filter);
            if (l.length == 4) {
                // iot-2/app/<appId|+>/mon [5.3.8]; QuickStart: no '+' for the app id [5.3.9]
                return "app".equals(l[1]) && "mon".equals(l[3]) && TopicLevels.isLiteralOrPlus(l[2])
                        && !(quickstart && "+".equals(l[2]));
            }
            if (l.length != 6 && l.length != 9 || !"type".equals(l[1]) || !"id".equals(l[3])
                    || !isTypeOrIdFilter(l[2]) || !isTypeOrIdFilter(l[4]) || quickstart && "+".equals(l[2])) {
                return false;
            }
            if (l.length == 6) {
                return "mon".equals(l[5]); // iot-2/type/<t>/id/<i>/mon [5.3.7]
            }
            // events [5.3.5] or commands [5.3.6]; QuickStart cannot subscribe to commands [5.3.9]
            boolean levelsOk = "fmt".equals(l[7]) && TopicLevels.isLiteralOrPlus(l[6]) && TopicLevels.isLiteralOrPlus(l[8]);
            return levelsOk && ("evt".equals(l[5]) || "cmd".equals(l[5]) && !quickstart);
        }

        @Override
        public String delivery(String internalTopic) {
            return unmounted(internalTopic);
        }

        @Override
        public boolean deliversUnchanged() {
            return mount.isEmpty();
        }
    }
}
