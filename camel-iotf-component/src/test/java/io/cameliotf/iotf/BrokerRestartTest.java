package io.cameliotf.iotf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cameliotf.emulator.junit.EmulatorProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The service restarts in the middle of a QoS 1 stream: nothing is lost (the producer retries through Camel's error
 * handler, the durable consumer's unacknowledged and queued messages survive in the service's data directory), and
 * the clean-session consumer gets its subscription back. The service runs as its own process, so it can be stopped
 * and started again on the same port.
 */
class BrokerRestartTest {

    static final int MESSAGES = 300;

    @Test
    void qos1StreamSurvivesABrokerRestart(@TempDir Path data, @TempDir Path config) throws Exception {
        Path seed = config.resolve("seed.json");
        Files.writeString(seed, "{\"organizations\":[{\"id\":\"rst001\",\"apiKeys\":[{\"key\":\"a-rst001-restart001\","
                + "\"token\":\"apitok\"}],\"devices\":[{\"type\":\"sensor\",\"id\":\"s1\",\"token\":\"devtok\"}]}]}");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String[] args = {"--seed", seed.toString(), "--data", data.toString(), "--mqtt-port", Integer.toString(port),
            "--mqtts-port", "0", "--ws-port", "0", "--http-port", "0", "--https-port", "0"};
        AtomicReference<EmulatorProcess> service = new AtomicReference<>(EmulatorProcess.start(args));
        String broker = "&brokerUrl=tcp://127.0.0.1:" + port + "&maxReconnectDelay=1000";
        String app = "org=rst001&authKey=a-rst001-restart001&authToken=apitok" + broker;
        Set<String> durable = ConcurrentHashMap.newKeySet();
        Set<String> clean = ConcurrentHashMap.newKeySet();
        AtomicInteger sendFailures = new AtomicInteger();
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-event?" + app + "&appId=durable&cleanSession=false&qos=1")
                        .convertBodyTo(String.class).process(e -> durable.add(e.getIn().getBody(String.class)));
                from("iotf:device-event?" + app + "&appId=clean&qos=1")
                        .convertBodyTo(String.class).process(e -> clean.add(e.getIn().getBody(String.class)));
                from("direct:send")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(200).redeliveryDelay(100)
                                .onExceptionOccurred(e -> sendFailures.incrementAndGet()))
                        .to("iotf:device-event?clientType=device&org=rst001&deviceType=sensor&deviceId=s1&authToken=devtok"
                                + broker + "&event=n&format=text&qos=1&connectWaitTimeout=2000&publishTimeout=3000");
            }
        });
        try {
            ProducerTemplate template = context.createProducerTemplate();
            Thread restart = null;
            for (int i = 0; i < MESSAGES; i++) {
                if (i == MESSAGES / 3) {
                    // restarted while the stream goes on: sends meet the service stopping, gone, and starting
                    restart = new Thread(() -> {
                        try {
                            service.get().stop();
                            service.set(EmulatorProcess.start(args));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    restart.start();
                }
                template.sendBody("direct:send", Integer.toString(i));
                Thread.sleep(10);
            }
            restart.join();
            Set<String> all = IntStream.range(0, MESSAGES).mapToObj(Integer::toString).collect(Collectors.toSet());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(durable).containsAll(all));
            LoggerFactory.getLogger(BrokerRestartTest.class).info("{} sends failed during the restart and were retried",
                    sendFailures.get());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(clean).as("the clean-session consumer's subscription was restored")
                            .contains(Integer.toString(MESSAGES - 1)));
        } finally {
            context.stop();
            service.get().close();
        }
    }
}
