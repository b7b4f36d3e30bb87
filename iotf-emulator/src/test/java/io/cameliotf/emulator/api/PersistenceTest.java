package io.cameliotf.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.junit.EmulatorProcess;
import io.cameliotf.emulator.junit.MqttTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart with the same data directory keeps every organization, device, API key and stored event; a seed applied
 * to an existing directory adds what is missing and changes nothing else. The service runs as users run it.
 */
class PersistenceTest {


    @Test
    void everythingIsStillThereAfterARestart(@TempDir Path data, @TempDir Path config) throws Exception {
        Path seed = Files.writeString(config.resolve("seed.json"), "{\"organizations\":[{\"id\":\"keep01\",\"name\":\"Keep\","
                + "\"apiKeys\":[{\"key\":\"a-keep01-persist001\",\"token\":\"apitok\"}],"
                + "\"devices\":[{\"type\":\"sensor\",\"id\":\"s1\",\"token\":\"devtok\"}]}]}");
        String registeredToken;
        try (EmulatorProcess first = EmulatorProcess.startOnFreePorts("--seed", seed.toString(), "--data", data.toString())) {
            Http api = new Http(first.httpUrl(), "a-keep01-persist001", "apitok");
            Http.Response created = api.post("/devices", "{\"type\":\"pi\",\"id\":\"p1\",\"metadata\":{\"room\":7}}");
            assertThat(created.status()).isEqualTo(201);
            registeredToken = created.json().get("password").asText();
            try (MqttTestClient device = MqttTestClient.builder(first.mqttUrl(), "d:keep01:pi:p1").username("use-token-auth")
                    .password(registeredToken).connect()) {
                for (int i = 0; i < 50; i++) {
                    device.publish("iot-2/evt/n/fmt/json", "{\"d\":{\"n\":" + i + "}}", i == 49 ? 1 : 0);
                }
            }
            // SIGTERM right after publishing: a clean shutdown stores everything the gateway accepted
            assertThat(first.stop()).isEqualTo(143);
        }
        // a changed seed: the existing device keeps its token, the new device is added
        Files.writeString(seed, "{\"organizations\":[{\"id\":\"keep01\",\"name\":\"Renamed\","
                + "\"apiKeys\":[{\"key\":\"a-keep01-persist001\",\"token\":\"changed\"}],"
                + "\"devices\":[{\"type\":\"sensor\",\"id\":\"s1\",\"token\":\"changed\"},"
                + "{\"type\":\"sensor\",\"id\":\"s2\",\"token\":\"new\"}]}]}");
        try (EmulatorProcess second = EmulatorProcess.startOnFreePorts("--seed", seed.toString(), "--data", data.toString())) {
            Http api = new Http(second.httpUrl(), "a-keep01-persist001", "apitok");
            JsonNode org = api.get("/").json();
            assertThat(org.get("name").asText()).as("existing entries are not changed by a seed").isEqualTo("Keep");
            assertThat(api.get("/devices/pi/p1").json().get("metadata").get("room").asInt()).isEqualTo(7);
            assertThat(api.get("/devices").json()).extracting(d -> d.get("id").asText()).containsExactly("p1", "s1", "s2");
            JsonNode events = api.get("/historian/pi/p1?top=100").json();
            assertThat(events).hasSize(50);
            assertThat(events.get(0).get("evt").get("n").asInt()).isEqualTo(49);
            try (MqttTestClient device = MqttTestClient.builder(second.mqttUrl(), "d:keep01:pi:p1").username("use-token-auth")
                    .password(registeredToken).connect();
                    MqttTestClient seeded = MqttTestClient.builder(second.mqttUrl(), "d:keep01:sensor:s1")
                            .username("use-token-auth").password("devtok").connect()) {
                assertThat(device.isConnected()).isTrue();
                assertThat(seeded.isConnected()).isTrue();
            }
            assertThat(new Http(second.httpUrl(), "a-keep01-persist001", "changed").get("/").status()).isEqualTo(401);
        }
    }

}
