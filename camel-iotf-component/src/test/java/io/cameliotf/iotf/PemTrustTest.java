package io.cameliotf.iotf;

import static io.cameliotf.iotf.CamelContexts.app;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.model.IotfOrganization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * caFile: the PEM file the local service exports trusts it for MQTT over TLS, secure WebSocket and HTTPS, with host
 * names verified against the certificate (it names localhost, 127.0.0.1 and *.messaging.domain, not
 * wrong.example.test, which the test hosts file also points at 127.0.0.1).
 */
@ExtendWith(IotfEmulatorExtension.class)
class PemTrustTest {

    @Test
    void sslAndWssTrustThePemFile(IotfEmulator iotf, TestOrganization org) throws Exception {
        String pem = iotf.tls().certificatePemFile().toString();
        String token = org.registerDevice("sensor", "pem1");
        List<String> received = new CopyOnWriteArrayList<>();
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("iotf:device-event?" + app(iotf, org, "pem").replace(iotf.mqttUrl(), "ssl://localhost:"
                        + iotf.mqttsPort()) + "&caFile=" + pem + "&qos=1").convertBodyTo(String.class)
                        .process(e -> received.add(e.getIn().getBody(String.class)));
                from("direct:wss").to("iotf:device-event?" + CamelContexts.device(iotf, org, "sensor", "pem1", token)
                        .replace(iotf.mqttUrl(), iotf.wssUrl()) + "&caFile=" + pem + "&event=e&qos=1");
            }
        });
        try {
            assertThat(iotf.wssUrl()).startsWith("wss://");
            context.createProducerTemplate().sendBody("direct:wss", "over secure websocket");
            Waits.await().until(() -> received.contains("over secure websocket"));
        } finally {
            context.stop();
        }
    }

    @Test
    void httpsTrustsThePemFile(IotfEmulator iotf, TestOrganization org) throws Exception {
        String pem = iotf.tls().certificatePemFile().toString();
        String registry = "iotf:registry?org=" + org.id() + "&authKey=" + org.apiKey() + "&authToken=RAW("
                + org.apiToken() + ")&operation=getOrganization&apiBaseUrl=https://";
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:trusted").to(registry + "127.0.0.1:" + iotf.httpsPort() + "&caFile=" + pem);
                from("direct:untrusted").to(registry + "127.0.0.1:" + iotf.httpsPort());
                from("direct:wrongHost").to(registry + "wrong.example.test:" + iotf.httpsPort() + "&caFile=" + pem);
                from("direct:http").to("iotf:device-event?" + app(iotf, org, "pem-http") + "&transport=http"
                        + "&httpMessagingUrl=https://127.0.0.1:" + iotf.httpsPort() + "&caFile=" + pem
                        + "&deviceType=sensor&deviceId=pem2&event=e");
            }
        });
        try (MqttTestClient watcher = MqttTestClient.application(iotf, org.appClientId("pem-watch"), org.apiKey(),
                org.apiToken())) {
            watcher.subscribe("iot-2/type/sensor/id/pem2/evt/e/fmt/json", 1);
            ProducerTemplate t = context.createProducerTemplate();
            assertThat(t.requestBody("direct:trusted", null, IotfOrganization.class).getId()).isEqualTo(org.id());
            assertThatThrownBy(() -> t.requestBody("direct:untrusted", (Object) null)).satisfies(e -> assertThat(
                    ConnectionBehaviourTest.messages(e)).as("the JDK's own trust does not know the service")
                    .contains("PKIX path building failed"));
            assertThatThrownBy(() -> t.requestBody("direct:wrongHost", (Object) null)).satisfies(e -> assertThat(
                    ConnectionBehaviourTest.messages(e)).as("trusted, but for other names").contains("wrong.example.test"));
            t.sendBody("direct:http", "{\"d\":{\"over\":\"https\"}}");
            assertThat(Waits.next(watcher).text()).isEqualTo("{\"d\":{\"over\":\"https\"}}");
        } finally {
            context.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssl", "wss"})
    void mqttChecksTheHostNameToo(String scheme, IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "pem3" + scheme);
        int port = scheme.equals("ssl") ? iotf.mqttsPort() : iotf.wssPort();
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("iotf:device-event?" + CamelContexts.device(iotf, org, "sensor", "pem3" + scheme,
                        token).replace(iotf.mqttUrl(), scheme + "://wrong.example.test:" + port) + "&caFile="
                        + iotf.tls().certificatePemFile() + "&event=e&connectWaitTimeout=300");
            }
        });
        try {
            Waits.await().untilAsserted(() -> {
                HealthCheck.Result health = HealthCheckHelper.invoke(context).stream()
                        .filter(r -> r.getCheck().getId().startsWith("producer:iotf://")).findFirst().orElseThrow();
                assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
                assertThat(health.getError()).hasValueSatisfying(e -> assertThat(ConnectionBehaviourTest.messages(e))
                        .as("the certificate does not name the host").contains("wrong.example.test"));
            });
            assertThatThrownBy(() -> context.createProducerTemplate().sendBody("direct:send", "{}"))
                    .satisfies(e -> assertThat(ConnectionBehaviourTest.messages(e)).contains("Not connected")
                            .doesNotContain(token));
        } finally {
            context.stop();
        }
    }

    @Test
    void badPemFilesAndTwoTrustOptionsAreRefused(IotfEmulator iotf, TestOrganization org, @TempDir Path dir)
            throws Exception {
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bad").to("iotf:registry?org=" + org.id() + "&authKey=" + org.apiKey() + "&authToken=t"
                        + "&operation=getOrganization&apiBaseUrl=https://localhost:1&caFile=" + notPem);
            }
        });
        assertThatThrownBy(context::start).as("refused when the route starts").rootCause()
                .hasMessageStartingWith("The option caFile '" + notPem + "' is not a PEM file of certificates");
        context.stop();
        CamelContext two = new DefaultCamelContext();
        two.getRegistry().bind("tls", new SSLContextParameters());
        two.start();
        try {
            assertThatThrownBy(() -> two.getEndpoint("iotf:device-event?" + app(iotf, org, "two") + "&caFile="
                    + iotf.tls().certificatePemFile() + "&sslContextParameters=#tls")).rootCause()
                    .hasMessageStartingWith("Set the option caFile or the option sslContextParameters, not both");
        } finally {
            two.stop();
        }
    }
}
