package io.cameliotf.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.junit.EmulatorProcess;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.mgmt.DmClient;
import io.cameliotf.emulator.mgmt.MgmtRequestsTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart with the same data directory keeps every organization, device type, device, API key (seeded or created
 * over the API), stored event and last cached event, and device management (a managed device, its diagnostics, a
 * request in progress, which the device completes after the restart); a seed applied
 * to an existing directory adds what is missing and changes nothing else. The service runs as users run it.
 */
class PersistenceTest {


    @Test
    void everythingIsStillThereAfterARestart(@TempDir Path data, @TempDir Path config) throws Exception {
        Path seed = Files.writeString(config.resolve("seed.json"), "{\"organizations\":[{\"id\":\"keep01\",\"name\":\"Keep\","
                + "\"apiKeys\":[{\"key\":\"a-keep01-persist001\",\"token\":\"apitok\"}],"
                + "\"devices\":[{\"type\":\"sensor\",\"id\":\"s1\",\"token\":\"devtok\"}]}]}");
        String registeredToken;
        String createdKey;
        String createdToken;
        String reboot;
        try (EmulatorProcess first = EmulatorProcess.startOnFreePorts("--seed", seed.toString(), "--data", data.toString())) {
            Http api = new Http(first.httpUrl(), "a-keep01-persist001", "apitok");
            Http.Response created = api.post("/devices", "{\"type\":\"pi\",\"id\":\"p1\",\"metadata\":{\"room\":7}}");
            assertThat(created.status()).isEqualTo(201);
            registeredToken = created.json().get("password").asText();
            Http v2 = new Http(first.httpUrl("v0002"), "a-keep01-persist001", "apitok");
            assertThat(v2.post("/device/types", "{\"id\":\"kept\",\"deviceInfo\":{\"model\":\"K1\"}}").status())
                    .isEqualTo(201);
            JsonNode key = v2.post("/authorization/apikeys", "{\"comment\":\"made over the API\"}").json();
            createdKey = key.get("key").asText();
            createdToken = key.get("token").asText();
            try (MqttTestClient device = MqttTestClient.builder(first.mqttUrl(), "d:keep01:pi:p1").username("use-token-auth")
                    .password(registeredToken).connect()) {
                for (int i = 0; i < 50; i++) {
                    device.publish("iot-2/evt/n/fmt/json", "{\"d\":{\"n\":" + i + "}}", i == 49 ? 1 : 0);
                }
            }
            try (DmClient managed = DmClient.device(first.mqttUrl(), "d:keep01:sensor:s1", "devtok", true)) {
                managed.manage("{\"deviceActions\":true}");
                assertThat(managed.request("add/diag/log", "{\"message\":\"kept\"}").get("rc").asInt())
                        .isEqualTo(200);
                reboot = MgmtRequestsTest.initiate(v2, MgmtRequestsTest.body("device/reboot", null, "sensor", "s1"));
                managed.respond(managed.next("mgmt/initiate/device/reboot"), 202, null);
                String id = reboot;
                await("the device's 202 kept").atMost(DmClient.WAIT).pollInterval(Duration.ofMillis(20))
                        .until(() -> MgmtRequestsTest.status(v2, id, "sensor", "s1").has("rc"));
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

            // what API v0002 made: a device type, an API key, and the last event cache
            Http v2 = new Http(second.httpUrl("v0002"), createdKey, createdToken);
            assertThat(v2.get("/").status()).as("an API key created over the API is kept").isEqualTo(200);
            assertThat(v2.get("/authorization/apikeys/" + createdKey).json().get("comment").asText())
                    .isEqualTo("made over the API");
            assertThat(v2.get("/device/types/kept").json().get("deviceInfo").get("model").asText()).isEqualTo("K1");
            JsonNode last = v2.get("/device/types/pi/devices/p1/events/n").json();
            assertThat(new String(java.util.Base64.getDecoder().decode(last.get("payload").asText()),
                    java.nio.charset.StandardCharsets.UTF_8)).as("the last event cache survives").isEqualTo("{\"d\":{\"n\":49}}");
            // device management: the managed device, its log, and the reboot it completes now
            Http seeded = new Http(second.httpUrl("v0002"), "a-keep01-persist001", "apitok");
            assertThat(seeded.get("/device/types/sensor/devices/s1/mgmt").json().get("supports").get("deviceActions")
                    .asBoolean()).isTrue();
            assertThat(seeded.get("/device/types/sensor/devices/s1/diag/logs").json())
                    .extracting(l -> l.get("message").asText()).containsExactly("kept");
            assertThat(MgmtRequestsTest.status(seeded, reboot, "sensor", "s1").get("status").asInt()).isEqualTo(1);
            try (DmClient managed = DmClient.device(second.mqttUrl(), "d:keep01:sensor:s1", "devtok", true)) {
                managed.manage("{\"deviceActions\":true}");
                assertThat(MgmtRequestsTest.completed(seeded, reboot, "sensor", "s1").get("status").asInt())
                        .isEqualTo(0);
            }
            try (MqttTestClient app = MqttTestClient.builder(second.mqttUrl(), "a:keep01:keeper").username(createdKey)
                    .password(createdToken).connect()) {
                assertThat(app.isConnected()).isTrue();
            }
        }
    }

}
