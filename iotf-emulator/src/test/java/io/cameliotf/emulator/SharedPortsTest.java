package io.cameliotf.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameliotf.emulator.junit.EmulatorProcess;
import io.cameliotf.emulator.junit.MqttTestClient;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IBM's port layout (--shared-ports; --ibm-ports is the same on 1883, 8883, 80 and 443): each port takes MQTT, MQTT
 * over WebSocket and HTTP, and status messages still show each client's own address, port, TLS and transport. Run
 * as users run it, in a JVM of its own.
 */
class SharedPortsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPortSpeaksMqttWebSocketAndHttp(@TempDir Path dir) throws Exception {
        Path seed = Files.writeString(dir.resolve("seed.json"), "{\"organizations\":[{\"id\":\"share1\","
                + "\"apiKeys\":[{\"key\":\"a-share1-sharedkey1\",\"token\":\"apitoken1\"}],"
                + "\"devices\":[{\"type\":\"sensor\",\"id\":\"s1\",\"token\":\"devtoken1\"}]}]}");
        Path pem = dir.resolve("cert.pem");
        try (EmulatorProcess iotf = EmulatorProcess.startOnFreePorts("--shared-ports", "--seed", seed.toString(),
                "--domain", "iotf.test", "--export-cert", pem.toString())) {
            SSLContext trust = trust(pem);
            int[] plain = {iotf.mqttPort(), iotf.httpPort()};
            int[] secure = {iotf.mqttsPort(), iotf.httpsPort()};
            try (MqttTestClient app = MqttTestClient.builder("tcp://127.0.0.1:" + iotf.mqttPort(), "a:share1:watch")
                    .username("a-share1-sharedkey1").password("apitoken1").connect()) {
                app.subscribe("iot-2/type/+/id/+/mon", 1);
                app.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
                for (int port : plain) {
                    connectAndCheck(app, "tcp://127.0.0.1:" + port, null, port, false, "mqtt4");
                    connectAndCheck(app, "ws://127.0.0.1:" + port + "/", null, port, false, "mqtt4-ws");
                    checkHttp(app, "http://127.0.0.1:" + port, null, port);
                }
                for (int port : secure) {
                    connectAndCheck(app, "ssl://localhost:" + port, trust, port, true, "mqtt4");
                    connectAndCheck(app, "wss://localhost:" + port + "/mqtt", trust, port, true, "mqtt4-ws");
                    checkHttp(app, "https://localhost:" + port, trust, port);
                }
            }
        }
    }

    /** A device connects, its Connect status names the service's port, TLS and protocol, and its event arrives. */
    private static void connectAndCheck(MqttTestClient app, String url, SSLContext trust, int port, boolean tls,
            String protocol) throws Exception {
        try (MqttTestClient device = MqttTestClient.builder(url, "d:share1:sensor:s1").username("use-token-auth")
                .password("devtoken1").socketFactory(trust == null ? SocketFactory.getDefault() : trust.getSocketFactory())
                .connect()) {
            JsonNode connect = JSON.readTree(app.poll(Duration.ofSeconds(5)).payload());
            assertThat(connect.get("Action").asText()).as(url).isEqualTo("Connect");
            assertThat(connect.get("Port").asInt()).as(url).isEqualTo(port);
            assertThat(connect.get("Secure").asBoolean()).as(url).isEqualTo(tls);
            assertThat(connect.get("Protocol").asText()).as(url).isEqualTo(protocol);
            assertThat(connect.get("ClientAddr").asText()).as(url).isEqualTo("127.0.0.1");
            device.publish("iot-2/evt/e/fmt/json", "{\"via\":\"" + url + "\"}", 1);
            assertThat(app.poll(Duration.ofSeconds(5)).text()).as(url).contains(url);
        }
        assertThat(JSON.readTree(app.poll(Duration.ofSeconds(5)).payload()).get("Action").asText()).isEqualTo("Disconnect");
    }

    /** The REST API and HTTP messaging on the same port. */
    private static void checkHttp(MqttTestClient app, String base, SSLContext trust, int port) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (trust != null) {
            builder.sslContext(trust);
        }
        HttpClient http = builder.build();
        HttpResponse<String> org = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v0002/"))
                .header("Authorization", basic("a-share1-sharedkey1", "apitoken1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(org.statusCode()).as(base + " " + org.body()).isEqualTo(200);
        assertThat(JSON.readTree(org.body()).get("id").asText()).isEqualTo("share1");
        HttpResponse<String> event = http.send(HttpRequest.newBuilder(URI.create(base
                + "/api/v0002/device/types/sensor/devices/s1/events/http"))
                .header("Authorization", basic("use-token-auth", "devtoken1"))
                .header("Host", "share1.messaging.iotf.test:" + port).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"over\":\"http\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(event.statusCode()).as(base + " " + event.body()).isEqualTo(200);
        MqttTestClient.Received got = app.poll(Duration.ofSeconds(5));
        assertThat(got.topic()).isEqualTo("iot-2/type/sensor/id/s1/evt/http/fmt/json");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static SSLContext trust(Path pem) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            store.setCertificateEntry("iotf", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
