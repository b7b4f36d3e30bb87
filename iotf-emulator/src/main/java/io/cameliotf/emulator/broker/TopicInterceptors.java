package io.cameliotf.emulator.broker;

import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundOutput;
import com.hivemq.extension.sdk.api.interceptor.subscribe.SubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundInput;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundOutput;
import com.hivemq.extension.sdk.api.interceptor.unsubscribe.UnsubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.unsubscribe.parameter.UnsubscribeInboundInput;
import com.hivemq.extension.sdk.api.interceptor.unsubscribe.parameter.UnsubscribeInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.ModifiableOutboundPublish;
import com.hivemq.extension.sdk.api.packets.publish.ModifiablePublishPacket;
import com.hivemq.extension.sdk.api.packets.subscribe.ModifiableSubscription;
import com.hivemq.extension.sdk.api.packets.unsubscribe.ModifiableUnsubscribePacket;
import io.cameliotf.emulator.auth.ClientIdentity;
import io.cameliotf.emulator.events.DeviceEvent;
import io.cameliotf.emulator.events.EventSink;
import io.cameliotf.emulator.log.LogSafe;
import io.cameliotf.emulator.mgmt.ManagementInbox;
import io.cameliotf.emulator.registry.GatewayDevices;
import io.cameliotf.emulator.session.ConnectionState;
import io.cameliotf.emulator.topics.ClientTopics;
import io.cameliotf.emulator.topics.InboundTopic;
import io.cameliotf.emulator.topics.InternalTopics;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interceptors of one connection: they translate between the client's topics and the broker's
 * (see {@link ClientTopics}), enforce the payload limit, ignore the retained flag and QuickStart's QoS 0, count
 * traffic for status messages, and hand every accepted device event to the {@link EventSink}.
 * <p>
 * A publish outside the client's space (or over the size limit) is not delivered and its client is disconnected; a
 * subscription outside it is rewritten to {@link InternalTopics#DENIED}, which the {@link TopicAuthorizer} refuses
 * with a SUBACK failure. Events are handed on only once the topic has been accepted here, so denied publishes never
 * reach the sink. A gateway is also told of each refusal on its notify topic ({@link GatewayNotifier}), and a device it
 * acts for is registered on first use ({@link GatewayDevices}). Device management requests ({@code iotdevice-1/...})
 * go to the {@link ManagementInbox} and to no subscriber.
 */
final class TopicInterceptors implements PublishInboundInterceptor, PublishOutboundInterceptor,
        SubscribeInboundInterceptor, UnsubscribeInboundInterceptor {

    /** The service refused payloads over 128 KiB. */
    static final int MAX_PAYLOAD_BYTES = 131_072;
    private static final Logger LOG = LoggerFactory.getLogger(TopicInterceptors.class);

    private final ConnectionState state;
    private final ClientTopics topics;
    private final EventSink events;
    private final BooleanSupplier eventsActive;
    private final Clock clock;
    private final BiConsumer<String, String> disconnect;
    private final Duration storeTimeout;
    private final GatewayNotifier notifier;
    private final GatewayDevices gatewayDevices;
    private final ManagementInbox management;
    /** The reason a held publish is refused with when the historian did not answer in time. */
    private final String storeTimeoutReason;

    /**
     * @param storeTimeout how long a publish may wait for the historian before it is refused (the historian answers
     *        sooner: a batch that cannot be written is refused at once; this bounds a writer that hangs)
     * @param notifier tells a gateway client what was refused it
     * @param gatewayDevices registers the devices a gateway client publishes for
     * @param management takes the device management requests
     */
    TopicInterceptors(ConnectionState state, EventSink events, BooleanSupplier eventsActive, Clock clock,
            BiConsumer<String, String> disconnect, Duration storeTimeout, GatewayNotifier notifier,
            GatewayDevices gatewayDevices, ManagementInbox management) {
        this.state = state;
        this.topics = state.topics();
        this.events = events;
        this.eventsActive = eventsActive;
        this.clock = clock;
        this.disconnect = disconnect;
        this.storeTimeout = storeTimeout;
        this.notifier = notifier;
        this.gatewayDevices = gatewayDevices;
        this.management = management;
        this.storeTimeoutReason = "the event was not kept within " + storeTimeout.toMillis() + " ms";
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        try {
            intercept(input, output);
        } catch (RuntimeException e) {
            // HiveMQ drops the publish of an interceptor that threw with the output's reason code, SUCCESS unless one
            // was set: an MQTT 3 client would get a PUBACK for an event that nobody took
            LOG.error("The publish of {} could not be handled; it is refused", LogSafe.of(state.identity().clientId()),
                    e);
            output.preventPublishDelivery(AckReasonCode.UNSPECIFIED_ERROR, "the service could not handle the publish");
        }
    }

    private void intercept(PublishInboundInput input, PublishInboundOutput output) {
        ModifiablePublishPacket packet = output.getPublishPacket();
        String topic = packet.getTopic();
        ByteBuffer payload = packet.getPayload().orElse(null);
        int size = payload == null ? 0 : payload.remaining();
        state.countRead(packetSize(topic, size, packet.getQos()), clock.millis());
        if (size > MAX_PAYLOAD_BYTES) {
            deny(input, output, "a payload of " + size + " bytes on " + topic + " is over the limit of "
                    + MAX_PAYLOAD_BYTES + " bytes");
            return;
        }
        InboundTopic route = topics.publish(topic);
        if (route == null) {
            notifier.refused(state.identity(), "publish", topic, "the topic is outside the gateway's topic space");
            deny(input, output, "publishing on " + topic + " is outside its topic space");
            return;
        }
        if (!served(route, topic, output)) {
            return;
        }
        if (route.management()) {
            // consumed by the service (later contract 3.5.1); the client gets its PUBACK, nobody a delivery
            packet.setTopic(InternalTopics.DENIED);
            output.preventPublishDelivery();
            management.received(state.identity(), route.deviceType(), route.deviceId(), route.name(), bytes(payload));
            return;
        }
        packet.setTopic(route.internalTopic());
        packet.setRetain(false); // the service ignored the retained flag
        if (state.identity().isQuickstart()) {
            packet.setQos(Qos.AT_MOST_ONCE);
        }
        if (route.event() && eventsActive.getAsBoolean()) {
            DeviceEvent event = new DeviceEvent(state.identity().org(), route.deviceType(), route.deviceId(),
                    route.name(), route.format(), bytes(payload), clock.instant(), state.identity().clientId());
            if (events.acknowledges() && packet.getQos() != Qos.AT_MOST_ONCE) {
                acceptDurably(input, output, event);
            } else {
                events.accept(event);
            }
        }
    }

    /**
     * Holds the publish (and so its PUBACK) until the historian has kept the event: what a publisher saw
     * acknowledged survives a crash. One that cannot be kept is refused; HiveMQ then disconnects an MQTT 3 client
     * without a PUBACK (an MQTT 5 client gets a negative one), so the client resends it.
     */
    private void acceptDurably(PublishInboundInput input, PublishInboundOutput output, DeviceEvent event) {
        PublishAcknowledgement ack = new PublishAcknowledgement(output, why -> {
            String reason = "The client " + state.identity().clientId() + " was disconnected: its event "
                    + event.event() + " could not be kept: " + why;
            LOG.warn(LogSafe.of(reason));
            state.closeReason(reason);
        });
        events.accept(event, ack);
        ack.holdUnlessAnswered(storeTimeout, storeTimeoutReason);
    }

    /**
     * For a gateway publishing for another device: registers that device when it is not (later contract 3.4). One
     * that cannot be registered loses the publish, and the gateway is told: as for an event the historian could not
     * keep, an MQTT 3 gateway is disconnected without a PUBACK (so it resends), an MQTT 5 one gets a negative PUBACK.
     */
    private boolean served(InboundTopic route, String topic, PublishInboundOutput output) {
        ClientIdentity gateway = state.identity();
        if (!gateway.isGateway() || gateway.deviceType().equals(route.deviceType())
                && gateway.deviceId().equals(route.deviceId())) {
            return true;
        }
        String problem = gatewayDevices.serve(gateway.org(), gateway.deviceType(), gateway.deviceId(),
                route.deviceType(), route.deviceId());
        if (problem == null) {
            return true;
        }
        notifier.refused(gateway, "publish", topic, problem);
        output.getPublishPacket().setTopic(InternalTopics.DENIED);
        output.preventPublishDelivery(AckReasonCode.UNSPECIFIED_ERROR, "the device could not be registered");
        return false;
    }

    /**
     * For a gateway subscribing to the commands of one other device: registers that device when it is not.
     *
     * @return null when it is registered (or the subscription names none), else why it could not be
     */
    private String unserved(String filter) {
        ClientTopics.ServedDevice device = topics.servedDevice(filter);
        if (device == null) {
            return null;
        }
        ClientIdentity gateway = state.identity();
        return gatewayDevices.serve(gateway.org(), gateway.deviceType(), gateway.deviceId(), device.type(),
                device.id());
    }

    /** Drops the publish and disconnects its client, as the service did [2.3.5]. */
    private void deny(PublishInboundInput input, PublishInboundOutput output, String why) {
        String reason = "The client " + state.identity().clientId() + " was disconnected: " + why;
        LOG.info(LogSafe.of(reason)); // the reason quotes the client's topic
        state.closeReason(reason);
        output.getPublishPacket().setTopic(InternalTopics.DENIED);
        output.preventPublishDelivery();
        disconnect.accept(input.getClientInformation().getClientId(), reason);
    }

    @Override
    public void onOutboundPublish(PublishOutboundInput input, PublishOutboundOutput output) {
        ModifiableOutboundPublish packet = output.getPublishPacket();
        String topic = topics.delivery(packet.getTopic());
        packet.setTopic(topic);
        state.countWrite(packetSize(topic, packet.getPayload().map(ByteBuffer::remaining).orElse(0), packet.getQos()));
    }

    @Override
    public void onInboundSubscribe(SubscribeInboundInput input, SubscribeInboundOutput output) {
        state.active(clock.millis());
        for (ModifiableSubscription subscription : output.getSubscribePacket().getSubscriptions()) {
            String filter = subscription.getTopicFilter();
            String internal = topics.subscription(filter);
            String unserved = internal == null ? null : unserved(filter);
            if (internal == null) {
                LOG.info("Refused subscription of {} to {}: outside its topic space", state.identity().clientId(),
                        LogSafe.of(filter));
                subscription.setTopicFilter(InternalTopics.DENIED);
                notifier.refused(state.identity(), "subscribe", filter, "the topic filter is outside the gateway's "
                        + "topic space");
            } else if (unserved != null) {
                subscription.setTopicFilter(InternalTopics.DENIED);
                notifier.refused(state.identity(), "subscribe", filter, unserved);
            } else {
                subscription.setTopicFilter(internal);
                if (state.identity().isQuickstart()) {
                    subscription.setQos(Qos.AT_MOST_ONCE);
                }
            }
        }
    }

    @Override
    public void onInboundUnsubscribe(UnsubscribeInboundInput input, UnsubscribeInboundOutput output) {
        ModifiableUnsubscribePacket packet = output.getUnsubscribePacket();
        List<String> filters = new ArrayList<>(packet.getTopicFilters().size());
        for (String filter : packet.getTopicFilters()) {
            String internal = topics.subscription(filter);
            filters.add(internal == null ? InternalTopics.DENIED : internal);
        }
        packet.setTopicFilters(filters);
    }

    /** The size of an MQTT PUBLISH packet with this topic and payload (fixed header estimated at 2-5 bytes). */
    static int packetSize(String topic, int payloadBytes, Qos qos) {
        int remaining = 2 + topic.length() + (qos == Qos.AT_MOST_ONCE ? 0 : 2) + payloadBytes;
        int lengthBytes = remaining < 128 ? 1 : remaining < 16_384 ? 2 : remaining < 2_097_152 ? 3 : 4;
        return 1 + lengthBytes + remaining;
    }

    private static byte[] bytes(ByteBuffer payload) {
        if (payload == null) {
            return new byte[0];
        }
        ByteBuffer b = payload.duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }
}
