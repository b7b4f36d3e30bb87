package io.cameliotf.iotf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Kamelets in the component jar ({@code kamelets/}), used as a Camel JBang or Kaoto user uses them: a YAML route
 * that names the Kamelet and its properties. camel-kamelet is 4.18.1 here (4.22.0 is not served) beside Camel 4.22.
 */
@ExtendWith(IotfEmulatorExtension.class)
class KameletTest {

    @Test
    void theEventSourceDeliversDeviceEventsWithTheirHeaders(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "k1");
        List<Message> received = new CopyOnWriteArrayList<>();
        String yaml = """
                - route:
                    from:
                      uri: kamelet:iotf-event-source
                      parameters:
                        org: %s
                        authKey: %s
                        authToken: "%s"
                        appId: kamelets
                        deviceType: sensor
                        brokerUrl: %s
                      steps:
                        - to: direct:received
                """.formatted(org.id(), org.apiKey(), org.apiToken(), iotf.mqttUrl());
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:received").convertBodyTo(String.class).process(e -> received.add(e.getMessage()));
            }
        });
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("events.yaml", yaml));
        context.start();
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "k1", token)) {
            device.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"t\":3}}", 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
        } finally {
            context.stop();
        }
        Message m = received.get(0);
        assertThat(m.getBody(String.class)).isEqualTo("{\"d\":{\"t\":3}}");
        assertThat(m.getHeaders()).containsAllEntriesOf(Map.of(IotfConstants.DEVICE_TYPE, "sensor",
                IotfConstants.DEVICE_ID, "k1", "ce-type", "com.ibm.iotf.device.event",
                "ce-source", "iotf:" + org.id() + "/sensor/k1", "ce-subject", "reading"));
    }

    @Test
    void theCommandSinkSendsTheBodyAsACommand(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("valve", "k2");
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "valve", "k2", token)) {
            device.subscribe("iot-2/cmd/+/fmt/+", 1);
            send("iotf-command-sink", new String[] {"org", org.id(), "authKey", org.apiKey(), "authToken",
                    org.apiToken(), "deviceType", "valve", "deviceId", "k2", "command", "open", "brokerUrl",
                    iotf.mqttUrl()}, "{\"angle\":90}");
            MqttTestClient.Received command = device.poll(Duration.ofSeconds(30));
            assertThat(command).as("the device received the command").isNotNull();
            assertThat(command.topic()).isEqualTo("iot-2/cmd/open/fmt/json");
            assertThat(command.text()).isEqualTo("{\"angle\":90}");
        }
    }

    @Test
    void theEventSinkPublishesAsTheDevice(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "k3");
        try (MqttTestClient app = MqttTestClient.application(iotf, org.appClientId("kwatch"), org.apiKey(),
                org.apiToken())) {
            app.subscribe("iot-2/type/sensor/id/k3/evt/+/fmt/+", 1);
            send("iotf-event-sink", new String[] {"org", org.id(), "authToken", token, "deviceType", "sensor",
                    "deviceId", "k3", "event", "reading", "brokerUrl", iotf.mqttUrl()}, "{\"d\":{\"t\":5}}");
            MqttTestClient.Received event = app.poll(Duration.ofSeconds(30));
            assertThat(event).as("the application received the device's event").isNotNull();
            assertThat(event.topic()).isEqualTo("iot-2/type/sensor/id/k3/evt/reading/fmt/json");
            assertThat(event.text()).isEqualTo("{\"d\":{\"t\":5}}");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPropertyIsTypedAndDocumentedAndSecretsAreMasked() throws Exception {
        for (String name : List.of("iotf-event-source", "iotf-command-sink", "iotf-event-sink")) {
            Map<String, Object> kamelet;
            try (java.io.InputStream in = getClass().getResourceAsStream("/kamelets/" + name + ".kamelet.yaml")) {
                assertThat(in).as("kamelets/%s.kamelet.yaml in the component jar", name).isNotNull();
                kamelet = new org.yaml.snakeyaml.Yaml().load(in);
            }
            Map<String, Object> definition = (Map<String, Object>) ((Map<String, Object>) kamelet.get("spec"))
                    .get("definition");
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) definition
                    .get("properties");
            assertThat((List<String>) ((Map<String, Object>) kamelet.get("spec")).get("dependencies"))
                    .as("%s: depends on this version of the component", name)
                    .contains("mvn:io.cameliotf:camel-iotf-component:" + System.getProperty("iotf.version"));
            assertThat((List<String>) definition.get("required")).as("%s: required properties exist", name)
                    .allMatch(properties::containsKey);
            properties.forEach((property, spec) -> {
                assertThat(spec).as("%s.%s has a title, a description and a type", name, property)
                        .containsKeys("title", "description", "type");
                if (property.toLowerCase(java.util.Locale.ROOT).contains("token")) {
                    assertThat(spec.get("format")).as("%s.%s is a secret", name, property).isEqualTo("password");
                }
            });
        }
    }

    /**
     * Starts a YAML route from direct:in to the Kamelet {@code name} with {@code parameters} (name, value, ...), sends
     * {@code body} through it and stops it.
     */
    private static void send(String name, String[] parameters, String body) throws Exception {
        StringBuilder yaml = new StringBuilder("""
                - route:
                    from:
                      uri: direct:in
                      steps:
                        - to:
                            uri: kamelet:%s
                            parameters:
                """.formatted(name));
        for (int i = 0; i < parameters.length; i += 2) {
            yaml.append("              ").append(parameters[i]).append(": \"").append(parameters[i + 1]).append("\"\n");
        }
        CamelContext context = new DefaultCamelContext();
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("sink.yaml", yaml.toString()));
        context.start();
        try {
            context.createProducerTemplate().sendBody("direct:in", body);
        } finally {
            context.stop();
        }
    }
}
