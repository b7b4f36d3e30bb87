package io.cameliotf.iotf;

import static io.cameliotf.iotf.CamelContexts.app;
import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.TestOrganization;
import java.net.ServerSocket;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The consumers' and producers' health checks at Camel's default settings (Camel Main, nothing set about health): a
 * check that is down shows at the default exposure level, with an id that names its route or endpoint, and nothing
 * shows the token.
 */
@ExtendWith(IotfEmulatorExtension.class)
class HealthChecksTest {

    @Test
    void downChecksShowAtTheDefaultLevelWithReadableIdsAndNoToken(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        String options = app(iotf, org, "nowhere").replace(iotf.mqttUrl(), "tcp://127.0.0.1:" + deadPort);
        Main main = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-event?" + options + "&deviceType=sensor").routeId("events").to("log:x");
                from("direct:cmd").routeId("commands")
                        .to("iotf:command?" + options + "&deviceType=valve&deviceId=v1&command=close");
            }
        });
        try {
            CamelContext context = main.getCamelContext();
            Map<String, HealthCheck.Result> results = byId(HealthCheckHelper.invoke(context));
            String producerId = "producer:iotf://command?appId=nowhere&authKey=xxxxxx&authToken=xxxxxx&brokerUrl=tcp://127.0.0.1:" + deadPort
                    + "&command=close&deviceId=v1&deviceType=valve&org=" + org.id();
            assertThat(results).containsKeys("consumer:events", producerId);
            HealthCheck.Result consumer = results.get("consumer:events");
            HealthCheck.Result producer = results.get(producerId);
            assertThat(consumer.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(producer.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(consumer.getMessage()).hasValue("Not connected to the IoTF service as " + org.appClientId("nowhere"));
            assertThat(consumer.getDetails()).containsEntry("iotf.clientId", org.appClientId("nowhere"))
                    .containsEntry("iotf.brokerUrl", "tcp://127.0.0.1:" + deadPort);
            assertThat((String) consumer.getDetails().get("iotf.endpoint")).startsWith("iotf://device-event?")
                    .contains("authToken=xxxxxx");
            assertThat(producer.getDetails()).containsEntry("iotf.endpoint", producerId.substring("producer:".length()));
            assertThat(consumer.getCheck().isReadiness()).isTrue();
            assertThat(consumer.getCheck().isLiveness()).as("a lost connection comes back by itself").isFalse();
            assertThat(everything(results.values())).doesNotContain(org.apiToken());
        } finally {
            main.stop();
        }
    }

    @Test
    void connectedChecksAreUpAndListedAtTheFullLevel(IotfEmulator iotf, TestOrganization org) throws Exception {
        Main main = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-event?" + app(iotf, org, "healthy2")).routeId("in").to("log:x");
                from("direct:out").to("iotf:command?" + app(iotf, org, "healthy2") + "&deviceType=t&deviceId=i&command=c");
            }
        });
        try {
            CamelContext context = main.getCamelContext();
            // the default level shows one result when everything is up: Camel's rule, for every component
            Collection<HealthCheck.Result> summary = HealthCheckHelper.invoke(context);
            assertThat(summary).hasSize(1).allSatisfy(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.UP));
            Map<String, HealthCheck.Result> full = byId(HealthCheckHelper.invoke(context, c -> Map.of(), c -> false, "full"));
            assertThat(full).containsKey("consumer:in");
            assertThat(full.keySet()).anySatisfy(id -> assertThat(id).startsWith("producer:iotf://command?appId=healthy2&"));
            assertThat(full.values()).filteredOn(r -> r.getDetails().containsKey("iotf.endpoint")).hasSize(2)
                    .allSatisfy(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.UP));
            assertThat(everything(full.values())).doesNotContain(org.apiToken());
        } finally {
            main.stop();
        }
    }

    /** Camel Main with its defaults: nothing set about health. */
    private static Main start(RouteBuilder routes) throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(routes);
        main.start();
        return main;
    }

    private static Map<String, HealthCheck.Result> byId(Collection<HealthCheck.Result> results) {
        return results.stream().collect(Collectors.toMap(r -> r.getCheck().getId(), Function.identity()));
    }

    /** Every id, message, detail and error text of the results. */
    private static String everything(Collection<HealthCheck.Result> results) {
        StringBuilder sb = new StringBuilder();
        for (HealthCheck.Result r : results) {
            sb.append(r.getCheck().getId()).append(r.getMessage().orElse("")).append(r.getDetails());
            r.getError().ifPresent(e -> sb.append(e).append(e.getCause()));
        }
        return sb.toString();
    }
}
