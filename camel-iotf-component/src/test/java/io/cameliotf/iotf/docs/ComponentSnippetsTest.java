package io.cameliotf.iotf.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.iotf.IotfClientType;
import io.cameliotf.iotf.IotfComponent;
import io.cameliotf.iotf.IotfConfiguration;
import io.cameliotf.iotf.IotfEndpoint;
import io.cameliotf.iotf.Waits;
import io.cameliotf.iotf.model.IotfBulkResult;
import io.cameliotf.iotf.model.IotfDevice;
import io.cameliotf.iotf.payload.IotfMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.util.FileUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The snippets of docs/component.md, run against the local service in the docs' example organization {@code ab12cd}
 * with the token of its API key in the property {@code iotf.token}.
 */
@ExtendWith(IotfEmulatorExtension.class)
class ComponentSnippetsTest {

    /** The docs' resources, from the repository's root (so that the run on the lowest Camel finds them too). */
    static final String RESOURCES = DocsFiles.ROOT.resolve("camel-iotf-component/src/test/resources/io/cameliotf/iotf/docs")
            + "/";
    /** IBM's application configuration file of the docs (an absolute path, as configFile takes it). */
    static final String APPLICATION_YAML = Path.of(RESOURCES + "ibm-application.yaml").toAbsolutePath().toString();
    private static final String EVENT = "iot-2/evt/reading/fmt/json";

    private final Vault vault = new Vault();

    /** A context as a user of the component has it, with the local service's addresses set on the component. */
    private static CamelContext context(IotfEmulator iotf, Map<String, String> properties) {
        DocsService.organizations(iotf);
        CamelContext context = DocsService.plain(properties);
        IotfComponent component = new IotfComponent();
        DocsService.pointAt(iotf, component.getConfiguration());
        context.addComponent("iotf", component);
        return context;
    }

    private static CamelContext context(IotfEmulator iotf) {
        return context(iotf, Map.of("iotf.token", DocsService.token()));
    }

    @Test
    void everyEventAsAReading(IotfEmulator iotf) throws Exception {
        String token = DocsService.registerDeviceInDocsOrg(iotf, "sensor", "c1");
        CamelContext context = context(iotf);
        Completed completed = Completed.on(context);
        DocsService.start(context, new RouteBuilder() {
            @Override
            public void configure() {
                // tag::first-route[]
                // every event of every device of organization ab12cd, as an application
                from("iotf:device-event?org=ab12cd&authKey=a-ab12cd-0123456789&authToken=RAW({{iotf.token}})&qos=1")
                    .convertBodyTo(Reading.class)          // from the payload's "d" element
                    .log("${header.CamelIotfDeviceId}: ${body.temp}");   // ${body.temp} calls getTemp(): needs camel-bean
                // end::first-route[]
            }
        });
        try (MqttTestClient device = MqttTestClient.device(iotf, DocsService.ORG, "sensor", "c1", token)) {
            device.publish(EVENT, "{\"d\":{\"temp\":20.5}}", 1);
            Exchange event = completed.await("iotf://device-event", 1).get(0);
            assertThat(event.getException()).isNull();
            assertThat(event.getMessage().getBody(Reading.class).getTemp()).isEqualTo(20.5);
        } finally {
            context.stop();
        }
    }

