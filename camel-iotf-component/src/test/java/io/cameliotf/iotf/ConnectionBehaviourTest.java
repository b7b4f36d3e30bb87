package io.cameliotf.iotf;

import static io.cameliotf.iotf.CamelContexts.app;
import static io.cameliotf.iotf.CamelContexts.device;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.mqtt.IotfConnection;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One connection per client id, at-least-once delivery, shared subscriptions across CamelContexts, take-over
 * detection, sends while disconnected, and health checks.
 */
@ExtendWith(IotfEmulatorExtension.class)
class ConnectionBehaviourTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void endpointsWithOneClientIdShareOneConnection(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "s1");
        try (MqttTestClient monitor = MqttTestClient.application(iotf, org.appClientId("monitor"), org.apiKey(), org.apiToken())) {
            monitor.subscribe("iot-2/app/shared1/mon", 1);
            List<String> received = new CopyOnWriteArrayList<>();
            CamelContext context = CamelContexts.start(new RouteBuilder() {
                @Override
                public void configure() {
                    from("iotf:device-event?" + app(iotf, org, "shared1") + "&event=a").routeId("a").process(e -> received.add("a"));
                    from("iotf:device-event?" + app(iotf, org, "shared1") + "&event=b").routeId("b").process(e -> received.add("b"));
                    from("iotf:device-status?" + app(iotf, org, "shared1")).routeId("status").to("log:status?level=DEBUG");
                    from("direct:send").to("iotf:command?" + app(iotf, org, "shared1") + "&deviceType=sensor&deviceId=s1&command=c");
                }
            });
            try {
                IotfComponent component = context.getComponent("iotf", IotfComponent.class);
                assertThat(component.getConnections().size()).isEqualTo(1);
                try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "s1", token)) {
                    device.subscribe("iot-2/cmd/+/fmt/+", 1);
                    device.publish("iot-2/evt/a/fmt/json", "{}", 1);
                    device.publish("iot-2/evt/b/fmt/json", "{}", 1);
                    context.createProducerTemplate().sendBody("direct:send", "{}");
                    Waits.next(device);
                }
                Waits.await().until(() -> received.size() == 2);
                assertThat(received).containsExactlyInAnyOrder("a", "b");
                context.getRouteController().stopRoute("a");
                context.getRouteController().stopRoute("b");
                assertThat(component.getConnections().size()).as("still used by two endpoints").isEqualTo(1);
            } finally {
                context.stop();
            }
            // the marker: the same client id connecting again, with a durable session (Camel's was clean), after the
            // context stopped; the service publishes a client id's status in the order its connections come and go
            MqttTestClient.builder(iotf.mqttUrl(), org.appClientId("shared1")).username(org.apiKey())
                    .password(org.apiToken()).cleanSession(false).connect().close();
            List<Received> status = Waits.before(monitor, r -> field(r, "Durable").equals("true"));
            assertThat(status).extracting(r -> field(r, "Action"))
                    .as("one connection: opened with the first user, closed with the last").containsExactly("Connect", "Disconnect");
        }
    }

    @Test
    void endpointsOfOneClientIdMustAgreeOnTheConnection(IotfEmulator iotf, TestOrganization org) {
        assertThatThrownBy(() -> CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-event?" + app(iotf, org, "agree")).to("log:a");
                from("iotf:device-status?" + app(iotf, org, "agree") + "&cleanSession=false").to("log:b");
            }
        })).satisfies(e -> assertThat(rootMessage(e)).contains("client id a:" + org.id() + ":agree", "cleanSession"));
    }

    @Test
    void failedExchangeIsNotAcknowledgedAndComesAgain(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "alo");
        AtomicInteger attempts = new AtomicInteger();
        List<Boolean> duplicates = new CopyOnWriteArrayList<>();
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-event?" + app(iotf, org, "alo") + "&qos=1&cleanSession=false")
                        .process(e -> {
                            duplicates.add(e.getIn().getHeader(IotfConstants.DUPLICATE, Boolean.class));
                            if (attempts.incrementAndGet() == 1) {
                                throw new IllegalStateException("the database is down, just this once");
                            }
                        });
            }
        });
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "alo", token)) {
            try {
                device.publish("iot-2/evt/e/fmt/json", "{\"d\":{\"n\":1}}", 1);
                Waits.await().until(() -> attempts.get() >= 2);
            } finally {
                context.stop();
            }
            // acknowledged the second time: the session holds nothing more, so it never comes a third time
            assertThat(DurableSessions.leftOver(iotf, org, "alo", "iot-2/type/+/id/+/evt/+/fmt/+", device)).isEmpty();
            assertThat(attempts.get()).isEqualTo(2);
            assertThat(duplicates).containsExactly(false, true);
        }
    }

    @Test
    void sharedApplicationsSplitLoadOverTwoCamelContexts(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "load");
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        String uri = "iotf:device-event?" + app(iotf, org, "workers") + "&shared=true&qos=1";
        CamelContext one = CamelContexts.start(sharedWorker(uri, first));
        CamelContext two = CamelContexts.start(sharedWorker(uri, second));
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "load", token)) {
            // The broker hands a shared subscription's messages to whichever member asks first, in batches, so on a
            // busy machine one member may take a whole run of them: the device goes on in runs of 50 until both have
            // had some (at most 20 runs; a group that never splits fails below).
            int sent = 0;
            do {
                for (int i = 0; i < 50; i++) {
                    device.publish("iot-2/evt/n/fmt/text", Integer.toString(sent++), 1);
                }
                int expected = sent;
                Waits.await().until(() -> first.size() + second.size() >= expected);
            } while ((first.isEmpty() || second.isEmpty()) && sent < 1000);
            Set<String> all = IntStream.range(0, sent).mapToObj(Integer::toString).collect(Collectors.toSet());
            assertThat(Stream.concat(first.stream(), second.stream()).collect(Collectors.toSet())).isEqualTo(all);
            assertThat(first).isNotEmpty();
            assertThat(second).isNotEmpty();
            assertThat(first).doesNotContainAnyElementsOf(second);
            assertThat(first.size() + second.size()).as("each delivered once").isEqualTo(sent);
        } finally {
            one.stop();
            two.stop();
        }
    }

    private static RouteBuilder sharedWorker(String uri, List<String> received) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).convertBodyTo(String.class).process(e -> received.add(e.getIn().getBody(String.class)));
            }
        };
    }

    @Test
    void repeatedTakeOversAreReportedAsAnErrorNamingTheClientId(IotfEmulator iotf, TestOrganization org) throws Exception {
        String uri = "iotf:device-event?" + app(iotf, org, "twin") + "&maxReconnectDelay=1000";
        try (CapturedLog log = CapturedLog.of(IotfConnection.class)) {
            CamelContext one = CamelContexts.start(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).to("log:one");
                }
            });
            CamelContext two = CamelContexts.start(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).to("log:two");
                }
            });
            try {
                Waits.await().until(() -> log.contains(Level.ERROR, "a:" + org.id() + ":twin", "same client id"));
            } finally {
                one.stop();
                two.stop();
            }
        }
    }

    @Test
    void sendWhileDisconnectedFailsClearlyAndHealthIsDown(IotfEmulator iotf, TestOrganization org) throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        String token = org.registerDevice("sensor", "lonely");
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("send").to("iotf:device-event?" + device(iotf, org, "sensor", "lonely", token)
                        .replace(iotf.mqttUrl(), "tcp://127.0.0.1:" + deadPort) + "&event=e&connectWaitTimeout=300");
            }
        });
        try {
            ProducerTemplate template = context.createProducerTemplate();
            assertThatThrownBy(() -> template.sendBody("direct:send", "{}")).isInstanceOf(CamelExecutionException.class)
                    .cause().hasMessageContaining("Not connected to the IoTF service")
                    .hasMessageContaining("d:" + org.id() + ":sensor:lonely").hasMessageContaining("connectWaitTimeout")
                    .hasMessageNotContaining(token);
            HealthCheck.Result health = HealthCheckHelper.invoke(context).stream()
                    .filter(r -> r.getCheck().getId().startsWith("producer:iotf://")).findFirst().orElseThrow();
            assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(health.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("Not connected"));
            assertThat(health.getDetails().get("iotf.endpoint")).as("the producer's endpoint, its token masked")
                    .asString().startsWith("iotf://device-event").doesNotContain(token);
        } finally {
            context.stop();
        }
    }

    @Test
    void connectedConsumersAndProducersAreHealthy(IotfEmulator iotf, TestOrganization org) throws Exception {
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-event?" + app(iotf, org, "healthy")).routeId("in").to("log:x");
                from("direct:out").to("iotf:command?" + app(iotf, org, "healthy") + "&deviceType=t&deviceId=i&command=c");
            }
        });
        try {
            List<HealthCheck.Result> results = HealthCheckHelper.invoke(context).stream()
                    .filter(r -> r.getCheck().getId().equals("consumer:in") || r.getCheck().getId().startsWith("producer:iotf://"))
                    .toList();
            assertThat(results).extracting(r -> r.getCheck().getId()).contains("consumer:in");
            assertThat(results).allSatisfy(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.UP));
            // the details say which endpoint a check is about, as Camel shows it: the token masked
            assertThat(results).allSatisfy(r -> assertThat(r.getDetails().get("iotf.endpoint")).asString()
                    .startsWith("iotf://").doesNotContain(org.apiToken()));

        } finally {
            context.stop();
        }
    }

    @Test
    void refusedCredentialsFailTheRouteStartWithoutShowingTheToken(IotfEmulator iotf, TestOrganization org) {
        assertThatThrownBy(() -> CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-event?org=" + org.id() + "&appId=x&authKey=" + org.apiKey()
                        + "&authToken=WrongSecret99&brokerUrl=" + iotf.mqttUrl()).to("log:x");
            }
        })).satisfies(e -> assertThat(messages(e)).contains("not authorised (CONNACK 5): check authKey and authToken")
                .doesNotContain("WrongSecret99"));
    }

    /** A field of a status message. */
    static String field(Received status, String name) {
        try {
            return JSON.readTree(status.payload()).path(name).asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Every message of the cause chain, which is what a log of the failure shows. */
    static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
