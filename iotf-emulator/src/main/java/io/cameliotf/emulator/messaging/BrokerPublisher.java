package io.cameliotf.emulator.messaging;

import java.util.concurrent.CompletableFuture;

/** Publishes into the broker, on a topic inside it (see {@code topics.InternalTopics}), as the service itself. */
@FunctionalInterface
public interface BrokerPublisher {

    /** Completes when the broker has taken the message (it is then queued for every matching subscriber). */
    CompletableFuture<Void> publish(String internalTopic, byte[] payload, int qos);
}
