package io.cameliotf.iotf.mqtt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
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
 * consumer fails on a durable session, the message is left unacknowledged and the connection is made again, so the
 * service delivers it again.</li>
 * <li>Lost connections are made again with exponential backoff, and subscriptions are restored (clean and durable
 * sessions alike).</li>
 * <li>Repeated take-overs (another client with the same id) are reported as an error.</li>
 * </ul>
 */
public final class IotfConnection implements MqttCallbackExtended {

    private static final Logger LOG = LoggerFactory.getLogger(IotfConnection.class);
    private static final long BASE_RECONNECT_DELAY_MILLIS = 1_000;

    private final ConnectionSettings settings;
    private final ScheduledExecutorService scheduler;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Semaphore inflight;
    private final TakeOverDetector takeOvers = new TakeOverDetector();
    private final Object connectedSignal = new Object();
    private final AtomicBoolean recycling = new AtomicBoolean();
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile Throwable lastError;
    private volatile long connectedAt;
    private volatile Thread deliveryThread;
    private volatile boolean everConnected;
    private int attempts;
    private ScheduledFuture<?> pendingReconnect;

    IotfConnection(ConnectionSettings settings, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.inflight = new Semaphore(settings.maxInflight());
        try {
            MqttClientPersistence persistence = settings.persistenceDirectory() == null ? new MemoryPersistence()
                    : new MqttDefaultFilePersistence(settings.persistenceDirectory());
            this.client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), persistence);
        } catch (MqttException | IllegalArgumentException e) {
            throw new IotfConnectionException("Cannot create the MQTT client " + settings + ": " + e.getMessage(), e);
        }
        client.setManualAcks(true);
        client.setCallback(this);
        options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(settings.cleanSession());
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        options.setConnectionTimeout(settings.connectionTimeoutSeconds());
        // Paho counts in-flight messages a little after this connection's own permits are released
        options.setMaxInflight(settings.maxInflight() * 2 + 10);
        options.setAutomaticReconnect(false); // reconnecting is done here, with subscriptions restored
        options.setSocketFactory(settings.socketFactory());
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().toCharArray());
        }
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
            scheduleReconnect();
        }
    }

    // ---- subscriptions

    /**
     * Subscribes {@code handler} to {@code filter}. While disconnected, the subscription is made when the connection
     * comes back.
     *
     * @throws IotfConnectionException when the service refuses the subscription (outside the client's topic space)
     */
    Subscription subscribe(String filter, int qos, MessageHandler handler) {
        Subscription subscription = new Subscription(new TopicFilter(filter), qos, handler);
        subscriptions.add(subscription);
        if (connected) {
            try {
                IMqttToken token = client.subscribe(filter, qos);
                token.waitForCompletion(settings.connectionTimeoutSeconds() * 1_000L);
                int granted = token.getGrantedQos()[0];
                if (granted == 0x80) {
                    subscriptions.remove(subscription);
                    throw new IotfConnectionException("The service refused the subscription of " + clientId() + " to "
                            + filter + ": the topic is outside the client's topic space [2.3.5, 5.3.9]", null);
                }
            } catch (MqttException e) {
                if (!connected) {
                    LOG.debug("Subscription to {} will be made on reconnect: {}", filter, e.toString());
                    return subscription;
                }
                subscriptions.remove(subscription);
                throw new IotfConnectionException("Cannot subscribe " + clientId() + " to " + filter + ": "
                        + e.getMessage(), e);
            }
        }
        return subscription;
    }

    void unsubscribe(Subscription subscription) {
        subscriptions.remove(subscription);
        String filter = subscription.filter().filter();
        boolean stillUsed = subscriptions.stream().anyMatch(s -> s.filter().filter().equals(filter));
        if (!stillUsed && connected && !closed) {
            try {
                client.unsubscribe(filter).waitForCompletion(settings.connectionTimeoutSeconds() * 1_000L);
            } catch (MqttException e) {
                LOG.debug("Unsubscribing {} from {} failed: {}", clientId(), filter, e.toString());
            }
        }
    }

    private void restoreSubscriptions() {
        for (Subscription s : subscriptions) {
            try {
                client.subscribe(s.filter().filter(), s.qos(), null, new IMqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        if (token.getGrantedQos()[0] == 0x80) {
                            LOG.error("The service refused the subscription of {} to {} on reconnect", clientId(),
                                    s.filter());
                        }
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable e) {
                        LOG.warn("Could not restore the subscription of {} to {}: {}", clientId(), s.filter(), e.toString());
                    }
                });
            } catch (MqttException e) {
                LOG.warn("Could not restore the subscription of {} to {}: {}", clientId(), s.filter(), e.toString());
            }
        }
    }

    // ---- delivery

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        deliveryThread = Thread.currentThread();
        String[] levels = IotfTopics.split(topic);
        boolean processed = true;
        for (Subscription s : subscriptions) {
            if (s.filter().matches(levels)) {
                processed &= s.handler().onMessage(topic, message);
            }
        }
        if (message.getQos() == 0) {
            return;
        }
        if (processed || settings.cleanSession()) {
            if (!processed) {
                LOG.warn("A message on {} failed and is acknowledged anyway: with cleanSession=true the service would "
                        + "not deliver it again. Use cleanSession=false for at-least-once delivery.", topic);
            }
            acknowledge(message);
        } else {
            LOG.warn("A message on {} failed and is not acknowledged: reconnecting {} so that the service delivers it "
                    + "again", topic, clientId());
            recycle();
        }
    }

    private void acknowledge(MqttMessage message) {
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            LOG.debug("Could not acknowledge message {} of {}: {}", message.getId(), clientId(), e.toString());
        }
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
        boolean permit = false;
        try {
            if (qos > 0) {
                permit = inflight.tryAcquire(publishTimeoutMillis, TimeUnit.MILLISECONDS);
                if (!permit) {
                    throw new IotfConnectionException("Publishing to " + topic + " on " + clientId() + " timed out: "
                            + settings.maxInflight() + " messages are still waiting for the service's acknowledgement "
                            + "after " + publishTimeoutMillis + " ms (maxInflight, publishTimeout)", null);
                }
            }
            boolean release = permit;
            // at QoS 0 nothing is acknowledged and no permit is held: the token alone tells when it was written
            IMqttActionListener listener = qos == 0 ? null : new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    if (release) {
                        inflight.release();
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    if (release) {
                        inflight.release();
                    }
                    LOG.warn("Publishing to {} on {} failed: {}", topic, clientId(), e.toString());
                }
            };
            permit = false; // from here on the listener releases it
            IMqttDeliveryToken token = client.publish(topic, payload, qos, false, null, listener);
            if (!isDeliveryThread()) {
                token.waitForCompletion(publishTimeoutMillis);
            }
        } catch (MqttException e) {
            throw new IotfConnectionException("Publishing to " + topic + " on " + clientId() + " failed: "
                    + ConnectionErrors.reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IotfConnectionException("Interrupted while publishing to " + topic, e);
        } finally {
            if (permit) {
                inflight.release();
            }
        }
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
            restoreSubscriptions();
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
            LOG.error("The connection of client id {} keeps being closed right after it is made: another client is "
                    + "probably connected with the same client id, and the service allows only one connection per "
                    + "client id [5.3.1]. Give each application its own appId (or use shared=true to share "
                    + "subscriptions on purpose), and never run two instances of one device.", clientId());
        }
        if (now - connectedAt > TakeOverDetector.QUICK_LOSS_MILLIS) {
            synchronized (this) {
                attempts = 0;
            }
        }
        if (closed) {
            return;
        }
        if (settings.automaticReconnect()) {
            LOG.warn("Lost the connection {}: {}; reconnecting", settings, ConnectionErrors.reason(cause));
            scheduleReconnect();
        } else {
            LOG.error("Lost the connection {}: {} (automaticReconnect=false: not reconnecting)", settings,
                    ConnectionErrors.reason(cause));
        }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // publishes are tracked by their own tokens
    }

    private synchronized void scheduleReconnect() {
        if (closed || (pendingReconnect != null && !pendingReconnect.isDone())) {
            return;
        }
        long delay = Math.min(settings.maxReconnectDelayMillis(), BASE_RECONNECT_DELAY_MILLIS << Math.min(attempts, 16));
        attempts++;
        try {
            pendingReconnect = scheduler.schedule(this::reconnect, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Not reconnecting {}: shutting down", settings);
        }
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
                    scheduleReconnect();
                }
            });
        } catch (MqttException e) {
            if (e.getReasonCode() != MqttException.REASON_CODE_CONNECT_IN_PROGRESS
                    && e.getReasonCode() != MqttException.REASON_CODE_CLIENT_CONNECTED) {
                lastError = e;
                scheduleReconnect();
            }
        }
    }

    /** Drops and remakes the connection so that the service delivers unacknowledged messages again. */
    private void recycle() {
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
                synchronized (this) {
                    attempts = 0;
                }
                scheduleReconnect();
            });
        } catch (RejectedExecutionException e) {
            recycling.set(false);
        }
    }

    /** Disconnects and releases the client. */
    void close() {
        closed = true;
        synchronized (this) {
            if (pendingReconnect != null) {
                pendingReconnect.cancel(false);
            }
        }
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

    /** One consumer's subscription on this connection. */
    record Subscription(TopicFilter filter, int qos, MessageHandler handler) {
    }
}