    @Test
    void theMessageAndItsParts(IotfEmulator iotf) throws Exception {
        String token = DocsService.registerDeviceInDocsOrg(iotf, "sensor", "c2");
        CamelContext context = context(iotf);
        List<Object> seen = new CopyOnWriteArrayList<>();
        DocsService.start(context, new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-event?org=ab12cd&authKey=a-ab12cd-0123456789&authToken=RAW({{iotf.token}})"
                        + "&deviceId=c2&qos=1")
                    .process(exchange -> {
                        // tag::iotf-message[]
                        IotfMessage message = exchange.getIn().getBody(IotfMessage.class);
                        double temp = message.data().get("temp").asDouble();
                        Optional<OffsetDateTime> ts = message.timestamp();
                        Reading reading = message.dataAs(Reading.class);
                        // end::iotf-message[]
                        seen.addAll(List.of(temp, ts, reading.getTemp()));
                    });
            }
        });
        try (MqttTestClient device = MqttTestClient.device(iotf, DocsService.ORG, "sensor", "c2", token)) {
            device.publish(EVENT, "{\"d\":{\"temp\":21.5},\"ts\":\"2026-12-01T10:00:00Z\"}", 1);
            Waits.await().until(() -> seen.size() == 3);
            assertThat(seen).containsExactly(21.5, Optional.of(OffsetDateTime.parse("2026-12-01T10:00:00Z")), 21.5);
        } finally {
            context.stop();
        }
    }

    @Test
    void ibmConfigurationFiles() throws Exception {
        CamelContext context = DocsService.plain(Map.of());   // the component as it comes: the files say everything
        context.start();
        try {
            IotfConfiguration device = context.getEndpoint("iotf:device-event?event=e&configFile="
                    + Path.of(RESOURCES + "ibm-device.yaml").toAbsolutePath(), IotfEndpoint.class).getConfiguration();
            assertThat(device.getClientType()).isEqualTo(IotfClientType.device);
            assertThat(List.of(device.getOrg(), device.getDeviceType(), device.getDeviceId(), device.getBrokerUrl()))
                    .containsExactly("ab12cd", "sensor", "dev1", "ssl://ab12cd.messaging.internetofthings.ibmcloud.com:8883");
            assertThat(device.getKeepAliveInterval()).isEqualTo(60);
            assertThat(device.isCleanSession()).isTrue();
            IotfConfiguration application = context.getEndpoint("iotf:device-event?configFile=" + APPLICATION_YAML,
                    IotfEndpoint.class).getConfiguration();
            assertThat(List.of(application.getOrg(), application.getAppId(), application.getAuthKey()))
                    .containsExactly("ab12cd", "myApp", "a-ab12cd-0123456789");
            assertThat(application.isShared()).isTrue();
        } finally {
            context.stop();
        }
    }

    @Test
    void trustAPemCaOverSecureWebSocket(IotfEmulator iotf) throws Exception {
        String token = DocsService.registerDeviceInDocsOrg(iotf, "sensor", "c3");
        CamelContext context = context(iotf, Map.of("iotf.token", DocsService.token(), "iotf.wssUrl", iotf.wssUrl(),
                "iotf.caFile", iotf.tls().certificatePemFile().toString()));
        DocsService.start(context, new RouteBuilder() {
            @Override
            public void configure() {
                // tag::tls-wss[]
                // trust a private deployment's CA (a PEM file), and go through port 443; in application.properties:
                // iotf.wssUrl=wss://ab12cd.messaging.internetofthings.ibmcloud.com:443 and iotf.caFile=/etc/iotf/ca.pem
                from("iotf:device-event?org=ab12cd&authKey=a-ab12cd-0123456789&authToken=RAW({{iotf.token}})"
                        + "&brokerUrl={{iotf.wssUrl}}&caFile={{iotf.caFile}}")
                    .to("kafka:events");
                // end::tls-wss[]
            }
        });
        try (MqttTestClient device = MqttTestClient.device(iotf, DocsService.ORG, "sensor", "c3", token)) {
            MockEndpoint kafka = context.getEndpoint("kafka:events", MockEndpoint.class);
            device.publish(EVENT, "{\"d\":{\"temp\":17}}", 1);
            Waits.await().until(() -> kafka.getReceivedCounter() >= 1);
            assertThat(kafka.getReceivedExchanges().get(0).getIn().getBody(String.class)).isEqualTo("{\"d\":{\"temp\":17}}");
        } finally {
            context.stop();
        }
    }

    @Test
    void aGatewayFromHttpToHttp(IotfEmulator iotf) throws Exception {
        DocsService.registerDeviceInDocsOrg(iotf, "meter", "g1");
        CamelContext context = context(iotf);
        int port = PlatformHttp.serve(context);
        DocsService.start(context, new RouteBuilder() {
            @Override
            public void configure() {
                // tag::http-gateway[]
                // a gateway for devices that cannot speak MQTT: their readings arrive over HTTP, leave over HTTP
                from("platform-http:/readings/{deviceId}")
                    .setHeader("CamelIotfDeviceId", header("deviceId"))
                    .to("iotf:device-event?org=ab12cd&authKey=a-ab12cd-0123456789&authToken=RAW({{iotf.token}})"
                        + "&transport=http&deviceType=meter&event=reading");
                // end::http-gateway[]
            }
        });
        try (MqttTestClient watcher = MqttTestClient.application(iotf, "a:ab12cd:gateway-watcher", DocsService.KEY,
                DocsService.token())) {
            watcher.subscribe("iot-2/type/meter/id/g1/evt/+/fmt/+", 1);
            HttpResponse<String> response = PlatformHttp.postJson(port, "/readings/g1", "{\"d\":{\"kwh\":4}}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            Received event = Waits.next(watcher);
            assertThat(event.topic()).isEqualTo("iot-2/type/meter/id/g1/evt/reading/fmt/json");
        } finally {
            context.stop();
        }
    }

    @Test
    void onboardingFromAFile(IotfEmulator iotf) throws Exception {
        DocsService.registerDeviceInDocsOrg(iotf, "meter", "o0");   // the type must exist
        Path dir = Path.of("onboarding");
        CamelContext context = context(iotf);
        DocsService.start(context, new RouteBuilder() {
            @Override
            public void configure() {
                // tag::onboarding[]
                // onboard the devices of a file (one serial number a line) and keep their tokens
                from("file:onboarding?include=.*\\.txt")
                    .process(e -> e.getIn().setBody(e.getIn().getBody(String.class).lines()
                        .map(serial -> new IotfDevice("meter", serial.strip())).toList()))
                    .to("iotf:registry?org=ab12cd&authKey=a-ab12cd-0123456789&authToken=RAW({{iotf.token}})"
                        + "&operation=addDevices")
                    .split(body())
                        .filter(e -> e.getIn().getBody(IotfBulkResult.class).isSuccess())
                        .process(e -> vault.store(e.getIn().getBody(IotfBulkResult.class)));   // getAuthToken()
                // end::onboarding[]
            }
        });
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("batch1.txt"), "o1\no2\no0\n");   // o0 exists already: fails on its own
            Waits.await().until(() -> vault.stored().size() == 2);
            assertThat(vault.stored()).extracting(r -> ((IotfBulkResult) r).getDeviceId()).containsExactly("o1", "o2");
            assertThat(vault.stored()).allSatisfy(r -> assertThat(((IotfBulkResult) r).getAuthToken()).isNotBlank());
        } finally {
            context.stop();
            FileUtil.removeDir(dir.toFile());
        }
    }

    @Test
    void historianReplay(IotfEmulator iotf) throws Exception {
        String token = DocsService.registerDeviceInDocsOrg(iotf, "meter", "h1");
        try (MqttTestClient device = MqttTestClient.device(iotf, DocsService.ORG, "meter", "h1", token)) {
            device.publish(EVENT, "{\"d\":{\"kwh\":5}}", 1);
        }
        CamelContext context = context(iotf);
        context.getRegistry().bind("emitted", new MemoryIdempotentRepository());
        DocsService.start(context, new RouteBuilder() {
            @Override
            public void configure() {
                // tag::historian-consumer[]
                from("iotf:historian?org=ab12cd&authKey=a-ab12cd-0123456789&authToken=RAW({{iotf.token}})"
                        + "&deviceType=meter&since=0&delay=5000&idempotentRepository=#emitted")
                    .convertBodyTo(String.class)
                    .to("kafka:meter-readings");
                // end::historian-consumer[]
            }
        });
        try {
            MockEndpoint kafka = context.getEndpoint("kafka:meter-readings", MockEndpoint.class);
            Waits.await().untilAsserted(() -> assertThat(kafka.getReceivedExchanges())
                    .extracting(e -> e.getIn().getBody(String.class)).anyMatch(json -> json.contains(":meter:h1\"") && json.contains("\"kwh\":5")));
        } finally {
            context.stop();
        }
    }
}
