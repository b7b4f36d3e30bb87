package io.cameliotf.iotf.mqtt;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
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
    private final Publisher publisher;
    private final Acknowledgements acknowledgements;
    private final TakeOverDetector takeOvers = new TakeOverDetector();
    private final Object connectedSignal = new Object();
    private final AtomicBoolean recycling = new AtomicBoolean();
    private volatile boolean connected;
    private volatile boolean closed;
    /** Set when the last consumer of a durable session stopped, or on close: no message is taken any more. */
    private volatile boolean leaving;
    private volatile Throwable lastError;
    private volatile long connectedAt;
    private volatile Thread deliveryThread;
    private volatile boolean everConnected;

    IotfConnection(ConnectionSettings settings, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.scheduler = scheduler;
        try {
            MqttClientPersistence persistence = settings.persistenceDirectory() == null ? new MemoryPersistence()
                    : new MqttDefaultFilePersistence(settings.persistenceDirectory());
            this.client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), persistence);
        } catch (MqttException | IllegalArgumentException e) {
            throw new IotfConnectionException("Cannot create the MQTT client " + settings + ": " + e.getMessage(), e);
        }
        client.setManualAcks(true);
        client.setCallback(this);
        subscriptions = new Subscriptions(client, settings, () -> connected);
        publisher = new Publisher(client, settings);
        acknowledgements = new Acknowledgements(client, settings, subscriptions, recycling::get, () -> leaving,
                this::recycle);
        reconnects = new ReconnectSchedule(scheduler, settings.maxReconnectDelayMillis(), this::reconnect);
        options = settings.connectOptions();
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public String clientId() {
        return settings.clientId();
    }

    public boolean isConnected() {
        return connected;
    }

    /** The last error of the connection (a refusal, a lost connection), or null. */
    public Throwable lastError() {
        return lastError;
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
            waitForConnected(settings.connectionTimeoutSeconds() * 1_000L);
        } catch (MqttException e) {
            lastError = e;
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
        leaving = false;
        Subscriptions.Subscription subscription = subscriptions.add(filter, qos, handler);
        int withheld = acknowledgements.takeWithheld();
        if (withheld > 0) {
            // messages kept for the session while no consumer ran come again only on a new connection
            LOG.info("{} messages arrived for {} while it had no consumer: reconnecting so that the service delivers "
                    + "them again", withheld, clientId());
            recycle(0);
        }
        return subscription;
    }

    /**
     * Removes a consumer's subscription. A durable session keeps its subscriptions (no UNSUBSCRIBE), so that the
     * service queues their messages while the application is away; once its last consumer is gone the connection
     * takes no more messages, and the session keeps them for the next connection.
     */
    void unsubscribe(Subscriptions.Subscription subscription) {
        boolean durable = !settings.cleanSession();
        if (durable && subscriptions.isOnly(subscription)) {
            leaving = true; // before the subscription goes, so that nothing arriving meanwhile is taken
        }
        subscriptions.remove(subscription, closed || durable);
    }

    // ---- delivery

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        deliveryThread = Thread.currentThread();
        acknowledgements.deliver(topic, message);
    }

    /** True on the thread that delivers this connection's messages (a producer there must not wait for acks). */
    boolean isDeliveryThread() {
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
    void publish(String topic, byte[] payload, int qos, long connectWaitMillis, long publishTimeoutMillis) {
        awaitConnected(connectWaitMillis);
        publisher.publish(topic, payload, qos, publishTimeoutMillis, !isDeliveryThread());
    }

    private void awaitConnected(long waitMillis) {
        if (!waitForConnected(waitMillis)) {
            Throwable error = lastError;
            throw new IotfConnectionException("Not connected to the IoTF service: " + settings + " has been "
                    + "disconnected for longer than " + waitMillis + " ms (connectWaitTimeout)"
                    + (error == null ? "" : "; last error: " + ConnectionErrors.reason(error)), error);
        }
    }

    /** Waits until connected (or closed), at most {@code waitMillis}; true when connected. */
    private boolean waitForConnected(long waitMillis) {
        if (connected) {
            return true;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        synchronized (connectedSignal) {
            while (!connected && !closed) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                try {
                    connectedSignal.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return connected;
    }

    // ---- connection life cycle

    @Override
    public void connectComplete(boolean pahoReconnect, String serverURI) {
        // this class reconnects itself (Paho's automatic reconnect is off), so Paho's flag is always false
        boolean reconnect = everConnected;
        everConnected = true;
        connected = true;
        connectedAt = System.currentTimeMillis();
        recycling.set(false);
        synchronized (connectedSignal) {
            connectedSignal.notifyAll();
        }
        if (!subscriptions.isEmpty()) {
            subscriptions.restore();
        }
        if (reconnect) {
            LOG.info("Reconnected {}", settings);
        } else {
            LOG.debug("Connected {}", settings);
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        connected = false;
        lastError = cause;
        long now = System.currentTimeMillis();
        if (takeOvers.lost(connectedAt, now)) {
            LOG.error(TakeOverDetector.explain(clientId()));
        }
        if (now - connectedAt > TakeOverDetector.QUICK_LOSS_MILLIS) {
            reconnects.reset();
        }
        if (closed) {
            return;
        }
        if (settings.automaticReconnect()) {
            LOG.warn("Lost the connection {}: {}; reconnecting", settings, ConnectionErrors.reason(cause));
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
        if (closed || connected) {
            return;
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete restores the subscriptions
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    lastError = e;
                    if (e instanceof MqttException && ConnectionErrors.isRefusal((MqttException) e)) {
                        LOG.error("{}", ConnectionErrors.describe(settings, (MqttException) e));
                    } else {
                        LOG.debug("Reconnecting {} failed: {}", settings, e.toString());
                    }
                    reconnects.next();
                }
            });
        } catch (MqttException e) {
            if (e.getReasonCode() != MqttException.REASON_CODE_CONNECT_IN_PROGRESS
                    && e.getReasonCode() != MqttException.REASON_CODE_CLIENT_CONNECTED) {
                lastError = e;
                reconnects.next();
            }
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
                    connected = false;
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
        leaving = true;
        closed = true;
        reconnects.close();
        synchronized (connectedSignal) {
            connectedSignal.notifyAll();
        }
        if (connected) {
            try {
                client.disconnect(1_000).waitForCompletion(3_000);
            } catch (MqttException e) {
                LOG.debug("Disconnect of {} failed: {}", settings, e.toString());
            }
        }
        connected = false;
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
        return "IotfConnection[" + settings + (connected ? ", connected]" : ", disconnected]");
    }
}
