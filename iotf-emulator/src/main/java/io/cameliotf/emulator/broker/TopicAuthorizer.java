package io.cameliotf.emulator.broker;

import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import io.cameliotf.emulator.topics.InternalTopics;

/**
 * Enforces the decisions of {@link TopicInterceptors}, which ran first and rewrote everything outside the
 * client's topic space to {@link InternalTopics#DENIED}: a device publishing outside its space is disconnected,
 * a subscription outside it gets a SUBACK failure (0x80) [2.3.5].
 */
final class TopicAuthorizer implements PublishAuthorizer, SubscriptionAuthorizer {

    static final TopicAuthorizer INSTANCE = new TopicAuthorizer();

    @Override
    public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
        if (InternalTopics.DENIED.equals(input.getPublishPacket().getTopic())) {
            output.disconnectClient(DisconnectReasonCode.NOT_AUTHORIZED, "publish outside the client's topic space");
        } else {
            output.authorizeSuccessfully();
        }
    }

    @Override
    public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
        if (InternalTopics.DENIED.equals(input.getSubscription().getTopicFilter())) {
            output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "subscription outside the client's topic space");
        } else {
            output.authorizeSuccessfully();
        }
    }
}
