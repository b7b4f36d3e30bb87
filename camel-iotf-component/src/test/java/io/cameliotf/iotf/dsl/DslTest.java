package io.cameliotf.iotf.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.IotfConstants;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Endpoint DSL and the Component DSL: routes written with them work, and they have every option. */
@ExtendWith(IotfEmulatorExtension.class)
class DslTest {

    @Test
    void aRouteWrittenWithTheEndpointDslReceivesEvents(IotfEmulator iotf, TestOrganization org) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        class Routes extends EndpointRouteBuilder implements IotfEndpointBuilderFactory.IotfBuilders {
            @Override
            public void configure() {
                from(iotf("device-event").org(org.id()).appId("dsl").authKey(org.apiKey()).authToken(org.apiToken())
                        .brokerUrl(iotf.mqttUrl()).deviceType("sensor").qos(1))
                        .convertBodyTo(String.class)
                        .process(e -> received.add(e.getIn().getHeader(IotfConstants.DEVICE_ID, String.class)));
            }
        }
        assertReceives(iotf, org, new Routes(), null, received, "dsl1");
    }

    @Test
    void aComponentConfiguredWithTheComponentDslServesPlainUris(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        EndpointRouteBuilder routes = new EndpointRouteBuilder() {
            @Override
            public void configure() {
                from("myiotf:device-event?deviceType=sensor").convertBodyTo(String.class)
                        .process(e -> received.add(e.getIn().getHeader(IotfConstants.DEVICE_ID, String.class)));
            }
        };
        assertReceives(iotf, org, routes, context -> IotfComponentBuilderFactory.iotf().org(org.id()).appId("cdsl")
                .authKey(org.apiKey()).authToken(org.apiToken()).brokerUrl(iotf.mqttUrl()).qos(1)
                .register(context, "myiotf"), received, "dsl2");
    }

    @Test
    void theDslsHaveEveryOptionOfTheComponent() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/cameliotf/iotf/iotf.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        Set<String> endpointMethods = methodNames(IotfEndpointBuilderFactory.class.getDeclaredClasses());
        for (String option : names(metadata.get("properties"))) {
            if (!metadata.get("properties").get(option).get("kind").asText().equals("path")) {
                assertThat(endpointMethods).as("the Endpoint DSL has the option %s (the DSL is generated from the "
                        + "committed iotf.json before compilation: build again)", option).contains(option);
            }
        }
        Set<String> componentMethods = methodNames(IotfComponentBuilderFactory.class.getDeclaredClasses());
        for (String option : names(metadata.get("componentProperties"))) {
            assertThat(componentMethods).as("the Component DSL has the option %s (build again)", option)
                    .contains(option);
        }
    }

    private static void assertReceives(IotfEmulator iotf, TestOrganization org, EndpointRouteBuilder routes,
            java.util.function.Consumer<CamelContext> setUp, List<String> received, String deviceId)
            throws Exception {
        String token = org.registerDevice("sensor", deviceId);
        CamelContext context = new DefaultCamelContext();
        if (setUp != null) {
            setUp.accept(context);
        }
        context.addRoutes(routes);
        context.start();
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", deviceId, token)) {
            device.publish("iot-2/evt/reading/fmt/json", "{\"d\":{}}", 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> received.contains(deviceId));
        } finally {
            context.stop();
        }
    }

    private static Set<String> methodNames(Class<?>[] types) {
        Set<String> names = new HashSet<>();
        for (Class<?> type : types) {
            for (Method m : type.getMethods()) {
                names.add(m.getName());
            }
        }
        return names;
    }

    private static List<String> names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = properties.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
