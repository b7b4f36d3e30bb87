package io.cameliotf.iotf;

import static io.cameliotf.iotf.CamelContexts.app;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.mqtt.IotfConnection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a consumer can rely on when its route starts, and what a durable session keeps while it is stopped. */
@ExtendWith(IotfEmulatorExtension.class)
class DurableConsumerTest {

    static final int STARTS = 20;

    @Test
    void aStartedRouteIsSubscribed(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "early");
        List<String> received = new CopyOnWriteArrayList<>();
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "early", token)) {
            // each time a new connection and a new subscription, and the event published the moment the route has
            // started: it arrives only if the start waited for the service to grant the subscription
            for (int i = 0; i < STARTS; i++) {
                String n = Integer.toString(i);
                CamelContext context = CamelContexts.start(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("iotf:device-event?" + app(iotf, org, "early" + n) + "&qos=1").convertBodyTo(String.class)
                                .process(e -> received.add(e.getIn().getBody(String.class)));
                    }
                });
                try {
                    device.publish("iot-2/evt/e/fmt/text", n, 1);
                    Waits.await().untilAsserted(() -> assertThat(received)
                            .as("the event published the moment route %s had started", n).contains(n));
                } finally {
                    context.stop();
                }
            }
        }
        assertThat(received).hasSize(STARTS);
    }

    @Test
    void aDurableSessionKeepsWhatArrivesWhileItsApplicationIsStopped(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        String token = org.registerDevice("sensor", "away");
        List<String> durableA = new CopyOnWriteArrayList<>();
        List<String> durableB = new CopyOnWriteArrayList<>();
        List<String> clean = new CopyOnWriteArrayList<>();
        String durable = "iotf:device-event?" + app(iotf, org, "away-durable") + "&cleanSession=false&qos=1";
        RouteBuilder routes = new RouteBuilder() {
            @Override
            public void configure() {
                // two consumers on one durable connection: the service delivers what it queued for the second as soon
                // as the session is resumed, before the second has subscribed
                from(durable + "&event=a").convertBodyTo(String.class)
                        .process(e -> durableA.add(e.getIn().getBody(String.class)));
                from(durable + "&event=b").convertBodyTo(String.class)
                        .process(e -> durableB.add(e.getIn().getBody(String.class)));
                from("iotf:device-event?" + app(iotf, org, "away-clean") + "&qos=1")
                        .convertBodyTo(String.class).process(e -> clean.add(e.getIn().getBody(String.class)));
            }
        };
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "away", token)) {
            CamelContext first = CamelContexts.start(routes);
            try {
                device.publish("iot-2/evt/a/fmt/text", "before", 1);
                Waits.await().until(() -> durableA.contains("before") && clean.contains("before"));
            } finally {
                first.stop();
            }
            for (String n : List.of("away-1", "away-2", "away-3")) {
                device.publish("iot-2/evt/b/fmt/text", n, 1);
            }
            CamelContext second = CamelContexts.start(routes);
            try {
                device.publish("iot-2/evt/b/fmt/text", "after", 1);
                Waits.await().until(() -> durableB.contains("after") && clean.contains("after"));
            } finally {
                second.stop();
            }
        }
        assertThat(durableB).as("the durable session kept its subscriptions and queued what came meanwhile")
                .containsExactly("away-1", "away-2", "away-3", "after");
        assertThat(durableA).containsExactly("before");
        assertThat(clean).as("the control: a clean session starts anew").containsExactly("before", "after");
    }

    @Test
    void aSubscriptionNoRouteUsesAnyMoreDoesNotHoldUpTheOthers(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        String token = org.registerDevice("sensor", "stale");
        List<String> kept = new CopyOnWriteArrayList<>();
        String durable = "iotf:device-event?" + app(iotf, org, "stale") + "&cleanSession=false&qos=1";
        try (CapturedLog log = CapturedLog.of(IotfConnection.class);
                MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "stale", token)) {
            CamelContext before = CamelContexts.start(new RouteBuilder() {
                @Override
                public void configure() {
                    from(durable + "&event=kept").to("log:kept?level=DEBUG");
                    from(durable + "&event=removed").to("log:removed?level=DEBUG");
                }
            });
            before.stop();
            // the next version of the application has no route for "removed", but the session still subscribes to it
            device.publish("iot-2/evt/removed/fmt/text", "stale", 1);
            CamelContext after = CamelContexts.start(new RouteBuilder() {
                @Override
                public void configure() {
                    from(durable + "&event=kept").convertBodyTo(String.class)
                            .process(e -> kept.add(e.getIn().getBody(String.class)));
                }
            });
            try {
                device.publish("iot-2/evt/kept/fmt/text", "k1", 1);
                device.publish("iot-2/evt/kept/fmt/text", "k2", 1);
                Waits.await().until(() -> kept.size() == 2);
            } finally {
                after.stop();
            }
            assertThat(kept).containsExactly("k1", "k2");
            assertThat(log.contains(Level.WARN, "iot-2/type/sensor/id/stale/evt/removed/fmt/text", "matches no consumer"))
                    .as("the stale message was reported").isTrue();
        }
    }

    @Test
    void aRouteRestartedOnADurableConnectionItSharesGetsWhatCameMeanwhile(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        String token = org.registerDevice("sensor", "pause");
        List<String> received = new CopyOnWriteArrayList<>();
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-event?" + app(iotf, org, "pause") + "&cleanSession=false&qos=1").routeId("in")
                        .convertBodyTo(String.class).process(e -> received.add(e.getIn().getBody(String.class)));
                // a producer of the same client id keeps the connection open while the consumer's route is stopped
                from("direct:out").to("iotf:command?" + app(iotf, org, "pause") + "&deviceType=sensor&deviceId=pause"
                        + "&command=c&cleanSession=false");
            }
        });
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "pause", token)) {
            device.publish("iot-2/evt/e/fmt/text", "before", 1);
            Waits.await().until(() -> received.contains("before"));
            context.getRouteController().stopRoute("in");
            device.publish("iot-2/evt/e/fmt/text", "paused-1", 1);
            device.publish("iot-2/evt/e/fmt/text", "paused-2", 1);
            // the connection, still open, is offered both and leaves them unacknowledged for the session; the route's
            // new start has them delivered again
            context.getRouteController().startRoute("in");
            device.publish("iot-2/evt/e/fmt/text", "after", 1);
            Waits.await().until(() -> received.contains("after"));
        } finally {
            context.stop();
        }
        assertThat(received).as("what arrived while the route was stopped was kept for it, in order")
                .containsExactly("before", "paused-1", "paused-2", "after");
    }
}
