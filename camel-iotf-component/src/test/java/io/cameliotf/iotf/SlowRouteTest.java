package io.cameliotf.iotf;

import static io.cameliotf.iotf.CamelContexts.app;
import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.TestOrganization;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * A route slower than the inflow, at QoS 1 on a durable session: the component takes no more than it processes (the
 * route runs on the connection's delivery thread; when it is busy, Paho stops reading and the service keeps what
 * follows), and the service keeps a backlog of 5,000 messages per client, discarding the oldest beyond [5.1.5].
 * The route is held still while a device publishes, then let go; the device's last message is the marker: once the
 * route has it, everything kept before it has been delivered.
 */
@ExtendWith(IotfEmulatorExtension.class)
class SlowRouteTest {

    static final int BACKLOG = 5_000;

    @Test
    void aBacklogWithinTheServicesBufferIsDeliveredWhole(IotfEmulator iotf, TestOrganization org) throws Exception {
        List<Integer> received = holdThenRelease(iotf, org, "within", 3_000);
        assertThat(received).as("every message, once, in order").containsExactlyElementsOf(range(0, 3_000));
    }

    @Test
    void beyondTheServicesBufferTheOldestWaitingMessagesAreDiscarded(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        int published = 8_000;
        List<Integer> received = holdThenRelease(iotf, org, "beyond", published);
        // what the component had taken before the route stopped (measured: the one message in the route), then the
        // newest the service kept; the ones between them were discarded, and no one was told: the device had every
        // acknowledgement, the route no error
        int taken = firstGap(received);
        int kept = received.size() + 1; // and the marker
        LoggerFactory.getLogger(SlowRouteTest.class).info("Published {} and a marker; received {} and the marker: the "
                + "first {} (taken by the client before the route stopped), then the newest {}; {} discarded by the "
                + "service", published, received.size(), taken, received.size() - taken, published + 1 - kept);
        assertThat(kept).as("the service's backlog per client, counting what it delivered and is not yet acknowledged")
                .isEqualTo(BACKLOG);
        assertThat(taken).as("taken by the client before the route stopped").isPositive().isLessThan(BACKLOG);
        assertThat(received).as("the first ones taken, then the newest the service kept, each once, in order")
                .containsExactlyElementsOf(concat(range(0, taken), range(published - (received.size() - taken), published)));
    }

    /**
     * Starts a durable QoS 1 route that stops at its first message, publishes {@code count} events (each acknowledged
     * by the service) and a marker, lets the route go and returns the numbers it received before the marker.
     */
    private static List<Integer> holdThenRelease(IotfEmulator iotf, TestOrganization org, String appId, int count)
            throws Exception {
        String token = org.registerDevice("sensor", appId);
        List<Integer> received = new CopyOnWriteArrayList<>();
        CountDownLatch released = new CountDownLatch(1);
        CountDownLatch marker = new CountDownLatch(1);
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-event?" + app(iotf, org, appId) + "&cleanSession=false&qos=1")
                        .process(e -> {
                            if (!released.await(Waits.LONG_MILLIS, TimeUnit.MILLISECONDS)) {
                                throw new IllegalStateException("never released");
                            }
                        })
                        .convertBodyTo(String.class)
                        .process(e -> {
                            String n = e.getIn().getBody(String.class);
                            if (n.equals("end")) {
                                marker.countDown();
                            } else {
                                received.add(Integer.valueOf(n));
                            }
                        });
            }
        });
        try {
            Flood device = new Flood(iotf.mqttUrl(), org.deviceClientId("sensor", appId), token);
            device.publish(count, "end");
            assertThat(device.unacknowledged).as("every event acknowledged by the service").isEmpty();
            released.countDown();
            assertThat(marker.await(Waits.LONG_MILLIS, TimeUnit.MILLISECONDS)).as("the marker arrived").isTrue();
            return received;
        } finally {
            context.stop();
        }
    }

    private static int firstGap(List<Integer> received) {
        int i = 0;
        while (i < received.size() && received.get(i) == i) {
            i++;
        }
        return i;
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
