package io.cameliotf.iotf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The service restarts in the middle of a QoS 1 stream: nothing is lost (the producer's sends wait for the connection
 * to come back, and Camel's error handler retries those the stop cut off; the durable consumer's unacknowledged and
 * queued messages survive in the service's data directory), and the clean-session consumer gets its subscription
 * back. The service runs as its own process, so it can be stopped and started again on the same port.
 */
class BrokerRestartTest {

    static final int MESSAGES = 300;
    /** The sender stays at most this many messages ahead of the durable consumer, so the stream spans the restart. */
    static final int WINDOW = 50;

    @Test
    void qos1StreamSurvivesABrokerRestart(@TempDir Path dir) throws Exception {
        try (ServiceProcess service = ServiceProcess.start(dir)) {
            Set<String> durable = ConcurrentHashMap.newKeySet();
            Set<String> clean = ConcurrentHashMap.newKeySet();
            AtomicInteger sendFailures = new AtomicInteger();
            String reconnect = "&maxReconnectDelay=1000";
            CamelContext context = CamelContexts.start(new RouteBuilder() {
                @Override
                public void configure() {
                    from("iotf:device-event?" + service.app("durable") + reconnect + "&cleanSession=false&qos=1")
                            .convertBodyTo(String.class).process(e -> durable.add(e.getIn().getBody(String.class)));
                    from("iotf:device-event?" + service.app("clean") + reconnect + "&qos=1")
                            .convertBodyTo(String.class).process(e -> clean.add(e.getIn().getBody(String.class)));
                    // a send while the service is away waits for the connection to come back, however long the restart
                    // takes (connectWaitTimeout as long as the test waits for anything); the redeliveries are for sends
                    // that the stop cut off midway (the connection lost before the acknowledgement)
                    from("direct:send")
                            .errorHandler(defaultErrorHandler().maximumRedeliveries(20).redeliveryDelay(100)
                                    .onExceptionOccurred(e -> sendFailures.incrementAndGet()))
                            .to("iotf:device-event?" + service.device() + reconnect + "&event=n&format=text&qos=1"
                                    + "&connectWaitTimeout=" + Waits.LONG_MILLIS);
                }
            });
            try {
                ProducerTemplate template = context.createProducerTemplate();
                AtomicReference<Exception> restartFailure = new AtomicReference<>();
                Thread restart = new Thread(() -> {
                    try {
                        service.stop();
                        service.start();
                    } catch (Exception e) {
                        restartFailure.set(e);
                    }
                }, "restart");
                int sent = 0;
                while (sent < MESSAGES || restart.isAlive()) {
                    if (sent == MESSAGES / 3) {
                        // restarted while the stream goes on: sends meet the service stopping, gone, and starting
                        restart.start();
                    }
                    int ahead = sent - WINDOW;
                    Waits.await().until(() -> durable.size() >= ahead);
                    template.sendBody("direct:send", Integer.toString(sent++));
                }
                restart.join();
                assertThat(restartFailure.get()).as("the restart").isNull();
                Set<String> all = IntStream.range(0, sent).mapToObj(Integer::toString).collect(Collectors.toSet());
                Waits.await().untilAsserted(() -> assertThat(durable).containsAll(all));
                LoggerFactory.getLogger(BrokerRestartTest.class).info("{} messages sent; {} sends failed during the "
                        + "restart and were retried", sent, sendFailures.get());
                String last = Integer.toString(sent - 1);
                Waits.await().untilAsserted(() -> assertThat(clean)
                        .as("the clean-session consumer's subscription was restored").contains(last));
            } finally {
                context.stop();
            }
        }
    }
}
