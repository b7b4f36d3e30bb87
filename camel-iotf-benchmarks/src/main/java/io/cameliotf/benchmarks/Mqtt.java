package io.cameliotf.benchmarks;

import io.cameliotf.emulator.junit.MqttTestClient;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Plain Paho clients as the benchmarks' load and as the "raw" side they compare with; TCP_NODELAY on. */
final class Mqtt {

    private Mqtt() {
    }

    static MqttConnectOptions options(String user, String password, int maxInflight) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setMaxInflight(maxInflight);
        o.setKeepAliveInterval(60);
        o.setSocketFactory(MqttTestClient.noDelaySockets());
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password.toCharArray());
        }
        return o;
    }

    /**
     * Options of a client that must outlive the service's restarts: Paho reconnects by itself, at most
     * {@code maxReconnectMillis} apart, and with {@code cleanSession} false both sides keep the session, so messages
     * in flight are sent again after a reconnect (at-least-once).
     */
    static MqttConnectOptions reconnecting(String user, String password, int maxInflight, boolean cleanSession,
            int maxReconnectMillis) {
        MqttConnectOptions o = options(user, password, maxInflight);
        o.setCleanSession(cleanSession);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(maxReconnectMillis);
        o.setConnectionTimeout(10);
        return o;
    }

    private static final java.util.concurrent.ScheduledExecutorService RETRIES =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mqtt-connect-retries");
                t.setDaemon(true);
                return t;
            });

    /**
     * Connects {@code client} and, until that succeeds, tries again every second: Paho reconnects by itself only
     * after a first connection succeeded, and a service that is starting, or too busy to answer in time, refuses or
     * drops first connections too. Returns at once; {@link MqttAsyncClient#isConnected()} tells.
     */
    static void keepConnecting(MqttAsyncClient client, MqttConnectOptions options) {
        IMqttActionListener retry = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                // from now on Paho's automatic reconnect takes over
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                RETRIES.schedule(() -> keepConnecting(client, options), 1, java.util.concurrent.TimeUnit.SECONDS);
            }
        };
        try {
            client.connect(options, null, retry);
        } catch (MqttException e) {
            if (e.getReasonCode() != MqttException.REASON_CODE_CLIENT_CLOSED
                    && e.getReasonCode() != MqttException.REASON_CODE_CLIENT_CONNECTED) {
                RETRIES.schedule(() -> keepConnecting(client, options), 1, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    static MqttAsyncClient async(String url, String clientId, String user, String password, int maxInflight)
            throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        c.connect(options(user, password, maxInflight)).waitForCompletion(30_000);
        return c;
    }

    static MqttClient sync(String url, String clientId, String user, String password) throws MqttException {
        MqttClient c = new MqttClient(url, clientId, new MemoryPersistence());
        c.setTimeToWait(30_000);
        c.connect(options(user, password, 100));
        return c;
    }

    /** Hands the payload of every message {@code client} receives to {@code arrived}. */
    static void onMessage(MqttAsyncClient client, java.util.function.Consumer<byte[]> arrived) {
        client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                System.err.println("  a receiver lost its connection (what it misses is counted as lost): " + cause);
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                arrived.accept(message.getPayload());
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
                // receivers do not publish
            }
        });
    }

    /**
     * Publishes {@code count} stamped messages with at most {@code window} unacknowledged (or unwritten, at QoS 0),
     * and only while {@code flow} says the receiver keeps up: the service keeps at most 5,000 messages for a
     * subscriber that falls behind and drops the oldest [5.1.5], so an unthrottled publisher measures drops, not
     * throughput.
     */
    static void publishPipelined(MqttAsyncClient client, String topic, int count, int qos, int window, Flow flow)
            throws Exception {
        publishPipelined(client, topic, count, qos, window, flow, Payloads::stamped);
    }

    /** As above, with payloads of {@code payloads}; {@code flow} null when nobody receives (the historian's runs). */
    static void publishPipelined(MqttAsyncClient client, String topic, int count, int qos, int window, Flow flow,
            java.util.function.Supplier<byte[]> payloads) throws Exception {
        Semaphore inflight = new Semaphore(window);
        IMqttActionListener release = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                inflight.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                inflight.release();
            }
        };
        for (int i = 0; i < count; i++) {
            if (flow != null) {
                flow.awaitRoom();
            }
            inflight.acquire();
            if (flow != null) {
                flow.sent();
            }
            client.publish(topic, payloads.get(), qos, false, null, release);
        }
        inflight.acquire(window);
    }

    /** Closed-loop flow control: publishers wait while more than {@code limit} messages are on their way. */
    static final class Flow {
        private final java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        private final Stats receiver;
        private final long limit;

        Flow(Stats receiver, long limit) {
            this.receiver = receiver;
            this.limit = limit;
        }

        void sent() {
            sent.incrementAndGet();
        }

        void awaitRoom() {
            while (sent.get() - receiver.received.get() > limit) {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000);
            }
        }
    }

    static void close(MqttAsyncClient c) {
        try {
            c.disconnect().waitForCompletion(5_000);
        } catch (MqttException e) {
            // gone already
        }
        try {
            c.close();
        } catch (MqttException e) {
            // closed already
        }
    }

    /** An MQTT 3.1.1 CONNECT packet with clean session and no keep-alive, for the connection storm. */
    static byte[] connectPacket(String clientId, String user, String password) {
        byte[] body = concat(utf("MQTT"), new byte[] {4, (byte) 0xC2, 0, 0}, utf(clientId), utf(user), utf(password));
        byte[] length = remainingLength(body.length);
        byte[] packet = new byte[1 + length.length + body.length];
        packet[0] = 0x10;
        System.arraycopy(length, 0, packet, 1, length.length);
        System.arraycopy(body, 0, packet, 1 + length.length, body.length);
        return packet;
    }

    private static byte[] utf(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length + 2];
        out[0] = (byte) (b.length >> 8);
        out[1] = (byte) b.length;
        System.arraycopy(b, 0, out, 2, b.length);
        return out;
    }

    private static byte[] remainingLength(int n) {
        byte[] out = new byte[4];
        int i = 0;
        do {
            int digit = n % 128;
            n /= 128;
            out[i++] = (byte) (n > 0 ? digit | 0x80 : digit);
        } while (n > 0);
        return Arrays.copyOf(out, i);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
