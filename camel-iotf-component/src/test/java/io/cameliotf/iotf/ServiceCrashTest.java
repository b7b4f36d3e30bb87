package io.cameliotf.iotf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * At-least-once across a crash of the service: a device publishes events at QoS 1 without pause, the service (a
 * process of its own, with its data directory) is killed with SIGKILL in the middle of the stream and started again
 * on the same data and port, and a durable QoS 1 route receives every event whose acknowledgement the device got,
 * at least once. The route is held still after its first events, so that the service has a backlog queued for it
 * when it is killed: what the test is about is the service keeping, in its files, what it acknowledged and had not
 * yet delivered.
 */
class ServiceCrashTest {

    /** Events the device had acknowledged when the service is killed. */
    static final int BEFORE_KILL = 1_500;
    /** Events the device publishes in all (acknowledged ones); fewer than the service's backlog of 5,000. */
    static final int TOTAL = 3_000;
    /** The route stops after this many events and goes on only once the device is done. */
    static final int HOLD_AFTER = 200;

    @Test
    void everyAcknowledgedEventReachesTheDurableRouteAcrossAKill9(@TempDir Path dir) throws Exception {
        try (ServiceProcess service = ServiceProcess.start(dir)) {
            Map<Integer, Integer> deliveries = new ConcurrentHashMap<>();
            AtomicInteger completed = new AtomicInteger();
            CountDownLatch released = new CountDownLatch(1);
            CamelContext context = CamelContexts.start(new RouteBuilder() {
                @Override
                public void configure() {
                    from("iotf:device-event?" + service.app("crash") + "&cleanSession=false&qos=1&maxReconnectDelay=1000")
                            .process(e -> {
                                if (completed.get() >= HOLD_AFTER) {
                                    // Paho notices the lost connection only once its delivery thread is free again:
                                    // this exchange then completes, its acknowledgement goes nowhere, and the
                                    // service delivers the event again (a duplicate)
                                    released.await(Waits.LONG_MILLIS, TimeUnit.MILLISECONDS);
                                }
                            })
                            .convertBodyTo(String.class)
                            .process(e -> {
                                deliveries.merge(Integer.valueOf(e.getIn().getBody(String.class)), 1, Integer::sum);
                                completed.incrementAndGet();
                            });
                }
            });
            try {
                Flood device = new Flood(service.mqttUrl(), service.deviceClientId(), ServiceProcess.DEVICE_TOKEN);
                AtomicReference<Exception> failure = new AtomicReference<>();
                Thread publishing = new Thread(() -> {
                    try {
                        device.publish(TOTAL);
                    } catch (Exception e) {
                        failure.set(e);
                    }
                }, "device");
                publishing.start();
                Waits.await().until(() -> device.acknowledged.size() >= BEFORE_KILL);
                service.kill();
                int ackedAtKill = device.acknowledged.size();
                int completedAtKill = completed.get();
                assertThat(completedAtKill).as("the route was held, so the service had a backlog for it")
                        .isEqualTo(HOLD_AFTER);
                service.start();
                Waits.await().until(() -> !publishing.isAlive());
                assertThat(failure.get()).as("the device").isNull();
                released.countDown();
                Set<Integer> acknowledged = device.acknowledged;
                Waits.await().untilAsserted(() -> assertThat(deliveries.keySet())
                        .as("events the service acknowledged and the route never received").containsAll(acknowledged));
                int received = deliveries.values().stream().mapToInt(Integer::intValue).sum();
                Set<Integer> twice = new TreeSet<>();
                deliveries.forEach((n, count) -> {
                    if (count > 1) {
                        twice.add(n);
                    }
                });
                TreeSet<Integer> cutOff = new TreeSet<>(device.unacknowledged);
                Set<Integer> cutOffReceived = new TreeSet<>(cutOff);
                cutOffReceived.retainAll(deliveries.keySet());
                LoggerFactory.getLogger(ServiceCrashTest.class).info("Killed with {} events acknowledged and {} processed "
                        + "by the route; in all {} acknowledged, every one received; {} publishes in flight when it was "
                        + "killed got no acknowledgement ({} to {}), {} of them received all the same {}; the route received "
                        + "{} events, {} of them more than once {}", ackedAtKill, completedAtKill, acknowledged.size(),
                        cutOff.size(), cutOff.isEmpty() ? "-" : cutOff.first(),
                        cutOff.isEmpty() ? "-" : cutOff.last(), cutOffReceived.size(), cutOffReceived,
                        received, twice.size(), twice);
            } finally {
                released.countDown();
                context.stop();
            }
        }
    }
}
