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
 * acknowledged when all of them processed it; otherwise, on a durable session, left unacknowledged and the connection
 * made again so that the service delivers it again, with a backoff that grows while messages keep failing (1 s, 2 s,
 * 4 s, ... up to maxReconnectDelay; reset by the next message processed). On a clean session the service would never
 * deliver it again, so it is acknowledged with a warning.
 */
final class Acknowledgements {

    private static final Logger LOG = LoggerFactory.getLogger(IotfConnection.class);

    private final IMqttAsyncClient client;
    private final ConnectionSettings settings;
    private final Subscriptions subscriptions;
    private final BooleanSupplier reconnecting;
    private final BooleanSupplier leaving;
    private final LongConsumer reconnectAfter;
    /** Messages that failed in a row (only the delivery thread touches it). */
    private int failedInARow;
    /** Messages left unacknowledged for the session because no consumer was there to take them. */
    private final java.util.concurrent.atomic.AtomicInteger withheld = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param reconnecting true while a connection dropped after a failure has not been made again
     * @param leaving true once the connection's last consumer has stopped, or it is closing
     * @param reconnectAfter drops the connection and makes it again after the given milliseconds
     */
    Acknowledgements(IMqttAsyncClient client, ConnectionSettings settings, Subscriptions subscriptions,
            BooleanSupplier reconnecting, BooleanSupplier leaving, LongConsumer reconnectAfter) {
        this.client = client;
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.reconnecting = reconnecting;
        this.leaving = leaving;
        this.reconnectAfter = reconnectAfter;
    }

    void deliver(String topic, MqttMessage message) {
        boolean durable = !settings.cleanSession();
        if (durable && message.getQos() > 0 && reconnecting.getAsBoolean()) {
            // a message before this one failed and the connection is being made again: the service delivers this one
            // again after it, so running the route now would only run it twice, and out of order
            return;
        }
        if (durable && message.getQos() > 0 && leaving.getAsBoolean()) {
            // no consumer takes it any more (acknowledging it unprocessed would lose it): the durable session keeps
            // it for the application's next connection
            withheld.incrementAndGet();
            return;
        }
        boolean processed = subscriptions.dispatch(topic, message);
        if (message.getQos() == 0) {
            return;
        }
        if (processed) {
            failedInARow = 0;
            acknowledge(message);
        } else if (!durable) {
            LOG.warn("A message on {} failed and is acknowledged anyway: with cleanSession=true the service would "
                    + "not deliver it again. Use cleanSession=false for at-least-once delivery.", topic);
            acknowledge(message);
        } else {
            long delay = ReconnectSchedule.backoff(failedInARow++, settings.maxReconnectDelayMillis());
            LOG.warn("A message on {} failed and is not acknowledged ({} failure(s) in a row): reconnecting {} in {} ms "
                    + "so that the service delivers it again. A message that always fails comes back until the route "
                    + "handles it: a deadLetterChannel, or onException(...).handled(true), takes it out", topic,
                    failedInARow, settings.clientId(), delay);
            reconnectAfter.accept(delay);
        }
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
