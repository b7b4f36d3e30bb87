package io.cameliotf.iotf;

import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * How the tests wait: for a condition (a message received, a route's outcome, a connection back), never for a fixed
 * time. The bound is generous, for a machine whose cores are busy with other work: it is reached only when what is
 * awaited does not happen, and it is no measure of speed.
 * <p>
 * That something did <em>not</em> happen is checked against a marker sent after it on the same path: MQTT keeps the
 * order of one publisher's messages to one subscriber, so once the marker arrived, anything sent before it has
 * arrived too, or never will.
 */
public final class Waits {

    /** The bound of every wait. */
    public static final Duration LONG = Duration.ofSeconds(120);
    public static final long LONG_MILLIS = LONG.toMillis();

    private Waits() {
    }

    /** Awaitility, bounded by {@link #LONG}. */
    public static ConditionFactory await() {
        return Awaitility.await().atMost(LONG);
    }

    /** The next message {@code client} receives. */
    public static Received next(MqttTestClient client) throws InterruptedException {
        return next(client, 1).get(0);
    }

    /** The next {@code n} messages {@code client} receives, in order. */
    public static List<Received> next(MqttTestClient client, int n) throws InterruptedException {
        List<Received> received = new ArrayList<>();
        long deadline = System.nanoTime() + LONG.toNanos();
        while (received.size() < n) {
            Received r = client.poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (r == null) {
                throw new AssertionError(client.clientId() + " received " + received.size() + " of " + n
                        + " messages within " + LONG + ": " + describe(received));
            }
            received.add(r);
        }
        return received;
    }

    /** What {@code client} receives before the first message {@code marker} matches (the marker itself is dropped). */
    static List<Received> before(MqttTestClient client, Predicate<Received> marker) throws InterruptedException {
        List<Received> received = new ArrayList<>();
        long deadline = System.nanoTime() + LONG.toNanos();
        while (true) {
            Received r = client.poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (r == null) {
                throw new AssertionError(client.clientId() + " did not receive the marker within " + LONG
                        + "; before it: " + describe(received));
            }
            if (marker.test(r)) {
                return received;
            }
            received.add(r);
        }
    }

    /** A marker: the message on {@code topic}. */
    static Predicate<Received> onTopic(String topic) {
        return r -> r.topic().equals(topic);
    }

    private static String describe(List<Received> received) {
        return received.stream().map(r -> r.topic() + " " + r.text()).toList().toString();
    }
}
