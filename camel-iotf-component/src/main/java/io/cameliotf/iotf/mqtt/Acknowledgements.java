package io.cameliotf.iotf.mqtt;

import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.eclipse.paho.client.mqttv3.IMqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a QoS 1 or 2 message once the consumers it matched have run (on the connection's delivery thread):
 * acknowledged when all of them processed it (see {@link #unmatched} for one that none matched); otherwise, on a
 * durable session, left unacknowledged and the connection made again so that the service delivers it again, with a
 * backoff that grows while messages keep failing (1 s, 2 s, 4 s, ... up to maxReconnectDelay; reset by the next
 * message processed). On a clean session the service would never deliver it again, so it is acknowledged with a
 * warning.
 */
final class Acknowledgements {

    private static final Logger LOG = LoggerFactory.getLogger(IotfConnection.class);

    private final IMqttAsyncClient client;
    private final ConnectionSettings settings;
    private final Subscriptions subscriptions;
    private final BooleanSupplier reconnecting;
    private final BooleanSupplier noConsumer;
    private final BooleanSupplier contextStarting;
    private final LongConsumer reconnectAfter;
    private volatile boolean warnedUnmatched;
    /** Messages that failed in a row (only the delivery thread touches it). */
    private int failedInARow;
    /** Messages left unacknowledged for the session because no consumer was there to take them. */
    private final java.util.concurrent.atomic.AtomicInteger withheld = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param reconnecting true while a connection dropped after a failure has not been made again
     * @param noConsumer true while no consumer is subscribed on the connection (before the first, after the last)
     * @param contextStarting true while the CamelContext starts its routes (more consumers may subscribe)
     * @param reconnectAfter drops the connection and makes it again after the given milliseconds
     */
    Acknowledgements(IMqttAsyncClient client, ConnectionSettings settings, Subscriptions subscriptions,
            BooleanSupplier reconnecting, BooleanSupplier noConsumer, BooleanSupplier contextStarting,
            LongConsumer reconnectAfter) {
        this.client = client;
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.reconnecting = reconnecting;
        this.noConsumer = noConsumer;
        this.contextStarting = contextStarting;
        this.reconnectAfter = reconnectAfter;
    }

    void deliver(String topic, MqttMessage message) {
        boolean durable = !settings.cleanSession();
        if (durable && message.getQos() > 0 && reconnecting.getAsBoolean()) {
            // a message before this one failed and the connection is being made again: the service delivers this one
            // again after it, so running the route now would only run it twice, and out of order
            return;
        }
        if (durable && message.getQos() > 0 && noConsumer.getAsBoolean()) {
            // no consumer to take it (acknowledging it unprocessed would lose it): the durable session keeps it until
            // one subscribes, or for the application's next connection
            withheld.incrementAndGet();
            return;
        }
        Subscriptions.Outcome outcome = subscriptions.dispatch(topic, message);
        if (message.getQos() == 0) {
            return;
        }
        switch (outcome) {
            case PROCESSED:
                failedInARow = 0;
                acknowledge(message);
                break;
            case UNMATCHED:
                unmatched(topic, message, durable);
                break;
            default:
                failed(topic, message, durable);
        }
    }

    /**
     * A message no consumer takes. A durable session delivers what it queued as soon as it is resumed, before the
     * consumers of a starting CamelContext have subscribed: such a message is kept for the session (the connection
     * is made again once they have). Once the context has started, it belongs to a subscription the session still
     * has and no route uses (a route removed or stopped), and is acknowledged.
     */
    private void unmatched(String topic, MqttMessage message, boolean durable) {
        if (durable && contextStarting.getAsBoolean()) {
            withheld.incrementAndGet();
            return;
        }
        if (durable && !warnedUnmatched) {
            warnedUnmatched = true;
            LOG.warn("A message on {} matches no consumer of {}: its durable session has a subscription that no "
                    + "started route uses (a route removed, or one stopped while others share the connection). Such "
                    + "messages are acknowledged and dropped (this is logged once)", topic, settings.clientId());
        }
        acknowledge(message);
    }

    private void failed(String topic, MqttMessage message, boolean durable) {
        if (!durable) {
            LOG.warn("A message on {} failed and is acknowledged anyway: with cleanSession=true the service would "
                    + "not deliver it again. Use cleanSession=false for at-least-once delivery.", topic);
            acknowledge(message);
            return;
        }
        long delay = ReconnectSchedule.backoff(failedInARow++, settings.maxReconnectDelayMillis());
        LOG.warn("A message on {} failed and is not acknowledged ({} failure(s) in a row): reconnecting {} in {} ms "
                + "so that the service delivers it again. A message that always fails comes back until the route "
                + "handles it: a deadLetterChannel, or onException(...).handled(true), takes it out", topic,
                failedInARow, settings.clientId(), delay);
        reconnectAfter.accept(delay);
    }

    /** How many messages were withheld since the last call. */
    int takeWithheld() {
        return withheld.getAndSet(0);
    }

    private void acknowledge(MqttMessage message) {
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            LOG.debug("Could not acknowledge message {} of {}: {}", message.getId(), settings.clientId(), e.toString());
        }
    }
}
