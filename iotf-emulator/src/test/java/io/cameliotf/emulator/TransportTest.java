package io.cameliotf.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.junit.TestOrganization;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The TLS and WebSocket listeners. */
@ExtendWith(IotfEmulatorExtension.class)
class TransportTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void deviceConnectsOverTlsTrustingTheExportedCertificate(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "tls");
        SSLContext trusting = iotf.tls().clientSslContext();
        try (MqttTestClient monitor = TopicSpaceTest.app(iotf, org, "monitor")) {
            monitor.subscribe("iot-2/type/+/id/+/mon", 1);
            try (MqttTestClient device = MqttTestClient.builder("ssl://localhost:" + iotf.mqttsPort(),
                    org.deviceClientId("sensor", "tls")).username("use-token-auth").password(token)
                    .socketFactory(trusting.getSocketFactory()).connect()) {
                assertThat(device.isConnected()).isTrue();
            }
            JsonNode connect = new ObjectMapper().readTree(monitor.poll(WAIT).payload());
            assertThat(connect.get("Secure").asBoolean()).isTrue();
            assertThat(connect.get("Protocol").asText()).isEqualTo("mqtt4");
            assertThat(connect.get("Port").asInt()).isEqualTo(iotf.mqttsPort());
        }
        X509Certificate exported;
        try (var in = Files.newInputStream(iotf.tls().certificatePemFile())) {
            exported = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertThat(exported).isEqualTo(iotf.tls().certificate());
        assertThat(exported.getSubjectAlternativeNames()).extracting(san -> san.get(1).toString())
                .contains("localhost", "127.0.0.1", "*.messaging." + iotf.domain());
    }

    @Test
    void tlsIsVersion12OrNewer(IotfEmulator iotf) throws Exception {
        SSLContext trusting = iotf.tls().clientSslContext();
        try (SSLSocket socket = (SSLSocket) trusting.getSocketFactory().createSocket("127.0.0.1", iotf.mqttsPort())) {
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isIn("TLSv1.2", "TLSv1.3");
        }
        try (SSLSocket socket = (SSLSocket) trusting.getSocketFactory().createSocket("127.0.0.1", iotf.mqttsPort())) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void untrustedClientsCannotConnectOverTls(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "tls2");
        assertThatThrownBy(() -> MqttTestClient.builder("ssl://localhost:" + iotf.mqttsPort(),
                org.deviceClientId("sensor", "tls2")).username("use-token-auth").password(token)
                .socketFactory(SSLContext.getDefault().getSocketFactory()).connect().close())
                .isInstanceOf(MqttException.class);
    }

    @Test
    void deviceConnectsOverWebSocket(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "ws");
        try (MqttTestClient app = TopicSpaceTest.app(iotf, org, "app");
                MqttTestClient device = MqttTestClient.builder(iotf.wsUrl(), org.deviceClientId("sensor", "ws"))
                        .username("use-token-auth").password(token)
                        .socketFactory(javax.net.SocketFactory.getDefault()).connect()) {
            app.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            device.publish("iot-2/evt/hello/fmt/json", "{\"d\":{}}", 1);
            Received r = app.poll(WAIT);
            assertThat(r).isNotNull();
            assertThat(r.topic()).isEqualTo("iot-2/type/sensor/id/ws/evt/hello/fmt/json");
        }
    }
}
