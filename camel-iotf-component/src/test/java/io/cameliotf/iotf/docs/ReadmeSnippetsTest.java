package io.cameliotf.iotf.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.iotf.Waits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The snippets of README.md, run against the local service with the repository's example seed. */
@ExtendWith(IotfEmulatorExtension.class)
class ReadmeSnippetsTest {

    @Test
    void aRoute(IotfEmulator iotf) throws Exception {
        DocsService.exampleSeed(iotf);
        Path readings = Path.of("target/readings/dev1.jsonl");
        Files.deleteIfExists(readings);
        CamelContext context = DocsService.plain(Map.of("iotf.brokerUrl", iotf.mqttUrl(),
                "iotf.apiBaseUrl", DocsService.http(iotf)));
        Completed completed = Completed.on(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // tag::a-route[]
                from("iotf:device-event?org=org001&authKey=a-org001-k1a2b3c4d5&authToken=apitok1"
                        + "&brokerUrl={{iotf.brokerUrl:tcp://127.0.0.1:1883}}&qos=1")
                    .log("${header.CamelIotfDeviceId} sent ${header.CamelIotfEvent}")
                    .convertBodyTo(Reading.class)                      // a POJO of the payload's "d" element
                    .marshal().json()
                    .to("file:target/readings?fileName=${header.CamelIotfDeviceId}.jsonl&fileExist=Append"
                        + "&appendChars=\\n");                         // \\n in Java: Camel reads \n as a new line

                // the registry of the same organization, in API v0002 (the default, as the living service speaks it)
                from("timer:inventory?period=60000")
                    .to("iotf:registry?org=org001&authKey=a-org001-k1a2b3c4d5&authToken=apitok1"
                        + "&apiBaseUrl={{iotf.apiBaseUrl:http://127.0.0.1:8080}}&operation=listDevices")
                    .log("${header.CamelIotfTotalRows} devices registered");
                // end::a-route[]
            }
        });
        context.start();
        try (MqttTestClient device = MqttTestClient.device(iotf, "org001", "sensor", "dev1", "devtok1")) {
            device.publish("iot-2/evt/temp/fmt/json", "{\"d\":{\"temp\":21.5}}", 1);
            device.publish("iot-2/evt/temp/fmt/json", "{\"d\":{\"temp\":22.5}}", 1);
            Waits.await().until(() -> Files.exists(readings)
                    && Files.readAllLines(readings, StandardCharsets.UTF_8).size() == 2);
            assertThat(Files.readAllLines(readings, StandardCharsets.UTF_8))
                    .containsExactly("{\"temp\":21.5}", "{\"temp\":22.5}");
            // the example seed registers three devices in org001
            assertThat(completed.await("timer://inventory", 1).get(0).getIn()
                    .getHeader("CamelIotfTotalRows", Integer.class)).isGreaterThanOrEqualTo(3);
        } finally {
            context.stop();
        }
    }
}
