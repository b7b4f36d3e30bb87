package io.cameliotf.emulator.junit;

import io.cameliotf.emulator.IotfEmulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A plain Eclipse Paho client for tests: the "other side" of whatever is under test. It records what it receives
 * and whether the service dropped its connection. The test kit brings the Paho client with it.
 */
public final class MqttTestClient implements AutoCloseable {

    /** A message as this client received it. */
    public record Received(String topic, byte[] payload, int qos, boolean retained, boolean duplicate) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** How long a publish waits for its acknowledgement (or, at QoS 0, for being written). */
    static final long PUBLISH_WAIT_MILLIS = 15_000;

    private final MqttClient client;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final CountDownLatch lost = new CountDownLatch(1);
    private volatile Throwable lostCause;

    private MqttTestClient(MqttClient client) {
        this.client = client;
    }

    /** Connects a device ({@code d:<org>:<type>:<id>}, user {@code use-token-auth}) over plain MQTT. */
    public static MqttTestClient device(IotfEmulator iotf, String org, String type, String id, String token)
            throws MqttException {
        return builder(iotf.mqttUrl(), "d:" + org + ':' + type + ':' + id).username("use-token-auth").password(token)
                .connect();
    }

    /** Connects an application with an API key over plain MQTT. */
    public static MqttTestClient application(IotfEmulator iotf, String clientId, String apiKey, String token)
            throws MqttException {
        return builder(iotf.mqttUrl(), clientId).username(apiKey).password(token).connect();
    }

    public static Builder builder(String serverUri, String clientId) {
        return new Builder(serverUri, clientId);
    }

    public String clientId() {
        return client.getClientId();
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Subscribes and returns the granted QoS, or 128 (0x80) when the service refused the subscription. */
    public int subscribe(String filter, int qos) throws MqttException {
        try {
            return client.subscribeWithResponse(filter, qos).getGrantedQos()[0];
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_SUBSCRIBE_FAILED) {
                return 0x80;
            }
            throw e;
        }
    }

    public void unsubscribe(String filter) throws MqttException {
        client.unsubscribe(filter);
    }

    public void publish(String topic, byte[] payload, int qos) throws MqttException {
        client.publish(topic, payload, qos, false);
    }

    public void publish(String topic, String payload, int qos) throws MqttException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos);
    }

    /**
     * Publishes where the service may drop the connection in answer; returns false when it did (instead of
     * throwing, as Paho does for an unacknowledged QoS 1 or 2 publish).
     */
    public boolean tryPublish(String topic, String payload, int qos) throws MqttException {
        try {
            publish(topic, payload, qos);
            return true;
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST
                    || e.getReasonCode() == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED
                    || e.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT) {
                return false;
            }
            throw e;
        }
    }

    public void publishRetained(String topic, String payload, int qos) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, true);
    }

    /** The next message received within {@code timeout}, or null. */
    public Received poll(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every message received until {@code quiet} passes without one. */
    public List<Received> drain(Duration quiet) throws InterruptedException {
        List<Received> all = new ArrayList<>();
        Received r;
        while ((r = poll(quiet)) != null) {
            all.add(r);
        }
        return all;
    }

    /** True when the service dropped this client's connection within {@code timeout}. */
    public boolean awaitConnectionLost(Duration timeout) throws InterruptedException {
        return lost.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Throwable connectionLostCause() {
        return lostCause;
    }

    public void disconnect() throws MqttException {
        if (client.isConnected()) {
            client.disconnect(2_000);
        }
    }

    /** Closes the network connection without sending DISCONNECT, as a crashing client would (its will is sent). */
    public void dropConnection() throws MqttException {
        client.disconnectForcibly(0, 1_000, false);
    }

    @Override
    public void close() {
        try {
            disconnect();
        } catch (MqttException e) {
            // already gone
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // already closed
        }
    }

    /** Connection settings; {@link #connect()} connects and returns the client. */
    public static final class Builder {

        private final String serverUri;
        private final String clientId;
        private final MqttConnectOptions options = new MqttConnectOptions();

        private Builder(String serverUri, String clientId) {
            this.serverUri = serverUri;
            this.clientId = clientId;
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setCleanSession(true);
            options.setAutomaticReconnect(false);
            options.setConnectionTimeout(10);
            options.setKeepAliveInterval(30);
            options.setMaxInflight(1000);
            options.setSocketFactory(noDelaySockets());
        }

        public Builder username(String username) {
            options.setUserName(username);
            return this;
        }

        public Builder password(String password) {
            options.setPassword(password.toCharArray());
            return this;
        }

        public Builder cleanSession(boolean clean) {
            options.setCleanSession(clean);
            return this;
        }

        public Builder socketFactory(SocketFactory factory) {
            options.setSocketFactory(factory);
            return this;
        }

        public Builder will(String topic, String payload, int qos) {
            options.setWill(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false);
            return this;
        }

        public MqttTestClient connect() throws MqttException {
            MqttClient paho = new MqttClient(serverUri, clientId, new MemoryPersistence());
            // Paho can leave a publish waiting forever when the service drops the connection under it
            paho.setTimeToWait(PUBLISH_WAIT_MILLIS);
            MqttTestClient client = new MqttTestClient(paho);
            paho.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                    client.lostCause = cause;
                    client.lost.countDown();
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    client.received.add(new Received(topic, message.getPayload(), message.getQos(),
                            message.isRetained(), message.isDuplicate()));
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                    // nothing to do
                }
            });
            try {
                paho.connect(options);
            } catch (MqttException e) {
                try {
                    paho.close(true);
                } catch (MqttException ignored) {
                    // nothing to release
                }
                throw e;
            }
            return client;
        }
    }

    /** Paho leaves Nagle's algorithm on, which costs a QoS 1 subscriber most of its throughput. */
    /**
     * A socket factory for Paho's {@code MqttConnectOptions.setSocketFactory} with Nagle's algorithm off, as this
     * client uses: Paho leaves it on, which costs a QoS 1 subscriber most of its throughput on a local broker.
     */
    public static SocketFactory noDelaySockets() {
        return new NoDelaySocketFactory(SocketFactory.getDefault());
    }

    static final class NoDelaySocketFactory extends SocketFactory {

        private final SocketFactory delegate;

        NoDelaySocketFactory(SocketFactory delegate) {
            this.delegate = delegate;
        }

        private static Socket noDelay(Socket s) throws IOException {
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(delegate.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
