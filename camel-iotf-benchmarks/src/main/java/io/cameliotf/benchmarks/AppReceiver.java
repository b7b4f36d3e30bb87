package io.cameliotf.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application ({@code a:<org>:<appId>}) as a plain Paho client subscribed to every device event, recording each
 * event it receives in a {@link Ledger}. It reconnects by itself and subscribes again after a reconnect, so that it
 * also receives after a restart of the service that lost its session.
 */
final class AppReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppReceiver.class);
    static final String ALL_EVENTS = "iot-2/type/+/id/+/evt/+/fmt/+";

    private final MqttAsyncClient client;
    private final int qos;
    final AtomicLong arrived = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    private volatile boolean subscribed;

    /**
     * @param receiver this receiver's index in the ledger
     * @param cleanSession false for a durable session: the service queues what arrives while it is away
     */
    AppReceiver(String url, String org, String appId, String apiKey, String apiToken, int qos, boolean cleanSession,
            Ledger ledger, int receiver) throws MqttException {
        this.qos = qos;
        client = new MqttAsyncClient(url, "a:" + org + ":" + appId, new MemoryPersistence());
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                // also after the first connect, which may come late (see Mqtt.keepConnecting)
                reconnects.addAndGet(reconnect ? 1 : 0);
                subscribe();
            }

            @Override
            public void connectionLost(Throwable cause) {
                // Paho reconnects by itself; what the receiver misses meanwhile shows in the ledger
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                arrived.incrementAndGet();
                ledger.delivered(receiver, Ledger.seqOf(message.getPayload()));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // receivers do not publish
            }
        });
        Mqtt.keepConnecting(client, Mqtt.reconnecting(apiKey, apiToken, 100, cleanSession, 1_000));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!subscribed && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void subscribe() {
        try {
            // not awaited: this runs on Paho's callback thread
            client.subscribe(ALL_EVENTS, qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    subscribed = true;
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.warn("A receiver's subscription failed: {}", e.toString());
                }
            });
        } catch (MqttException e) {
            LOG.warn("A receiver could not subscribe again after reconnecting: {}", e.toString());
        }
    }

    boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        try {
            client.disconnectForcibly(0, 1_000, false);
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            // closing anyway (Paho throws on a client that never connected)
        }
    }
}
