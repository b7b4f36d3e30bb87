package io.cameliotf.iotf.mqtt;

import io.cameliotf.iotf.payload.IotfGatewayNotification;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What a connection has done and is doing, for its health checks, the {@code iotf} dev console and the metrics:
 * messages in and out, reconnects, its last error, whether it is up and since when, its in-flight messages and
 * subscriptions. On the hot path there is only an increment ({@link LongAdder}); the rest changes when the connection
 * comes or goes, or is read from the connection's parts when asked.
 */
public final class ConnectionStats {

    private final ConnectedState state;
    private final IntSupplier inFlight;
    private final Supplier<List<Subscriptions.Subscription>> subscriptions;
    private final GatewayNotifications notifications;

    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private volatile long connectedAt;
    private volatile boolean everConnected;
    private volatile Throwable lastError;

    /** @param notifications a gateway's notifications, or null for other clients */
    ConnectionStats(ConnectedState state, IntSupplier inFlight, Supplier<List<Subscriptions.Subscription>> subscriptions,
            GatewayNotifications notifications) {
        this.state = state;
        this.inFlight = inFlight;
        this.subscriptions = subscriptions;
        this.notifications = notifications;
    }

    void messageIn() {
        messagesIn.increment();
    }

    void messageOut() {
        messagesOut.increment();
    }

    /** The connection is up; true when it had been up before (a reconnect). */
    boolean connected(long now) {
        boolean reconnect = everConnected;
        everConnected = true;
        connectedAt = now;
        if (reconnect) {
            reconnects.increment();
        }
        return reconnect;
    }

    void error(Throwable error) {
        lastError = error;
    }

    /** Messages the service delivered to the connection (redeliveries included). */
    public long messagesIn() {
        return messagesIn.sum();
    }

    /** Messages the connection handed to the service. */
    public long messagesOut() {
        return messagesOut.sum();
    }

    /** Connections made again after the first. */
    public long reconnects() {
        return reconnects.sum();
    }

    /** When the connection was last made (epoch millis), 0 before it was. */
    public long connectedAt() {
        return connectedAt;
    }

    /** The last error (a refusal, a lost connection), or null. */
    public Throwable lastError() {
        return lastError;
    }

    public boolean isConnected() {
        return state.isConnected();
    }

    /** Since when (epoch millis) the connection is up, or down. */
    public long stateSince() {
        return state.since();
    }

    /** QoS 1 and 2 messages published and not acknowledged yet. */
    public int inFlight() {
        return inFlight.getAsInt();
    }

    /** The consumers' subscriptions, in the order they subscribed (a filter twice when two consumers share it). */
    public List<Subscribed> subscriptions() {
        return subscriptions.get().stream().map(s -> new Subscribed(s.filter().filter(), s.qos())).toList();
    }

    /** True for a gateway's connection, which receives notifications (later contract 3.4). */
    public boolean isGateway() {
        return notifications != null;
    }

    /** How many notifications (refused publishes and subscribes) a gateway received; 0 for other clients. */
    public long gatewayNotifications() {
        return notifications == null ? 0 : notifications.count();
    }

    /** A gateway's last notification, or null (none yet, or not a gateway). */
    public IotfGatewayNotification lastGatewayNotification() {
        return notifications == null ? null : notifications.last();
    }

    /** A consumer's topic filter and the QoS it subscribed with. */
    public record Subscribed(String topicFilter, int qos) {
    }
}
