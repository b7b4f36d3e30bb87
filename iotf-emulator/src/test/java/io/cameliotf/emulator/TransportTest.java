package io.cameliotf.emulator;

import static io.cameliotf.emulator.AuthenticationTest.assertRefused;
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
    void devicesConnectOverWebSocketAndSecureWebSocketOnBothPaths(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "ws");
        SSLContext trusting = iotf.tls().clientSslContext();
        String[][] transports = {
            {"ws://127.0.0.1:" + iotf.wsPort() + "/", "false", String.valueOf(iotf.wsPort())},
            {"ws://127.0.0.1:" + iotf.wsPort() + "/mqtt", "false", String.valueOf(iotf.wsPort())},
            {"wss://localhost:" + iotf.wssPort() + "/", "true", String.valueOf(iotf.wssPort())},
            {"wss://localhost:" + iotf.wssPort() + "/mqtt", "true", String.valueOf(iotf.wssPort())}};
        try (MqttTestClient app = TopicSpaceTest.app(iotf, org, "app")) {
            app.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            app.subscribe("iot-2/type/+/id/+/mon", 1);
            for (String[] t : transports) {
                boolean secure = Boolean.parseBoolean(t[1]);
                try (MqttTestClient device = MqttTestClient.builder(t[0], org.deviceClientId("sensor", "ws"))
                        .username("use-token-auth").password(token)
                        .socketFactory(secure ? trusting.getSocketFactory() : javax.net.SocketFactory.getDefault())
                        .connect()) {
                    JsonNode connect = new ObjectMapper().readTree(app.poll(WAIT).payload());
                    assertThat(connect.get("Action").asText()).isEqualTo("Connect");
                    assertThat(connect.get("Protocol").asText()).as(t[0]).isEqualTo("mqtt4-ws");
                    assertThat(connect.get("Secure").asBoolean()).as(t[0]).isEqualTo(secure);
                    assertThat(connect.get("Port").asInt()).as("the service's port, not the internal one")
                            .isEqualTo(Integer.parseInt(t[2]));
                    assertThat(connect.get("ClientAddr").asText()).isEqualTo("127.0.0.1");
                    device.publish("iot-2/evt/hello/fmt/json", "{\"d\":{}}", 1);
                    Received r = app.poll(WAIT);
                    assertThat(r).as(t[0]).isNotNull();
                    assertThat(r.topic()).isEqualTo("iot-2/type/sensor/id/ws/evt/hello/fmt/json");
                }
                assertThat(new ObjectMapper().readTree(app.poll(WAIT).payload()).get("Action").asText()).isEqualTo("Disconnect");
            }
        }
        assertThatThrownBy(() -> MqttTestClient.builder("ws://127.0.0.1:" + iotf.wsPort() + "/other",
                org.deviceClientId("sensor", "ws")).username("use-token-auth").password(token)
                .socketFactory(javax.net.SocketFactory.getDefault()).connect().close())
                .as("only / and /mqtt carry MQTT").isInstanceOf(MqttException.class);
    }

    @Test
    void theInternalBridgePortTakesOnlyBridgedConnections(IotfEmulator iotf, TestOrganization org) throws Exception {
        // a client that finds the broker's internal port and connects to it directly is refused
        String token = org.registerDevice("sensor", "sneaky");
        assertRefused(() -> MqttTestClient.builder("tcp://127.0.0.1:" + iotf.bridgePort(),
                org.deviceClientId("sensor", "sneaky")).username("use-token-auth").password(token).connect(), 5);
        try (MqttTestClient c = MqttTestClient.builder(iotf.wsUrl(), org.deviceClientId("sensor", "sneaky"))
                .username("use-token-auth").password(token).socketFactory(javax.net.SocketFactory.getDefault()).connect()) {
            assertThat(c.isConnected()).as("the same client through the WebSocket bridge").isTrue();
        }
    }
}
