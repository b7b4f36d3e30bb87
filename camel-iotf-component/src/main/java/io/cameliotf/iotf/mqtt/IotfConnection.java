package io.cameliotf.iotf.mqtt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClientPersistence;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.client.mqttv3.persist.MqttDefaultFilePersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT connection of one client id, shared by every endpoint of a CamelContext with that id (the service allows
 * one connection per client id [5.3.1]). Subscriptions of several consumers are multiplexed on it; producers publish
 * on it.
 * <ul>
 * <li>Messages are acknowledged only after every consumer they match has processed them (Paho manual acks). When a
 * consumer fails on a durable session, the message is left unacknowledged and the connection is made again (after a
 * backoff that grows while the same failure repeats), so the service delivers it again; the messages behind it are
 * left for the service to deliver again after it, in order.</li>
 * <li>Lost connections are made again with exponential backoff, and subscriptions are restored (clean and durable
 * sessions alike).</li>
 * <li>Repeated take-overs (another client with the same id) are reported as an error.</li>
 * </ul>
 */
public final class IotfConnection implements MqttCallbackExtended {

    private static final Logger LOG = LoggerFactory.getLogger(IotfConnection.class);

    private final ConnectionSettings settings;
    private final ScheduledExecutorService scheduler;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final Subscriptions subscriptions;
    private final ReconnectSchedule reconnects;
    private final ConnectAttempt connectAttempt;
    private final BooleanSupplier contextStarting;
    private final Publisher publisher;
    private final Acknowledgements acknowledgements;
    private final TakeOverDetector takeOvers = new TakeOverDetector();
    private final ConnectedState state = new ConnectedState();
    private final AtomicBoolean recycling = new AtomicBoolean();
    /**
     * True while no consumer is subscribed: before the first, after the last, and on close. A durable session's
     * messages are then kept for it (not acknowledged); see {@link #redeliverWithheld}.
     */
    private volatile boolean noConsumer = true;
    private final ConnectionStats stats;
    /** A gateway's notifications (later contract 3.4), or null for other clients. */
    private final GatewayNotifications notifications;
    private volatile Thread deliveryThread;
    private final List<Runnable> connectListeners = new CopyOnWriteArrayList<>();

