package io.cameliotf.iotf.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.iotf.IotfComponent;
import io.cameliotf.iotf.Waits;
import io.cameliotf.iotf.payload.IotfMessage;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The YAML DSL snippets of docs/user-guide.md (sources under src/test/resources/io/cameliotf/iotf/docs), loaded by
 * camel-yaml-dsl and run against the local service, in the docs' example organization {@code ab12cd}.
 */
@ExtendWith(IotfEmulatorExtension.class)
class YamlSnippetsTest {

    static final String DIR = "io/cameliotf/iotf/docs/";

    @Test
    void yamlRouteInCamelMainWithTheComponentOptionsAsProperties(IotfEmulator iotf) throws Exception {
        String token = DocsService.registerDeviceInDocsOrg(iotf, "sensor", "yaml1");
        Properties options = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DIR + "camel-main.properties")) {
            options.load(in);
        }
        Main main = new Main();
        options.forEach((k, v) -> main.addInitialProperty((String) k, (String) v));
        // the local service instead of the live one
        main.addInitialProperty("camel.component.iotf.brokerUrl", iotf.mqttUrl());
        main.addInitialProperty("camel.main.routesIncludePattern", "classpath:" + DIR + "user-guide-route.yaml");
        AtomicReference<Completed> completed = new AtomicReference<>();
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport m) {
                completed.set(Completed.on(m.getCamelContext()));
            }
        });
        main.start();
        try (MqttTestClient device = MqttTestClient.device(iotf, DocsService.ORG, "sensor", "yaml1", token)) {
            device.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"temp\":24}}", 1);
            Exchange event = completed.get().await("iotf://device-event", 1).get(0);
            assertThat(event.getException()).isNull();
            assertThat(event.getMessage().getBody(IotfMessage.class).data().get("temp").asInt()).isEqualTo(24);
        } finally {
            main.stop();
        }
    }

    @Test
    void kameletSource(IotfEmulator iotf) throws Exception {
        String token = DocsService.registerDeviceInDocsOrg(iotf, "sensor", "kam1");
        CamelContext context = DocsService.plain(Map.of());
        IotfComponent component = new IotfComponent();
        DocsService.pointAt(iotf, component.getConfiguration());
        context.addComponent("iotf", component);
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:" + DIR + "kamelet-route.yaml"));
        context.start();
        try (MqttTestClient device = MqttTestClient.device(iotf, DocsService.ORG, "sensor", "kam1", token)) {
            MockEndpoint kafka = context.getEndpoint("kafka:iotf-events", MockEndpoint.class);
            device.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"temp\":25}}", 1);
            Waits.await().until(() -> kafka.getReceivedCounter() >= 1);
            Exchange event = kafka.getReceivedExchanges().get(0);
            assertThat(event.getIn().getHeader("ce-source", String.class)).isEqualTo("iotf:ab12cd/sensor/kam1");
            assertThat(event.getIn().getBody(String.class)).isEqualTo("{\"d\":{\"temp\":25}}");
        } finally {
            context.stop();
        }
    }
}
