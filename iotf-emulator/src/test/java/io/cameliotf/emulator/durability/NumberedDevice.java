package io.cameliotf.emulator.durability;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Device dev1 of the example seed on plain Paho, publishing events {@code {"d":{"seq":N}}} at QoS 1 and keeping the
 * numbers whose PUBACK arrived: what the service promised to keep.
 */
final class NumberedDevice implements AutoCloseable {

    private final MqttAsyncClient client;
    private final AtomicInteger next;
    private final Set<Integer> acknowledged;
    private boolean closed;

    private NumberedDevice(MqttAsyncClient client, AtomicInteger next, Set<Integer> acknowledged) {
        this.client = client;
        this.next = next;
        this.acknowledged = acknowledged;
    }

    static NumberedDevice connect(String mqttUrl) throws MqttException {
        return connect(mqttUrl, new AtomicInteger(), new ConcurrentSkipListSet<>());
    }

    /** A new connection that goes on numbering where {@code before} stopped. */
    static NumberedDevice reconnect(String mqttUrl, NumberedDevice before) throws MqttException {
        return connect(mqttUrl, before.next, before.acknowledged);
    }

    private static NumberedDevice connect(String mqttUrl, AtomicInteger next, Set<Integer> acknowledged)
            throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(mqttUrl, "d:org001:sensor:dev1", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName("use-token-auth");
        options.setPassword("devtok1".toCharArray());
        options.setMaxInflight(50);
        options.setAutomaticReconnect(false);
        client.connect(options).waitForCompletion(30_000);
        return new NumberedDevice(client, next, acknowledged);
    }

    boolean isConnected() {
        return client.isConnected();
    }

    /** The numbers acknowledged so far (a live view). */
    Set<Integer> acknowledged() {
        return acknowledged;
    }

    /** Publishes the next event without waiting; its number joins {@link #acknowledged()} at its PUBACK. */
    IMqttDeliveryToken publish() throws MqttException {
        int seq = next.getAndIncrement();
        MqttMessage message = new MqttMessage(("{\"d\":{\"seq\":" + seq + "}}").getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        return client.publish("iot-2/evt/reading/fmt/json", message, seq, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                acknowledged.add(seq);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                // not acknowledged: nothing was promised
            }
        });
    }

    /**
     * Publishes the next event and waits for its PUBACK; its number is in {@link #acknowledged()} when this returns
     * (the listener runs on Paho's callback thread, possibly after the token completes).
     */
    void publishAndWait() throws MqttException {
        IMqttDeliveryToken token = publish();
        token.waitForCompletion(30_000);
        acknowledged.add((Integer) token.getUserContext());
    }

    /** Publishes as fast as the in-flight window allows until the connection is gone. */
    void publishUntilGone() {
        while (client.isConnected()) {
            try {
                publish();
            } catch (MqttException e) {
                // the in-flight window is full (Paho refuses rather than waits) or the connection is gone
                Thread.onSpinWait();
            }
        }
    }

    @Override
    public void close() throws MqttException {
        if (closed) {
            return;
        }
        closed = true;
        if (client.isConnected()) {
            client.disconnectForcibly(1_000, 1_000);
        }
        client.close(true);
    }
}