    /**
     * @param contextStarting true while the CamelContext starts its routes: a durable session's messages that arrive
     *        before their consumer subscribed are kept for the session meanwhile
     */
    IotfConnection(ConnectionSettings settings, ScheduledExecutorService scheduler, BooleanSupplier contextStarting) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.contextStarting = contextStarting;
        try {
            MqttClientPersistence persistence = settings.persistenceDirectory() == null ? new MemoryPersistence()
                    : new MqttDefaultFilePersistence(settings.persistenceDirectory());
            this.client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), persistence);
        } catch (MqttException | IllegalArgumentException e) {
            throw new IotfConnectionException("Cannot create the MQTT client " + settings + ": " + e.getMessage(), e);
        }
        client.setManualAcks(true);
        client.setCallback(this);
        subscriptions = new Subscriptions(client, settings, state::isConnected);
        notifications = GatewayNotifications.of(settings.clientId());
        if (notifications != null) {
            subscriptions.addStanding(notifications.topic(), 0, notifications); // made on connect, with the others
        }
        publisher = new Publisher(client, settings);
        stats = new ConnectionStats(state, publisher::inFlight, subscriptions::list, notifications);
        acknowledgements = new Acknowledgements(client, settings, subscriptions, recycling::get, () -> noConsumer,
                contextStarting, this::recycle);
        reconnects = new ReconnectSchedule(scheduler, settings.maxReconnectDelayMillis(), this::reconnect);
        options = settings.connectOptions();
        connectAttempt = new ConnectAttempt(client, options, settings, stats);
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public String clientId() {
        return settings.clientId();
    }

    public boolean isConnected() {
        return state.isConnected();
    }

    /** The last error of the connection (a refusal, a lost connection), or null. */
    public Throwable lastError() {
        return stats.lastError();
    }

    /** Messages in and out, reconnects, the last error, in-flight messages, subscriptions. */
    public ConnectionStats stats() {
        return stats;
    }

    /**
     * Connects, waiting up to the connection timeout. A refusal by the service (bad credentials, unknown device,
     * malformed client id) fails at once; other failures, with automaticReconnect, keep being retried in the
     * background.
     */
    void open() {
        try {
            client.connect(options).waitForCompletion(settings.connectionTimeoutSeconds() * 1_000L + 5_000);
            // Paho calls connectComplete on its own thread, possibly after the token completes: until then a consumer
            // starting now would put off its subscription to connectComplete, and miss what is published meanwhile
            state.await(settings.connectionTimeoutSeconds() * 1_000L);
        } catch (MqttException e) {
            stats.error(e);
            if (ConnectionErrors.isRefusal(e) || !settings.automaticReconnect()) {
                closeClient();
                throw new IotfConnectionException(ConnectionErrors.describe(settings, e), e);
            }
            LOG.warn("{}; retrying in the background", ConnectionErrors.describe(settings, e));
            reconnects.next();
        }
    }

    // ---- subscriptions

    /** See {@link Subscriptions#add}: while connected, returns once the service granted the subscription. */
    Subscriptions.Subscription subscribe(String filter, int qos, MessageHandler handler) {
        noConsumer = false;
        Subscriptions.Subscription subscription = subscriptions.add(filter, qos, handler);
        if (!contextStarting.getAsBoolean()) {
            // while the CamelContext starts, its other consumers are about to subscribe too: the connection is made
            // again once, when it has started (IotfConnections.contextStarted)
            redeliverWithheld();
        }
        return subscription;
    }

    /**
     * {@link #subscribe} for consumers of other packages (device management): returns what removes the subscription
     * (see {@link #unsubscribe}).
     */
    public Runnable subscribeFor(String filter, int qos, MessageHandler handler) {
        Subscriptions.Subscription subscription = subscribe(filter, qos, handler);
        return () -> unsubscribe(subscription);
    }

    /**
     * Runs {@code listener} after every connection made (subscriptions restored), on Paho's thread: it must not block
     * (a managed device sends its manage request again from there [later §3.5.3]).
     */
    public void addConnectListener(Runnable listener) {
        connectListeners.add(listener);
    }

    public void removeConnectListener(Runnable listener) {
        connectListeners.remove(listener);
    }

    /**
     * Messages kept for the durable session because no consumer took them come again only on a new connection: makes
     * it, when there are any (a consumer subscribed, or the CamelContext finished starting).
     */
    void redeliverWithheld() {
        int withheld = acknowledgements.takeWithheld();
        if (withheld > 0) {
            LOG.info("{} message(s) arrived for {} before a consumer took them: reconnecting so that the service "
                    + "delivers them again", withheld, clientId());
            recycle(0);
        }
    }

    /**
     * Removes a consumer's subscription. A durable session keeps its subscriptions (no UNSUBSCRIBE), so that the
     * service queues their messages while the application is away; once its last consumer is gone the connection
     * takes no more messages, and the session keeps them for the next connection.
     */
    void unsubscribe(Subscriptions.Subscription subscription) {
        boolean durable = !settings.cleanSession();
        if (durable && subscriptions.isOnly(subscription)) {
            noConsumer = true; // before the subscription goes, so that nothing arriving meanwhile is taken
        }
        subscriptions.remove(subscription, state.isClosed() || durable);
    }

    // ---- delivery

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        deliveryThread = Thread.currentThread();
        stats.messageIn();
        acknowledgements.deliver(topic, message);
    }

    /** True on the thread that delivers this connection's messages (a producer there must not wait for acks). */
    public boolean isDeliveryThread() {
        return Thread.currentThread() == deliveryThread;
    }

    // ---- publishing

    /**
     * Publishes and waits for the service to acknowledge it (QoS 1 and 2) or for it to be written (QoS 0). On this
     * connection's own delivery thread it does not wait (Paho completes tokens on that thread): the message is handed
     * to the client and a failure is logged.
     *
     * @throws IotfConnectionException when not connected within {@code connectWaitMillis}, or the publish failed
     */
    public void publish(String topic, byte[] payload, int qos, long connectWaitMillis, long publishTimeoutMillis) {
        awaitConnected(connectWaitMillis);
        publisher.publish(topic, payload, qos, publishTimeoutMillis, !isDeliveryThread());
        stats.messageOut();
    }

    private void awaitConnected(long waitMillis) {
        if (!state.await(waitMillis)) {
            Throwable error = stats.lastError();
            throw new IotfConnectionException("Not connected to the IoTF service: " + settings + " has been "
                    + "disconnected for longer than " + waitMillis + " ms (connectWaitTimeout)"
                    + (error == null ? "" : "; last error: " + ConnectionErrors.reason(error)), error);
        }
    }

    // ---- connection life cycle

    @Override
    public void connectComplete(boolean pahoReconnect, String serverURI) {
        // this class reconnects itself (Paho's automatic reconnect is off), so Paho's flag is always false
        boolean reconnect = stats.connected(System.currentTimeMillis());
        recycling.set(false);
        state.connected();
        if (!subscriptions.isEmpty()) {
            subscriptions.restore();
        }
        connectListeners.forEach(Runnable::run);
        if (reconnect) {
            LOG.info("Reconnected {}", settings);
        } else {
            LOG.debug("Connected {}", settings);
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        state.disconnected();
        stats.error(cause);
        long now = System.currentTimeMillis();
        long connectedAt = stats.connectedAt();
        if (takeOvers.lost(connectedAt, now)) {
            LOG.error(TakeOverDetector.explain(clientId()));
        }
        if (now - connectedAt > TakeOverDetector.QUICK_LOSS_MILLIS) {
            reconnects.reset();
        }
        if (state.isClosed()) {
            return;
        }
        if (settings.automaticReconnect()) {
            LOG.warn("Lost the connection {}: {}{}; reconnecting", settings, ConnectionErrors.reason(cause),
                    GatewayNotifications.lostHint(clientId()));
            reconnects.next();
        } else {
            LOG.error("Lost the connection {}: {} (automaticReconnect=false: not reconnecting)", settings,
                    ConnectionErrors.reason(cause));
        }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // publishes are tracked by their own tokens
    }

    private void reconnect() {
        if (!state.isClosed() && !state.isConnected()) {
            connectAttempt.run(reconnects);
        }
    }

    /**
     * Drops the connection and makes it again after {@code delayMillis}, so that the service delivers the
     * unacknowledged messages again (Paho does not call connectionLost for this disconnect, so it is no take-over).
     */
    private void recycle(long delayMillis) {
        if (!recycling.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.execute(() -> {
                try {
                    state.disconnected();
                    client.disconnectForcibly(0, 1_000, false);
                } catch (MqttException e) {
                    LOG.debug("Forced disconnect of {} failed: {}", settings, e.toString());
                }
                reconnects.schedule(delayMillis);
            });
        } catch (RejectedExecutionException e) {
            recycling.set(false);
        }
    }

    /** Disconnects and releases the client. */
    void close() {
        noConsumer = true;
        state.closed();
        reconnects.close();
        if (state.isConnected()) {
            try {
                client.disconnect(1_000).waitForCompletion(3_000);
            } catch (MqttException e) {
                LOG.debug("Disconnect of {} failed: {}", settings, e.toString());
            }
        }
        state.disconnected();
        closeClient();
    }

    private void closeClient() {
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("Closing the client {} failed: {}", settings, e.toString());
        }
    }

    @Override
    public String toString() {
        return "IotfConnection[" + settings + (state.isConnected() ? ", connected]" : ", disconnected]");
    }
}
