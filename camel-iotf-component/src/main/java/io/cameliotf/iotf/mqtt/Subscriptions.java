package io.cameliotf.iotf.mqtt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttAsyncClient;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumers' subscriptions multiplexed on one connection: made (and waited for) when a consumer starts, restored
 * after every reconnect, and each message handed to every consumer whose filter it matches, in the order they
 * subscribed.
 */
final class Subscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(IotfConnection.class);
    /** What the service grants a subscription outside the client's topic space. */
    private static final int REFUSED = 0x80;

    private final IMqttAsyncClient client;
    private final ConnectionSettings settings;
    private final BooleanSupplier connected;
    private final List<Subscription> all = new CopyOnWriteArrayList<>();

    Subscriptions(IMqttAsyncClient client, ConnectionSettings settings, BooleanSupplier connected) {
        this.client = client;
        this.settings = settings;
        this.connected = connected;
    }

    /**
     * Subscribes {@code handler} to {@code filter}. While connected it returns only once the service granted the
     * subscription (its SUBACK), so that a consumer whose route has started receives what is published from then on;
     * while disconnected, the subscription is made when the connection comes back.
     *
     * @throws IotfConnectionException when the service refuses the subscription (outside the client's topic space),
     *         or does not answer within the connection timeout
     */
    Subscription add(String filter, int qos, MessageHandler handler) {
        Subscription subscription = new Subscription(new TopicFilter(filter), qos, handler);
        // listed first: a connection made meanwhile restores it (a second SUBSCRIBE of a filter is harmless)
        all.add(subscription);
        if (!connected.getAsBoolean()) {
            LOG.debug("{} is not connected: its subscription to {} is made when it connects", settings, filter);
            return subscription;
        }
        long waitMillis = settings.connectionTimeoutSeconds() * 1_000L;
        try {
            IMqttToken token = client.subscribe(filter, qos);
            token.waitForCompletion(waitMillis);
            if (token.getGrantedQos()[0] == REFUSED) {
                throw refused(filter, null);
            }
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_SUBSCRIBE_FAILED) {
                all.remove(subscription);
                throw refused(filter, e);
            }
            if (!connected.getAsBoolean()) {
                LOG.debug("Subscription to {} will be made on reconnect: {}", filter, e.toString());
                return subscription;
            }
            all.remove(subscription);
            String why = e.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT
                    ? "the service did not grant it within " + waitMillis + " ms (connectionTimeout)"
                    : ConnectionErrors.reason(e);
            throw new IotfConnectionException("Cannot subscribe " + settings.clientId() + " to " + filter + ": " + why, e);
        } catch (IotfConnectionException e) {
            all.remove(subscription);
            throw e;
        }
        return subscription;
    }

    /**
     * Lists a subscription of the connection itself, not of a consumer (a gateway's notify topic): made when the
     * connection is, restored with the others, never removed.
     */
    void addStanding(String filter, int qos, MessageHandler handler) {
        all.add(new Subscription(new TopicFilter(filter), qos, handler, true));
    }

    private IotfConnectionException refused(String filter, Throwable cause) {
        return new IotfConnectionException("The service refused the subscription of " + settings.clientId() + " to "
                + filter + ": the topic is outside the client's topic space [2.3.5, 5.3.9]", cause);
    }

    /**
     * Removes a subscription; the service is told (UNSUBSCRIBE) when no other consumer uses the filter, unless
     * {@code local}.
     */
    void remove(Subscription subscription, boolean local) {
        all.remove(subscription);
        String filter = subscription.filter().filter();
        boolean stillUsed = all.stream().anyMatch(s -> s.filter().filter().equals(filter));
        if (!stillUsed && connected.getAsBoolean() && !local) {
            try {
                client.unsubscribe(filter).waitForCompletion(settings.connectionTimeoutSeconds() * 1_000L);
            } catch (MqttException e) {
                LOG.debug("Unsubscribing {} from {} failed: {}", settings.clientId(), filter, e.toString());
            }
        }
    }

    /** Makes every subscription again, without waiting (on a new connection). */
    void restore() {
        for (Subscription s : all) {
            try {
                client.subscribe(s.filter().filter(), s.qos(), null, new IMqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        if (token.getGrantedQos()[0] == REFUSED) {
                            LOG.error("The service refused the subscription of {} to {} on reconnect",
                                    settings.clientId(), s.filter());
                        }
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable e) {
                        LOG.warn("Could not restore the subscription of {} to {}: {}", settings.clientId(), s.filter(),
                                e.toString());
                    }
                });
            } catch (MqttException e) {
                LOG.warn("Could not restore the subscription of {} to {}: {}", settings.clientId(), s.filter(),
                        e.toString());
            }
        }
    }

    /** Every subscription, in the order the consumers subscribed. */
    List<Subscription> list() {
        return List.copyOf(all);
    }

    /** True when {@code subscription} is the only one of a consumer. */
    boolean isOnly(Subscription subscription) {
        return all.contains(subscription) && all.stream().filter(s -> !s.standing()).count() == 1;
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    /** What became of a message handed to the consumers. */
    enum Outcome {
        /** No consumer's filter matches it. */
        UNMATCHED,
        /** Every consumer it matched processed it. */
        PROCESSED,
        /** A consumer it matched failed on it. */
        FAILED
    }

    /** Hands a message to every consumer it matches, in the order they subscribed. */
    Outcome dispatch(String topic, MqttMessage message) {
        String[] levels = IotfTopics.split(topic);
        boolean matched = false;
        boolean processed = true;
        for (Subscription s : all) {
            if (s.filter().matches(levels)) {
                matched = true;
                processed &= s.handler().onMessage(topic, message);
            }
        }
        return !matched ? Outcome.UNMATCHED : processed ? Outcome.PROCESSED : Outcome.FAILED;
    }

    /** One consumer's subscription on the connection, or one of the connection itself ({@code standing}). */
    record Subscription(TopicFilter filter, int qos, MessageHandler handler, boolean standing) {
        Subscription(TopicFilter filter, int qos, MessageHandler handler) {
            this(filter, qos, handler, false);
        }
    }
}
