package io.cameliotf.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Devices as plain Paho clients publishing events at a steady rate, each event numbered by a {@link Ledger} and
 * counted as acknowledged when its publisher's delivery token completes (the PUBACK arrived). The rate is held
 * whatever the service does (an open loop, as real devices behave): a device whose client is not connected, or whose
 * window of unacknowledged publishes is full, skips that event, and the skip is counted, not hidden.
 */
final class DeviceFleet implements AutoCloseable {

    static final String TOPIC = "iot-2/evt/reading/fmt/json";
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final String url;
    private final String org;
    private final List<String[]> devices;
    private final int maxInflight;
    private final boolean cleanSession;
    /** Replaced as a whole by {@link #reconnect()}, while the publishing loop goes on. */
    private volatile List<MqttAsyncClient> clients;
    private final Ledger ledger;
    private final int qos;
    final AtomicLong notConnected = new AtomicLong();
    final AtomicLong windowFull = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    private final IMqttActionListener acknowledged = new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            ledger.acked((Integer) token.getUserContext());
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
            failed.incrementAndGet();
        }
    };

    /**
     * Connects every device ({@code d:<org>:<type>:<id>}, user {@code use-token-auth}); each reconnects by itself
     * when its connection is lost (see {@link Mqtt#reconnecting}).
     *
     * @param devices type, id and token of each device
     * @param maxInflight each device's window of unacknowledged publishes
     */
    DeviceFleet(String url, String org, List<String[]> devices, Ledger ledger, int qos, int maxInflight,
            boolean cleanSession) throws MqttException, InterruptedException {
        this.url = url;
        this.org = org;
        this.devices = List.copyOf(devices);
        this.maxInflight = maxInflight;
        this.cleanSession = cleanSession;
        this.ledger = ledger;
        this.qos = qos;
        this.clients = connect();
    }

    /** New clients for every device, connecting (see {@link Mqtt#keepConnecting}); waits up to a minute for them. */
    private List<MqttAsyncClient> connect() throws MqttException, InterruptedException {
        List<MqttAsyncClient> connecting = new ArrayList<>();
        for (String[] d : devices) {
            MqttAsyncClient c = new MqttAsyncClient(url, "d:" + org + ":" + d[0] + ":" + d[1], new MemoryPersistence());
            Mqtt.keepConnecting(c, Mqtt.reconnecting("use-token-auth", d[2], maxInflight, cleanSession, 1_000));
            connecting.add(c);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline && connecting.stream().anyMatch(c -> !c.isConnected())) {
            Thread.sleep(50);
        }
        return List.copyOf(connecting);
    }

    /**
     * Every device's client closes abruptly (what it had in flight stays unacknowledged) and a new client connects
     * with the same client id, as devices do after a restart of their own.
     */
    void reconnect() throws MqttException, InterruptedException {
        List<MqttAsyncClient> old = clients;
        close(old);
        clients = connect();
    }

    int size() {
        return devices.size();
    }

    int connected() {
        int n = 0;
        for (MqttAsyncClient c : clients) {
            n += c.isConnected() ? 1 : 0;
        }
        return n;
    }

    /** Publishes until {@code done} says stop: every device {@code perSecond} events a second, spread over time. */
    void publish(int perSecond, BooleanSupplier done) {
        // every device once per period, a slice of the devices every 10 ms tick
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        int ticks = (int) Math.max(1, periodNanos / TICK_NANOS);
        long start = System.nanoTime();
        for (long tick = 0; !done.getAsBoolean(); tick++) {
            long due = start + tick * (periodNanos / ticks);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int slice = (int) (tick % ticks);
            List<MqttAsyncClient> now = clients;
            for (int i = slice; i < now.size(); i += ticks) {
                publishOne(now.get(i));
            }
        }
    }

    private void publishOne(MqttAsyncClient client) {
        if (!client.isConnected()) {
            notConnected.incrementAndGet();
            return;
        }
        int seq = ledger.newEvent();
        if (seq < 0) {
            return;
        }
        try {
            client.publish(TOPIC, Ledger.payload(seq), qos, false, seq, acknowledged);
            ledger.sent(seq);
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT) {
                windowFull.incrementAndGet();
            } else {
                notConnected.incrementAndGet();
            }
        }
    }

    /** Publishes in flight: handed to the clients, not yet acknowledged. */
    int outstanding() {
        int n = 0;
        for (MqttAsyncClient c : clients) {
            n += c.getPendingDeliveryTokens().length;
        }
        return n;
    }

    @Override
    public void close() {
        close(clients);
    }

    private static void close(List<MqttAsyncClient> clients) {
        for (MqttAsyncClient c : clients) {
            try {
                c.disconnectForcibly(0, 1_000, false);
                c.close(true);
            } catch (MqttException | RuntimeException e) {
                // closing anyway (Paho throws on a client that never connected)
            }
        }
    }
}
