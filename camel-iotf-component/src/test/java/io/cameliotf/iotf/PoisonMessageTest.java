package io.cameliotf.iotf;

import static io.cameliotf.iotf.CamelContexts.app;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.mqtt.IotfConnection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * A message the route always fails on (a poison message), followed by a good one, at QoS 1 on a durable session.
 * Unhandled, the poison message is not acknowledged, so the service delivers it again, and again, with a backoff, and
 * holds back what follows it; a dead letter channel takes it out: the component acknowledges what the error handler
 * handled. On a clean session it is tried once.
 */
@ExtendWith(IotfEmulatorExtension.class)
class PoisonMessageTest {

    static final String ALL_EVENTS = "iot-2/type/+/id/+/evt/+/fmt/+";
    /** How many deliveries of the poison message the unhandled case waits for. */
    static final int DELIVERIES = 3;

    /** What the route saw: each attempt ("poison", "poison dup" when the service marked it a redelivery), and what it completed. */
    static final class Seen {
        final List<String> attempts = new CopyOnWriteArrayList<>();
        final List<String> done = new CopyOnWriteArrayList<>();

        /** The route: fails on "poison", completes anything else. */
        RouteDefinition route(RouteBuilder builder, String uri) {
            return builder.from(uri).convertBodyTo(String.class).process(this::process);
        }

        private void process(Exchange e) {
            String body = e.getIn().getBody(String.class);
            attempts.add(body + (e.getIn().getHeader(IotfConstants.DUPLICATE, Boolean.class) ? " dup" : ""));
            if (body.equals("poison")) {
                throw new IllegalArgumentException("cannot process this one, ever");
            }
            done.add(body);
        }

        long attemptsOf(String body) {
            return attempts.stream().filter(a -> a.startsWith(body)).count();
        }
    }

    @Test
    void unhandledItComesBackWithABackoffAndHoldsBackWhatFollows(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        String token = org.registerDevice("sensor", "p1");
        Seen seen = new Seen();
        try (CapturedLog log = CapturedLog.of(IotfConnection.class);
                MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "p1", token)) {
            CamelContext context = CamelContexts.start(new RouteBuilder() {
                @Override
                public void configure() {
                    seen.route(this, "iotf:device-event?" + app(iotf, org, "unhandled") + "&cleanSession=false&qos=1");
                }
            });
            try {
                device.publish("iot-2/evt/e/fmt/text", "poison", 1);
                device.publish("iot-2/evt/e/fmt/text", "good", 1);
                Waits.await().until(() -> log.messages(Level.WARN).stream().filter(m -> m.contains("not acknowledged"))
                        .count() >= DELIVERIES);
            } finally {
                context.stop();
            }
            LoggerFactory.getLogger(PoisonMessageTest.class).info("Unhandled: the route saw {}", seen.attempts);
            assertThat(seen.attempts.subList(0, DELIVERIES)).as("delivered again and again, marked as redeliveries")
                    .containsExactly("poison", "poison dup", "poison dup");
            assertThat(seen.attempts).as("nothing but the poison message").allMatch(a -> a.startsWith("poison"));
            assertThat(seen.done).as("the good message waits behind it").isEmpty();
            assertThat(log.messages(Level.WARN).stream().filter(m -> m.contains("not acknowledged")).limit(DELIVERIES))
                    .as("the reconnects back off").satisfiesExactly(
                            m -> assertThat(m).contains("(1 failure(s) in a row)", "in 1000 ms", "deadLetterChannel"),
                            m -> assertThat(m).contains("(2 failure(s) in a row)", "in 2000 ms"),
                            m -> assertThat(m).contains("(3 failure(s) in a row)", "in 4000 ms"));
            assertThat(log.contains(Level.ERROR, "same client id")).as("reconnecting is not taken for a take-over")
                    .isFalse();
            // the service still holds both: the poison message was never acknowledged, and the good one was not taken
            assertThat(DurableSessions.leftOver(iotf, org, "unhandled", ALL_EVENTS, device))
                    .extracting(Received::text).containsExactly("poison", "good");
        }
    }

    @Test
    void aDeadLetterChannelTakesItOutAndItIsAcknowledged(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "p2");
        Seen seen = new Seen();
        List<String> dead = new CopyOnWriteArrayList<>();
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "p2", token)) {
            CamelContext context = CamelContexts.start(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(deadLetterChannel("direct:dead").maximumRedeliveries(2).redeliveryDelay(0));
                    from("direct:dead").process(e -> dead.add(e.getIn().getBody(String.class)));
                    seen.route(this, "iotf:device-event?" + app(iotf, org, "dlc") + "&cleanSession=false&qos=1");
                }
            });
            try {
                device.publish("iot-2/evt/e/fmt/text", "poison", 1);
                device.publish("iot-2/evt/e/fmt/text", "good", 1);
                Waits.await().until(() -> seen.done.contains("good"));
            } finally {
                context.stop();
            }
            assertThat(seen.attempts).as("Camel's own redeliveries, within one delivery by the service")
                    .containsExactly("poison", "poison", "poison", "good");
            assertThat(dead).containsExactly("poison");
            assertThat(DurableSessions.leftOver(iotf, org, "dlc", ALL_EVENTS, device))
                    .as("both acknowledged: the session holds nothing").isEmpty();
        }
    }

    @Test
    void onACleanSessionItIsTriedOnceAndAcknowledgedWithAWarning(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        String token = org.registerDevice("sensor", "p3");
        Seen seen = new Seen();
        try (CapturedLog log = CapturedLog.of(IotfConnection.class);
                MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "p3", token)) {
            CamelContext context = CamelContexts.start(new RouteBuilder() {
                @Override
                public void configure() {
                    seen.route(this, "iotf:device-event?" + app(iotf, org, "clean") + "&qos=1");
                }
            });
            try {
                device.publish("iot-2/evt/e/fmt/text", "poison", 1);
                device.publish("iot-2/evt/e/fmt/text", "good", 1);
                // one publisher's messages arrive in order: once the good one is done, the poison one had its turn
                Waits.await().until(() -> seen.done.contains("good"));
            } finally {
                context.stop();
            }
            assertThat(seen.attempts).containsExactly("poison", "good");
            assertThat(log.contains(Level.WARN, "acknowledged anyway", "cleanSession=false")).isTrue();
        }
    }
}
