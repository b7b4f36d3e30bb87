package io.cameliotf.iotf;

import static io.cameliotf.iotf.CamelContexts.app;
import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.main.Main;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code iotf} dev console, found the way Camel Main finds consoles ({@code camel.main.devConsoleEnabled=true}
 * scans the classpath): its numbers move with what a real route does against the local service.
 */
@ExtendWith(IotfEmulatorExtension.class)
class IotfDevConsoleTest {

    static final int EVENTS = 5;
    static final int COMMANDS = 3;

    @Test
    void showsEachConnectionWithItsSubscriptionsAndCounters(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "con1");
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        String nowhere = app(iotf, org, "console-down").replace(iotf.mqttUrl(), "tcp://127.0.0.1:" + deadPort);
        Main main = new Main();
        main.addInitialProperty("camel.main.devConsoleEnabled", "true");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-event?" + app(iotf, org, "console") + "&deviceType=sensor&qos=1").routeId("events")
                        .to("mock:events");
                from("direct:cmd").to("iotf:command?" + app(iotf, org, "console") + "&deviceType=sensor&deviceId=con1"
                        + "&command=valve&qos=1");
                from("direct:nowhere").to("iotf:command?" + nowhere + "&deviceType=sensor&deviceId=con1&command=c");
            }
        });
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            DevConsole console = DevConsoleRegistry.get(context).getConsole("iotf").orElseThrow();
            assertThat(console.supportMediaType(DevConsole.MediaType.TEXT)).isTrue();
            assertThat(console.supportMediaType(DevConsole.MediaType.JSON)).isTrue();
            String clientId = org.appClientId("console");
            JsonObject before = connection(console, clientId);
            assertThat(before.getBoolean("connected")).isTrue();
            assertThat(before.getString("server")).isEqualTo(iotf.mqttUrl());
            assertThat((List<?>) before.get("subscriptions")).singleElement().isEqualTo(
                    Map.of("topicFilter", "iot-2/type/sensor/id/+/evt/+/fmt/+", "qos", 1));

            ConnectionTraffic.exchange(iotf, org, context, "con1", token, EVENTS, COMMANDS);

            Waits.await().untilAsserted(() -> {
                JsonObject after = connection(console, clientId);
                assertThat(after.getLong("messagesIn") - before.getLong("messagesIn")).isEqualTo(EVENTS);
                assertThat(after.getLong("messagesOut") - before.getLong("messagesOut")).isEqualTo(COMMANDS);
                assertThat(after.getInteger("inFlight")).isZero();
                assertThat(after.getLong("reconnects")).isZero();
            });
            String text = (String) console.call(DevConsole.MediaType.TEXT);
            assertThat(text).contains("Client Id: " + clientId, "Server: " + iotf.mqttUrl(), "Connected: true",
                    "Messages In: " + (before.getLong("messagesIn") + EVENTS),
                    "Messages Out: " + (before.getLong("messagesOut") + COMMANDS), "In Flight: 0", "Reconnects: 0",
                    "iot-2/type/sensor/id/+/evt/+/fmt/+ (QoS 1)");

            // another client takes the client id over: the service drops ours, which connects again
            MqttTestClient.builder(iotf.mqttUrl(), clientId).username(org.apiKey()).password(org.apiToken()).connect()
                    .close();
            Waits.await().untilAsserted(() -> {
                JsonObject after = connection(console, clientId);
                assertThat(after.getLong("reconnects")).isEqualTo(1);
                assertThat(after.getBoolean("connected")).isTrue();
                assertThat(after.getString("lastError")).isNotBlank();
            });

            JsonObject down = connection(console, org.appClientId("console-down"));
            assertThat(down.getBoolean("connected")).isFalse();
            assertThat(down.getString("lastError")).isNotBlank();
            assertThat((List<?>) down.get("subscriptions")).isEmpty();
            String all = console.call(DevConsole.MediaType.TEXT) + " " + console.call(DevConsole.MediaType.JSON);
            assertThat(all).contains("Connected: false", "Last Error: ").doesNotContain(org.apiToken());
        } finally {
            main.stop();
        }
    }

    /** The console's JSON of the connection of {@code clientId}. */
    @SuppressWarnings("unchecked")
    static JsonObject connection(DevConsole console, String clientId) {
        JsonObject root = (JsonObject) console.call(DevConsole.MediaType.JSON);
        List<JsonObject> connections = (List<JsonObject>) root.get("connections");
        return connections.stream().filter(c -> clientId.equals(c.getString("clientId"))).findFirst().orElseThrow(
                () -> new AssertionError("no connection " + clientId + " in " + root.toJson()));
    }
}
