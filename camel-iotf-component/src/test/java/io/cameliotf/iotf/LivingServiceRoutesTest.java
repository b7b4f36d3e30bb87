package io.cameliotf.iotf;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.junit.EmulatorProcess;
import io.cameliotf.iotf.model.IotfDevice;
import io.cameliotf.iotf.model.IotfHistoricalEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routes written for the living service, with nothing but its defaults (organization, credentials, domain, and the
 * CA file of a private deployment), run unchanged against the local service on IBM's ports (--ibm-ports: 1883, 8883,
 * 80, 443), in a JVM of its own as users run it: the registry and historian of API v0002 at
 * https://org.domain/api/v0002, MQTT over TLS at org.messaging.domain:8883, HTTP messaging at
 * https://org.messaging.domain:8883, and secure WebSocket on port 443, the way through restrictive networks. The
 * test hosts file points livorg.iotf.test and livorg.messaging.iotf.test at 127.0.0.1. {@code -Dinterop=skip}
 * skips it on machines that cannot bind ports below 1024.
 */
class LivingServiceRoutesTest {

    private static final String ORG = "livorg";
    private static final String KEY = "a-livorg-routes0001";
    private static final String TOKEN = "Living-Api-Token-1";
    private static final String DEVICE_TOKEN = "Living-Device-Token-1";

    @TempDir
    static Path dir;
    private static EmulatorProcess service;
    private static Path pem;

    @BeforeAll
    static void startOnIbmPorts() throws Exception {
        Assumptions.assumeFalse("skip".equals(System.getProperty("interop")), "-Dinterop=skip");
        for (int port : new int[] {80, 443, 1883, 8883}) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("The living service's ports are fixed; port " + port + " on 127.0.0.1 "
                        + "cannot be bound (" + e.getMessage() + "): run as root or with CAP_NET_BIND_SERVICE, or "
                        + "skip with -Dinterop=skip", e);
            }
        }
        Path seed = Files.writeString(dir.resolve("seed.json"), "{\"organizations\":[{\"id\":\"" + ORG + "\","
                + "\"apiKeys\":[{\"key\":\"" + KEY + "\",\"token\":\"" + TOKEN + "\"}],\"devices\":[{\"type\":\"pump\","
                + "\"id\":\"p1\",\"token\":\"" + DEVICE_TOKEN + "\"}]}]}");
        pem = dir.resolve("service.pem");
        service = EmulatorProcess.start("--ibm-ports", "--domain", "iotf.test", "--seed", seed.toString(),
                "--export-cert", pem.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void registryHistorianAndEventRoutesRunWithTheServicesDefaults() throws Exception {
        String identity = "org=" + ORG + "&domain=iotf.test&caFile=" + pem;
        String app = identity + "&authKey=" + KEY + "&authToken=RAW(" + TOKEN + ")";
        List<String> overWss = new CopyOnWriteArrayList<>();
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:registry").to("iotf:registry?" + app);
                from("direct:history").to("iotf:historian?" + app + "&deviceType=pump&deviceId=p1&event=flow");
                from("direct:mqtt").to("iotf:device-event?clientType=device&deviceType=pump&deviceId=p1&authToken=RAW("
                        + DEVICE_TOKEN + ")&event=flow&qos=1&" + identity);
                from("direct:http").to("iotf:device-event?" + app + "&transport=http&deviceType=pump&deviceId=p2"
                        + "&event=flow");
                from("iotf:device-event?" + app + "&appId=wss443&brokerUrl=wss://" + ORG + ".messaging.iotf.test:443"
                        + "&deviceType=pump&qos=1").convertBodyTo(String.class)
                        .process(e -> overWss.add(e.getIn().getHeader(IotfConstants.DEVICE_ID) + " " + e.getIn().getBody()));
            }
        });
        try {
            ProducerTemplate t = context.createProducerTemplate();
            IotfDevice p2 = t.requestBodyAndHeaders("direct:registry", Map.of("line", 2), Map.of(IotfConstants.OPERATION,
                    "registerDevice", IotfConstants.DEVICE_TYPE, "pump", IotfConstants.DEVICE_ID, "p2"), IotfDevice.class);
            assertThat(p2.getClientId()).isEqualTo("d:livorg:pump:p2");
            List<?> pumps = t.requestBodyAndHeaders("direct:registry", null, Map.of(IotfConstants.OPERATION,
                    "listDevices", IotfConstants.DEVICE_TYPE, "pump"), List.class);
            assertThat(pumps).hasSize(2);

            // once sent: the wss consumer's route has started, so its subscription was granted
            t.sendBody("direct:mqtt", "{\"d\":{\"litres\":1}}");
            t.sendBody("direct:http", "{\"d\":{\"litres\":2}}");
            Waits.await().until(() -> overWss.containsAll(List.of("p1 {\"d\":{\"litres\":1}}", "p2 {\"d\":{\"litres\":2}}")));

            Waits.await().until(() -> !t.requestBody("direct:history", null, List.class).isEmpty());
            IotfHistoricalEvent stored = (IotfHistoricalEvent) t.requestBody("direct:history", null, List.class).get(0);
            assertThat(stored.getDeviceId()).isEqualTo("p1");
            assertThat(stored.getEvt().get("litres").asInt()).isEqualTo(1);
        } finally {
            context.stop();
        }
    }
}
