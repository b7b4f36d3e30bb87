package io.cameliotf.iotf;

import static io.cameliotf.iotf.CamelContexts.app;
import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** TLS with Camel's SSLContextParameters, MQTT over WebSocket, and file persistence. */
@ExtendWith(IotfEmulatorExtension.class)
class TransportOptionsTest {

    @Test
    void tlsWithSslContextParametersTrustingTheServicesCertificate(IotfEmulator iotf, TestOrganization org,
            @TempDir Path dir) throws Exception {
        Path truststore = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(truststore)) {
            iotf.tls().trustStore().store(out, "changeit".toCharArray());
        }
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setResource("file:" + truststore);
        keyStore.setPassword("changeit");
        keyStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(keyStore);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trust);
        String token = org.registerDevice("sensor", "tls1");
        List<String> received = new CopyOnWriteArrayList<>();
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("iotfTls", tls);
                from("iotf:device-event?" + app(iotf, org, "tls").replace(iotf.mqttUrl(), "ssl://localhost:" + iotf.mqttsPort())
                        + "&sslContextParameters=#iotfTls&qos=1").convertBodyTo(String.class)
                        .process(e -> received.add(e.getIn().getBody(String.class)));
                from("direct:ws").to("iotf:device-event?" + CamelContexts.device(iotf, org, "sensor", "tls1", token)
                        .replace(iotf.mqttUrl(), iotf.wsUrl()) + "&event=e&qos=1&persistence=file&persistenceDirectory="
                        + dir.resolve("paho"));
            }
        });
        try {
            context.createProducerTemplate().sendBody("direct:ws", "over websocket");
            Waits.await().until(() -> received.contains("over websocket"));
            assertThat(Files.list(dir.resolve("paho"))).as("file persistence in use").isNotEmpty();
        } finally {
            context.stop();
        }
        try (MqttTestClient ignored = MqttTestClient.device(iotf, org.id(), "sensor", "tls1", token)) {
            assertThat(ignored.isConnected()).isTrue();
        }
    }
}
