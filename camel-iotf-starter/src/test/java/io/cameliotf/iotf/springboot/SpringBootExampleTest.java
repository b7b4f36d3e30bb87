package io.cameliotf.iotf.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.IotfComponent;
import io.cameliotf.iotf.IotfConstants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring Boot application whose routes name no credentials: the component is configured by properties only
 * ({@code camel.component.iotf.*}, here from the running local service), against the local service over MQTT and
 * REST.
 */
@SpringBootTest(classes = SpringBootExampleTest.ExampleApplication.class)
class SpringBootExampleTest {

    static final IotfEmulator IOTF = IotfEmulatorExtension.startForTests();
    static final TestOrganization ORG = TestOrganization.create(IOTF);
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate template;

    @DynamicPropertySource
    static void iotf(DynamicPropertyRegistry properties) {
        // what a user puts in application.properties (see docs/user-guide.md, "Spring Boot")
        properties.add("camel.component.iotf.org", ORG::id);
        properties.add("camel.component.iotf.app-id", () -> "boot");
        properties.add("camel.component.iotf.auth-key", ORG::apiKey);
        properties.add("camel.component.iotf.auth-token", ORG::apiToken);
        properties.add("camel.component.iotf.broker-url", IOTF::mqttUrl);
        properties.add("camel.component.iotf.api-base-url", () -> IOTF.httpUrl("v0002"));
        properties.add("camel.component.iotf.qos", () -> "1");
    }

    @SpringBootApplication
    static class ExampleApplication {
        @Bean
        RouteBuilder sensorEvents() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("iotf:device-event?deviceType=sensor").routeId("sensor-events").convertBodyTo(String.class)
                            .process(e -> EVENTS.add(e.getIn().getHeader(IotfConstants.DEVICE_ID, String.class) + ":"
                                    + e.getIn().getBody(String.class)));
                }
            };
        }
    }

    @AfterAll
    static void stop() {
        IOTF.stop();
    }

    @Test
    void theComponentIsConfiguredFromProperties() {
        IotfComponent component = camel.getComponent("iotf", IotfComponent.class);
        assertThat(component.getConfiguration().getOrg()).isEqualTo(ORG.id());
        assertThat(component.getConfiguration().getQos()).isEqualTo(1);
        // options nobody set keep the component's own defaults and rules (apiVersion follows apiBaseUrl)
        assertThat(component.getConfiguration().isCleanSession()).isTrue();
        assertThat(component.getConfiguration().getApiVersion()).isNull();
    }

    @Test
    void aRouteReceivesDeviceEventsAndAProducerCallsTheRegistry() throws Exception {
        String token = ORG.registerDevice("sensor", "boot1");
        try (MqttTestClient device = MqttTestClient.device(IOTF, ORG.id(), "sensor", "boot1", token)) {
            device.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"t\":21}}", 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> EVENTS.contains("boot1:{\"d\":{\"t\":21}}"));
        }
        Object device = template.requestBodyAndHeaders("iotf:registry?operation=getDevice", null,
                Map.of(IotfConstants.DEVICE_TYPE, "sensor", IotfConstants.DEVICE_ID, "boot1"));
        assertThat(device).as("the registry answered through the REST properties").asString().contains("boot1");
    }
}
