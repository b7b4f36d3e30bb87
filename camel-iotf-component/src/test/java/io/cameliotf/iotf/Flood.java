package io.cameliotf.iotf;

import io.cameliotf.emulator.junit.MqttTestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A device that publishes numbered events (0, 1, 2, ... as text, on {@code iot-2/evt/n/fmt/text}) at QoS 1 with up to
 * {@link #WINDOW} of them in flight, as fast as the service acknowledges them, and records which ones the service
 * acknowledged. A plain Paho client: when the service cuts it off, the events in flight are unacknowledged, and it
 * connects again (as often as needed while the service is away) and goes on.
 */
final class Flood {

    static final int WINDOW = 100;
    static final String TOPIC = "iot-2/evt/n/fmt/text";

    final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    final List<Integer> unacknowledged = new CopyOnWriteArrayList<>();
    private final String serverUri;
    private final String clientId;
    private final String token;
    private int outstanding;
    private int next;

    Flood(String serverUri, String clientId, String token) {
        this.serverUri = serverUri;
        this.clientId = clientId;
        this.token = token;
    }

    /**
     * Publishes until {@code count} events are acknowledged; never more than {@code count} without a failure, so
     * with none the events are exactly 0 to count - 1.
     */
    void publish(int count) throws Exception {
        publish(count, null);
    }

    /** {@link #publish(int)}, then {@code last} (a marker) on the same connection, once the others are acknowledged. */
    void publish(int count, String last) throws Exception {
        while (true) {
            MqttAsyncClient client = connect();
            try {
                while (true) {
                    synchronized (this) {
                        long deadline = System.nanoTime() + Waits.LONG.toNanos();
                        while (acknowledged.size() < count && client.isConnected()
                                && (outstanding >= WINDOW || acknowledged.size() + outstanding >= count)) {
                            waitUntil(deadline, "acknowledgements");
                        }
                        if (acknowledged.size() >= count) {
                            if (last != null) {
                                client.publish(TOPIC, last.getBytes(StandardCharsets.UTF_8), 1, false)
                                        .waitForCompletion(Waits.LONG_MILLIS);
                            }
                            return;
                        }
                        if (!client.isConnected()) {
                            break;
                        }
                        outstanding++;
                    }
                    int n = next++;
                    try {
                        client.publish(TOPIC, Integer.toString(n).getBytes(StandardCharsets.UTF_8), 1, false, null,
                                listener(n));
                    } catch (MqttException e) {
                        settled(n, false);
                        break;
                    }
                }
                synchronized (this) {
                    // those in flight when the connection went fail with it
                    long deadline = System.nanoTime() + Waits.LONG.toNanos();
                    while (outstanding > 0) {
                        waitUntil(deadline, "the events in flight to fail");
                    }
                }
            } finally {
                close(client);
            }
        }
    }

    private void waitUntil(long deadline, String what) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new AssertionError(clientId + " waited " + Waits.LONG + " for " + what);
        }
        wait(Math.max(1, left / 1_000_000));
    }

    private synchronized void settled(int n, boolean ok) {
        outstanding--;
        if (ok) {
            acknowledged.add(n);
        } else {
            unacknowledged.add(n);
        }
        notifyAll();
    }

    private IMqttActionListener listener(int n) {
        return new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                settled(n, true);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                settled(n, false);
            }
        };
    }

    /** Connects, trying again while the service is away. */
    private MqttAsyncClient connect() {
        AtomicReference<MqttAsyncClient> connected = new AtomicReference<>();
        Waits.await().pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            MqttAsyncClient client = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setUserName("use-token-auth");
            options.setPassword(token.toCharArray());
            options.setMaxInflight(WINDOW);
            options.setSocketFactory(MqttTestClient.noDelaySockets());
            client.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                    synchronized (Flood.this) {
                        Flood.this.notifyAll();
                    }
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    // a device that only publishes
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                    // tracked by each publish's listener
                }
            });
            try {
                client.connect(options).waitForCompletion(Waits.LONG_MILLIS);
            } catch (MqttException e) {
                close(client);
                throw e;
            }
            connected.set(client);
            return true;
        });
        return connected.get();
    }

    private static void close(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(Waits.LONG_MILLIS);
            }
            client.close(true);
        } catch (MqttException e) {
            // gone already
        }
    }
}
