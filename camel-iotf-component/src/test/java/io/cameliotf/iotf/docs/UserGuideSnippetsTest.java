package io.cameliotf.iotf.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.IotfComponent;
import io.cameliotf.iotf.TestEnvironment;
import io.cameliotf.iotf.Waits;
import io.cameliotf.iotf.model.IotfDevice;
import io.cameliotf.iotf.model.IotfDeviceInfo;
import io.cameliotf.iotf.model.IotfHistorianSummary;
import io.cameliotf.iotf.model.IotfLocation;
import io.cameliotf.iotf.mqtt.IotfConnectionException;
import io.cameliotf.iotf.payload.IotfMessage;
import io.cameliotf.iotf.payload.IotfPayloadException;
import io.cameliotf.iotf.rest.IotfApiException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Java snippets of docs/user-guide.md, each run against the local service. The snippets leave out what all
 * endpoints share (organization, API key, addresses): the tests set it once on the component, as the guide advises.
 */
@ExtendWith(IotfEmulatorExtension.class)
class UserGuideSnippetsTest {

    private static final String EVENTS = "iot-2/type/+/id/+/evt/+/fmt/+";

    private final Vault vault = new Vault();

    @Test
    void anEventTriggersACommandToAnotherDevice(IotfEmulator iotf, TestOrganization org) throws Exception {
        String sensor = org.registerDevice("sensor", "s1");
        String valve = org.registerDevice("valve", "v1");
        CamelContext context = DocsService.configured(iotf, org, Map.of());
        Completed completed = Completed.on(context);
        DocsService.start(context, new RouteBuilder() {
            @Override
            public void configure() {
                // tag::event-to-command[]
                from("iotf:device-event?deviceType=sensor")
                    .filter(e -> e.getIn().getBody(IotfMessage.class).data().path("temp").asDouble() > 25)
                    .removeHeaders("CamelIotf*")
                    .setBody(constant(Map.of("open", false)))
                    .to("iotf:command?deviceType=valve&deviceId=v1&command=setValve&wrapPayload=true");
                // end::event-to-command[]
            }
        });
        try (MqttTestClient v1 = MqttTestClient.device(iotf, org.id(), "valve", "v1", valve);
             MqttTestClient s1 = MqttTestClient.device(iotf, org.id(), "sensor", "s1", sensor)) {
            v1.subscribe("iot-2/cmd/+/fmt/+", 1);
            s1.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"temp\":20}}", 1);
            s1.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"temp\":30}}", 1);
            Received command = Waits.next(v1);
            assertThat(command.topic()).isEqualTo("iot-2/cmd/setValve/fmt/json");
            assertThat(command.text()).contains("\"d\":{\"open\":false}");
            List<Exchange> events = completed.await("iotf://device-event", 2);
            // the filter let only the second through: the first still has the payload as its body
            assertThat(events).extracting(e -> e.getMessage().getBody() instanceof Map)
                    .containsExactly(false, true);
        } finally {
            context.stop();
        }
    }

    @Test
    void aPayloadThatIsNotJsonGoesToTheHandler(IotfEmulator iotf, TestOrganization org) throws Exception {
        String sensor = org.registerDevice("sensor", "s1");
        CamelContext context = DocsService.configured(iotf, org, Map.of());
        Completed completed = Completed.on(context);
        DocsService.start(context, new RouteBuilder() {
            @Override
            public void configure() {
                // tag::payload-errors[]
                from("iotf:device-event?deviceType=sensor&qos=1")
                    .onException(IotfPayloadException.class).handled(true).to("log:not-json").end()
                    .convertBodyTo(Map.class)
                    .to("kafka:readings");
                // end::payload-errors[]
            }
        });
        try (MqttTestClient s1 = MqttTestClient.device(iotf, org.id(), "sensor", "s1", sensor)) {
            s1.publish("iot-2/evt/reading/fmt/json", "temp=21", 1);
            s1.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"temp\":21}}", 1);
            List<Exchange> events = completed.await("iotf://device-event", 2);
            assertThat(ObjectHelper.getException(IotfPayloadException.class,
                    events.get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))).isNotNull();
            MockEndpoint kafka = context.getEndpoint("kafka:readings", MockEndpoint.class);
            assertThat(kafka.getReceivedExchanges()).singleElement()
                    .satisfies(e -> assertThat(e.getIn().getBody(Map.class)).containsEntry("d", Map.of("temp", 21)));
        } finally {
            context.stop();
        }
    }

    @Test
    void onlyTheConflictIsHandled(IotfEmulator iotf, TestOrganization org) throws Exception {
        org.registerDevice("sensor", "e409");
        CamelContext context = DocsService.configured(iotf, org, Map.of());
        DocsService.start(context, new RouteBuilder() {
            @Override
            public void configure() {
                // tag::error-handling[]
                onException(IotfConnectionException.class).maximumRedeliveries(20).redeliveryDelay(500);
                onException(IotfApiException.class).onWhen(simple("${exception.statusCode} == 409")).handled(true)
                    .log("already registered");
                // end::error-handling[]
                from("direct:register").to("iotf:registry?operation=registerDevice&deviceType=sensor&deviceId=e409");
                from("direct:delete").to("iotf:registry?operation=deleteDevice&deviceType=sensor&deviceId=missing");
            }
        });
        try {
            ProducerTemplate template = context.createProducerTemplate();
            Exchange conflict = template.send("direct:register", e -> { });
            assertThat(conflict.getException()).isNull();
            assertThat(conflict.getProperty(Exchange.EXCEPTION_CAUGHT, IotfApiException.class).getStatusCode())
                    .isEqualTo(409);
            assertThatThrownBy(() -> template.sendBody("direct:delete", null))
                    .cause().isInstanceOf(IotfApiException.class).hasMessageContaining("404");
        } finally {
            context.stop();
        }
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterChannel(IotfEmulator iotf, TestOrganization org) throws Exception {
        String sensor = org.registerDevice("sensor", "s1");
        CamelContext context = DocsService.configured(iotf, org, Map.of());
        DocsService.start(context, new RouteBuilder() {
            @Override
            public void configure() {
                // tag::dead-letter[]
                errorHandler(deadLetterChannel("kafka:iotf-poison").maximumRedeliveries(2).redeliveryDelay(500));
                from("iotf:device-event?cleanSession=false&qos=1")
                    .convertBodyTo(Reading.class)
                    .to("jdbc:readings");
                // end::dead-letter[]
            }
        });
        try (MqttTestClient s1 = MqttTestClient.device(iotf, org.id(), "sensor", "s1", sensor)) {
            MockEndpoint poison = context.getEndpoint("kafka:iotf-poison", MockEndpoint.class);
            MockEndpoint jdbc = context.getEndpoint("jdbc:readings", MockEndpoint.class);
            poison.expectedBodiesReceived(List.of("temp=21")); // the List form: String... is newer than Camel 4.17
            jdbc.expectedMessageCount(1);
            s1.publish("iot-2/evt/reading/fmt/json", "temp=21", 1);
            s1.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"temp\":22}}", 1);
            MockEndpoint.assertIsSatisfied(Waits.LONG_MILLIS, TimeUnit.MILLISECONDS, poison, jdbc);
            assertThat(jdbc.getReceivedExchanges().get(0).getIn().getBody(Reading.class).getTemp()).isEqualTo(22);
        } finally {
            context.stop();
        }
    }

    @Test
    void sharedSubscriptionsSplitTheEvents(IotfEmulator iotf, TestOrganization org) throws Exception {
        String sensor = org.registerDevice("sensor", "s1");
        RouteBuilder routes = new RouteBuilder() {
            @Override
            public void configure() {
                // tag::shared[]
                from("iotf:device-event?appId=ingest&shared=true&qos=1")
                    .to("kafka:readings");
                // end::shared[]
            }
        };
        CamelContext one = DocsService.start(DocsService.configured(iotf, org, Map.of()), routes);
        CamelContext two = DocsService.start(DocsService.configured(iotf, org, Map.of()), routes);
        try (MqttTestClient s1 = MqttTestClient.device(iotf, org.id(), "sensor", "s1", sensor)) {
            for (int i = 0; i < 20; i++) {
                s1.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"n\":" + i + "}}", 1);
            }
            MockEndpoint a = one.getEndpoint("kafka:readings", MockEndpoint.class);
            MockEndpoint b = two.getEndpoint("kafka:readings", MockEndpoint.class);
            Waits.await().until(() -> a.getReceivedCounter() + b.getReceivedCounter() >= 20);
            Set<String> received = new HashSet<>();
            for (MockEndpoint mock : List.of(a, b)) {
                mock.getReceivedExchanges().forEach(e -> received.add(e.getIn().getBody(String.class)));
            }
            assertThat(received).hasSize(20);
            assertThat(a.getReceivedCounter() + b.getReceivedCounter()).isEqualTo(20);
        } finally {
            one.stop();
            two.stop();
        }
    }

    @Test
    void aRelayCopiesEventsIntoTheOtherOrganization(IotfEmulator iotf) throws Exception {
        // the test seed's organizations and keys
        CamelContext context = DocsService.plain(Map.of("a.key", "a-orga01-testkey001", "a.token", "MP$08VKz!8rXwnR-Q*",
                "b.key", "a-orgb02-testkey001", "b.token", "orgB-api-token"));
        IotfComponent component = new IotfComponent();
        DocsService.pointAt(iotf, component.getConfiguration());
        context.addComponent("iotf", component);
        DocsService.start(context, new RouteBuilder() {
            @Override
            public void configure() {
                // tag::relay[]
                from("iotf:device-event?org=orga01&authKey={{a.key}}&authToken=RAW({{a.token}})&appId=relay&qos=1")
                    .to("iotf:device-event?org=orgb02&authKey={{b.key}}&authToken=RAW({{b.token}})&appId=relay&qos=1");
                // end::relay[]
            }
        });
        try (MqttTestClient inB = MqttTestClient.application(iotf, "a:orgb02:docs-watcher", "a-orgb02-testkey001",
                "orgB-api-token");
             MqttTestClient device = MqttTestClient.device(iotf, "orga01", "sensor", "dev1", "devA1-token")) {
            inB.subscribe("iot-2/type/sensor/id/dev1/evt/relayed/fmt/json", 1);
            device.publish("iot-2/evt/relayed/fmt/json", "{\"d\":{\"temp\":19}}", 1);
            assertThat(Waits.next(inB).text()).isEqualTo("{\"d\":{\"temp\":19}}");
        } finally {
            context.stop();
        }
    }

    @Test
    void theRegistryAndTheHistorian(IotfEmulator iotf, TestOrganization org) throws Exception {
        String sensor = org.registerDevice("sensor", "s0");
        try (MqttTestClient s0 = MqttTestClient.device(iotf, org.id(), "sensor", "s0", sensor)) {
            s0.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"temp\":18}}", 1);
        }
        CamelContext context = DocsService.configured(iotf, org, Map.of());
        context.getRegistry().bind("emitted", new MemoryIdempotentRepository());
        Completed completed = Completed.on(context);
        DocsService.start(context, new RouteBuilder() {
            @Override
            public void configure() {
                // tag::registry[]
                // a device type, once (the later contract registers devices of existing types only); body: its id
                from("direct:createType")
                    .setHeader("CamelIotfOperation", constant("createDeviceType"))
                    .setHeader("CamelIotfDeviceType", body())
                    .setBody(constant(null))
                    .to("iotf:registry");

                // register a device and keep its token (the service returns it once); body: the device id
                from("direct:register")
                    .setHeader("CamelIotfOperation", constant("registerDevice"))
                    .setHeader("CamelIotfDeviceType", constant("sensor"))
                    .setHeader("CamelIotfDeviceId", body())
                    .setBody(constant(null))                                            // no metadata
                    .to("iotf:registry")
                    .process(e -> vault.store(e.getIn().getBody(IotfDevice.class)));   // getClientId(), getAuthToken()

                // a device with everything the later contract records
                from("direct:provision")
                    .process(e -> {
                        IotfDevice device = new IotfDevice("meter", e.getIn().getBody(String.class));
                        IotfDeviceInfo info = new IotfDeviceInfo();
                        info.setSerialNumber(device.getDeviceId());
                        info.setFwVersion("1.0.2");
                        device.setDeviceInfo(info);
                        device.setLocation(new IotfLocation(52.52, 13.405));
                        e.getIn().setBody(device);
                    })
                    .to("iotf:registry?operation=registerDevice");

                // every device of the organization, 1,000 a page, streamed: the pages are fetched as the splitter reads them
                from("timer:inventory?period=3600000")
                    .to("iotf:registry?operation=listDevices&allPages=true&pageSize=1000")
                    .split(body()).streaming()
                        .convertBodyTo(String.class)
                        .to("kafka:device-inventory");

                // a thousand devices in one call: each succeeds or fails on its own
                from("direct:onboard")                      // body: a List<IotfDevice>
                    .to("iotf:registry?operation=addDevices")
                    .log("${header.CamelIotfBulkFailures} devices failed");

                // per-device sum of energy over the last day
                from("timer:daily?period=86400000")
                    .process(e -> e.getIn().setHeader("CamelIotfHistorianStart", Instant.now().minus(Duration.ofDays(1))))
                    .to("iotf:historian?deviceType=meter&summarize=kwh&summarizeType=sum");

                // replay everything stored into Kafka, once, surviving restarts
                from("iotf:historian?since=0&idempotentRepository=#emitted")
                    .convertBodyTo(String.class).to("kafka:history");
                // end::registry[]
            }
        });
        try {
            ProducerTemplate template = context.createProducerTemplate();
            template.sendBody("direct:createType", "meter");
            template.sendBody("direct:register", "s9");
            IotfDevice s9 = (IotfDevice) vault.stored().get(0);
            assertThat(s9.getClientId()).isEqualTo("d:" + org.id() + ":sensor:s9");
            try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "s9", s9.getAuthToken())) {
                assertThat(device.isConnected()).isTrue();
            }
            template.sendBody("direct:provision", "m1");
            IotfDevice m1 = template.requestBody("iotf:registry?operation=getDevice&deviceType=meter&deviceId=m1", null,
                    IotfDevice.class);
            assertThat(m1.getDeviceInfo().getFwVersion()).isEqualTo("1.0.2");
            assertThat(template.requestBody("iotf:registry?operation=getDeviceLocation&deviceType=meter&deviceId=m1",
                    null, IotfLocation.class).getLatitude()).isEqualTo(52.52);
            Exchange onboarded = template.request("direct:onboard",
                    e -> e.getIn().setBody(List.of(new IotfDevice("meter", "m2"), new IotfDevice("meter", "m3"))));
            assertThat(onboarded.getException()).isNull();
            assertThat(onboarded.getMessage().getHeader("CamelIotfBulkFailures", Integer.class)).isZero();
            MockEndpoint inventory = context.getEndpoint("kafka:device-inventory", MockEndpoint.class);
            Waits.await().untilAsserted(() -> assertThat(inventory.getReceivedExchanges())
                    .extracting(e -> e.getIn().getBody(String.class)).anyMatch(json -> json.contains("\"s0\"")));
            Exchange daily = completed.await("timer://daily", 1).get(0);
            assertThat(daily.getException()).isNull();
            assertThat(daily.getMessage().getBody()).isInstanceOf(IotfHistorianSummary.class);
            MockEndpoint history = context.getEndpoint("kafka:history", MockEndpoint.class);
            Waits.await().untilAsserted(() -> assertThat(history.getReceivedExchanges())
                    .extracting(e -> e.getIn().getBody(String.class)).anyMatch(json -> json.contains(":sensor:s0\"")));
        } finally {
            context.stop();
        }
    }

    @Test
    void devicesThatOnlySpeakHttp(IotfEmulator iotf, TestOrganization org) throws Exception {
        org.registerDevice("meter", "mh1");
        CamelContext context = DocsService.configured(iotf, org, Map.of());
        int port = PlatformHttp.serve(context);
        DocsService.start(context, new RouteBuilder() {
            @Override
            public void configure() {
                // tag::http-events[]
                from("platform-http:/meters/{deviceId}")                       // devices that only speak HTTP
                    .setHeader("CamelIotfDeviceId", header("deviceId"))
                    .to("iotf:device-event?transport=http&deviceType=meter&event=reading");
                // end::http-events[]
            }
        });
        try (MqttTestClient watcher = DocsService.watcher(iotf, org, EVENTS)) {
            HttpResponse<String> response = PlatformHttp.postJson(port, "/meters/mh1", "{\"d\":{\"kwh\":3}}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            Received event = Waits.next(watcher);
            assertThat(event.topic()).isEqualTo("iot-2/type/meter/id/mh1/evt/reading/fmt/json");
            assertThat(event.text()).isEqualTo("{\"d\":{\"kwh\":3}}");
        } finally {
            context.stop();
        }
    }

    @Test
    void tlsTrustFromAPemFile(IotfEmulator iotf, TestOrganization org) throws Exception {
        String sensor = org.registerDevice("sensor", "s1");
        CamelContext context = DocsService.configured(iotf, org, Map.of());
        Path pemFile = iotf.tls().certificatePemFile();
        // tag::tls-pem[]
        // trust the certificate of a PEM file (pemFile), for example the local service's --export-cert file
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(pemFile)) {
            trusted.setCertificateEntry("iotf", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        KeyStoreParameters trust = new KeyStoreParameters();
        trust.setKeyStore(trusted);
        TrustManagersParameters tm = new TrustManagersParameters();
        tm.setKeyStore(trust);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(tm);
        context.getRegistry().bind("iotfTls", tls);
        // ...&sslContextParameters=#iotfTls
        // end::tls-pem[]
        DocsService.start(context, new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-event?brokerUrl=" + iotf.mqttsUrl() + "&sslContextParameters=#iotfTls&qos=1")
                    .to("mock:tls");
            }
        });
        try (MqttTestClient s1 = MqttTestClient.device(iotf, org.id(), "sensor", "s1", sensor)) {
            MockEndpoint mock = context.getEndpoint("mock:tls", MockEndpoint.class);
            mock.expectedMessageCount(1);
            s1.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"temp\":23}}", 1);
            mock.assertIsSatisfied(Waits.LONG_MILLIS);
        } finally {
            context.stop();
        }
    }

    @Test
    void ibmConfigurationFileAndEnvironment(IotfEmulator iotf, TestOrganization org) throws Exception {
        DocsService.organizations(iotf);
        String inAb12cd = DocsService.registerDeviceInDocsOrg(iotf, "sensor", "cfg1");
        String inOrg = org.registerDevice("sensor", "env1");
        CamelContext context = DocsService.plain(Map.of("iotf.configFile", ComponentSnippetsTest.APPLICATION_YAML));
        IotfComponent component = new IotfComponent();
        DocsService.pointAt(iotf, component.getConfiguration());
        TestEnvironment.use(component, Map.of("WIOTP_AUTH_KEY", org.apiKey(), "WIOTP_AUTH_TOKEN", org.apiToken(),
                "WIOTP_IDENTITY_APPID", "envapp"));
        context.addComponent("iotf", component);
        DocsService.start(context, new RouteBuilder() {
            @Override
            public void configure() {
                // tag::ibm-config[]
                // iotf.configFile=/etc/iotf/application.yaml (application.properties)
                from("iotf:device-event?configFile={{iotf.configFile}}&qos=1").to("kafka:events");
                // in a container configured as IBM's SDKs are
                from("iotf:device-event?configFromEnvironment=true&qos=1").to("kafka:events");
                // end::ibm-config[]
            }
        });
        try (MqttTestClient cfg1 = MqttTestClient.device(iotf, DocsService.ORG, "sensor", "cfg1", inAb12cd);
             MqttTestClient env1 = MqttTestClient.device(iotf, org.id(), "sensor", "env1", inOrg)) {
            MockEndpoint kafka = context.getEndpoint("kafka:events", MockEndpoint.class);
            cfg1.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"temp\":1}}", 1);
            env1.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"temp\":2}}", 1);
            Waits.await().until(() -> kafka.getReceivedExchanges().stream()
                    .map(e -> e.getIn().getHeader("CamelIotfDeviceId", String.class)).toList()
                    .containsAll(List.of("cfg1", "env1")));
        } finally {
            context.stop();
        }
    }
}
