package io.cameliotf.emulator.broker;

import com.hivemq.extension.sdk.api.interceptor.connect.ConnectInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.connect.parameter.ConnectInboundInput;
import com.hivemq.extension.sdk.api.interceptor.connect.parameter.ConnectInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.ModifiableConnectPacket;
import com.hivemq.extension.sdk.api.packets.publish.ModifiableWillPublish;
import io.cameliotf.emulator.auth.ClientIdentity;
import io.cameliotf.emulator.auth.MalformedClientIdException;
import io.cameliotf.emulator.auth.SharedClientIds;
import io.cameliotf.emulator.topics.ClientTopics;
import io.cameliotf.emulator.topics.InboundTopic;
import io.cameliotf.emulator.topics.InternalTopics;

/**
 * Runs on every CONNECT, before authentication: gives each connection of a scalable application its own
 * broker client id (they share their subscriptions instead, see {@link SharedClientIds}) and mounts a will
 * message into the client's topic space like any publish.
 */
final class ConnectRewriter implements ConnectInboundInterceptor {

    private final InternalTopics topics;

    ConnectRewriter(InternalTopics topics) {
        this.topics = topics;
    }

    @Override
    public void onConnect(ConnectInboundInput input, ConnectInboundOutput output) {
        ModifiableConnectPacket connect = output.getConnectPacket();
        String clientId = connect.getClientId();
        if (SharedClientIds.isShared(clientId)) {
            connect.setClientId(SharedClientIds.unique(clientId));
            // a per-connection id cannot resume a session: scalable applications always start clean
            connect.setCleanStart(true);
            connect.setSessionExpiryInterval(0);
        }
        connect.getModifiableWillPublish().ifPresent(will -> mountWill(clientId, will));
    }

    private void mountWill(String clientId, ModifiableWillPublish will) {
        InboundTopic topic = null;
        try {
            topic = ClientTopics.of(ClientIdentity.parse(clientId), topics).publish(will.getTopic());
        } catch (MalformedClientIdException e) {
            // authentication refuses this client anyway
        }
        will.setTopic(topic == null ? InternalTopics.DENIED : topic.internalTopic());
        will.setRetain(false);
    }
}
