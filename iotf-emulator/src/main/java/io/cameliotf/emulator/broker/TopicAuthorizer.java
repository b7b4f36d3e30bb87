package io.cameliotf.emulator.broker;

import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import io.cameliotf.emulator.topics.InternalTopics;

/**
 * Enforces the decisions of {@link TopicInterceptors}, which ran first and rewrote every subscription outside the
 * client's topic space to {@link InternalTopics#DENIED}: it gets a SUBACK failure (0x80) [2.3.5]. Publishes are
 * decided in the interceptor alone (a denied one is not delivered and its client is disconnected): a publish
 * authorizer would cost every message another hop through HiveMQ's extension executor.
 */
final class TopicAuthorizer implements SubscriptionAuthorizer {

    static final TopicAuthorizer INSTANCE = new TopicAuthorizer();

    @Override
    public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
        if (InternalTopics.DENIED.equals(input.getSubscription().getTopicFilter())) {
            output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "subscription outside the client's topic space");
        } else {
            output.authorizeSuccessfully();
        }
    }
}
