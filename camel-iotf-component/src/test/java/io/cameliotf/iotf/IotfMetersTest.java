package io.cameliotf.iotf;

import static io.cameliotf.iotf.CamelContexts.app;
import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.TestOrganization;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The connection meters, in a Micrometer registry bound where camel-micrometer binds its own
 * ({@code metricsRegistry}): they follow a real route against the local service, and go with the connection.
 */
@ExtendWith(IotfEmulatorExtension.class)
class IotfMetersTest {

    static final int EVENTS = 4;
    static final int COMMANDS = 2;

    @Test
    void eachConnectionHasItsMetersWhileItIsOpen(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "met1");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("metricsRegistry", meters);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-event?" + app(iotf, org, "metered") + "&qos=1").routeId("events").to("mock:events");
                from("direct:cmd").to("iotf:command?" + app(iotf, org, "metered") + "&deviceType=sensor&deviceId=met1"
                        + "&command=valve&qos=1");
            }
        });
        context.start();
        String clientId = org.appClientId("metered");
        try {
            assertThat(meter(meters, "camel.iotf.connection.connected", clientId).gauge().value()).isEqualTo(1.0);
            assertThat(meter(meters, "camel.iotf.connection.subscriptions", clientId).gauge().value()).isEqualTo(1.0);
            double inBefore = meter(meters, "camel.iotf.messages.received", clientId).functionCounter().count();
            double outBefore = meter(meters, "camel.iotf.messages.sent", clientId).functionCounter().count();

            ConnectionTraffic.exchange(iotf, org, context, "met1", token, EVENTS, COMMANDS);
            Waits.await().untilAsserted(() -> {
                assertThat(meter(meters, "camel.iotf.messages.received", clientId).functionCounter().count() - inBefore)
                        .isEqualTo(EVENTS);
                assertThat(meter(meters, "camel.iotf.messages.sent", clientId).functionCounter().count() - outBefore)
                        .isEqualTo(COMMANDS);
                assertThat(meter(meters, "camel.iotf.connection.inflight", clientId).gauge().value()).isZero();
            });
            assertThat(meter(meters, "camel.iotf.connection.reconnects", clientId).functionCounter().count()).isZero();
            assertThat(meter(meters, "camel.iotf.connection.connected", clientId).gauge().getId()
                    .getTag("camelContext")).isEqualTo(context.getName());
        } finally {
            context.stop();
        }
        assertThat(meters.find("camel.iotf.connection.connected").tag("clientId", clientId).meters())
                .as("removed with the connection").isEmpty();
    }

    @Test
    void ofSeveralRegistriesTheCompositeGetsTheMeters(IotfEmulator iotf, TestOrganization org) throws Exception {
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        SimpleMeterRegistry backend = new SimpleMeterRegistry();
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        composite.add(backend);
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("other", other);
        context.getRegistry().bind("composite", composite);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cmd").to("iotf:command?" + app(iotf, org, "metered2") + "&deviceType=t&deviceId=i&command=c");
            }
        });
        context.start();
        try {
            assertThat(meter(backend, "camel.iotf.connection.connected", org.appClientId("metered2")).gauge().value())
                    .isEqualTo(1.0);
            assertThat(other.getMeters()).isEmpty();
        } finally {
            context.stop();
        }
    }

    private static RequiredSearch meter(MeterRegistry meters, String name, String clientId) {
        return meters.get(name).tag("clientId", clientId);
    }
}
