package io.cameliotf.iotf;

import static io.cameliotf.iotf.CamelContexts.app;
import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
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
                    Waits.await().until(() -> received.contains(n));
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
        List<String> durable = new CopyOnWriteArrayList<>();
        List<String> clean = new CopyOnWriteArrayList<>();
        RouteBuilder routes = new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-event?" + app(iotf, org, "away-durable") + "&cleanSession=false&qos=1")
                        .convertBodyTo(String.class).process(e -> durable.add(e.getIn().getBody(String.class)));
                from("iotf:device-event?" + app(iotf, org, "away-clean") + "&qos=1")
                        .convertBodyTo(String.class).process(e -> clean.add(e.getIn().getBody(String.class)));
            }
        };
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "away", token)) {
            CamelContext first = CamelContexts.start(routes);
            try {
                device.publish("iot-2/evt/e/fmt/text", "before", 1);
                Waits.await().until(() -> durable.contains("before") && clean.contains("before"));
            } finally {
                first.stop();
            }
            for (String n : List.of("away-1", "away-2", "away-3")) {
                device.publish("iot-2/evt/e/fmt/text", n, 1);
            }
            CamelContext second = CamelContexts.start(routes);
            try {
                device.publish("iot-2/evt/e/fmt/text", "after", 1);
                Waits.await().until(() -> durable.contains("after") && clean.contains("after"));
            } finally {
                second.stop();
            }
        }
        assertThat(durable).as("the durable session kept its subscription and queued what came meanwhile")
                .containsExactly("before", "away-1", "away-2", "away-3", "after");
        assertThat(clean).as("the control: a clean session starts anew").containsExactly("before", "after");
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
