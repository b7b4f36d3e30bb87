package io.cameliotf.emulator.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.junit.EmulatorProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills while the service runs: what it cannot keep it refuses (a publisher gets no PUBACK and is
 * disconnected, a REST change gets 503 with a JSON message that names the data file and no SQL), and it recovers by
 * itself when the space is back. After a restart everything acknowledged before, during and after is there.
 */
class DiskFullTest {

    @Test
    void refusesWhatItCannotKeepAndRecovers(@TempDir Path temp) throws Exception {
        try (SmallDisk disk = SmallDisk.mount(temp.resolve("disk"), 1_024)) {
            Path data = disk.path().resolve("data");
            Set<Integer> acknowledged;
            try (EmulatorProcess service = EmulatorProcess.startOnFreePorts("--seed", ServiceApi.SEED, "--data",
                    data.toString())) {
                ServiceApi api = new ServiceApi(service);
                NumberedDevice device = NumberedDevice.connect(service.mqttUrl());
                // positive control: with space, events are acknowledged and changes answered
                for (int i = 0; i < 100; i++) {
                    device.publishAndWait();
                }
                assertThat(device.acknowledged()).hasSize(100);
                assertThat(api.post("/device/types/sensor/devices", "{\"deviceId\":\"before\"}").statusCode())
                        .isEqualTo(201);

                disk.fill();
                // the first events may still fit in space H2 had reserved; the service must refuse soon after
                await().atMost(Duration.ofMinutes(1)).until(() -> publishUntilRefused(device));
                assertThat(device.isConnected()).as("a refused publisher is disconnected").isFalse();
                HttpResponse<String> refused = api.post("/device/types/sensor/devices", "{\"deviceId\":\"during\"}");
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                JsonNode body = ServiceApi.json(refused);
                assertThat(body.path("message").asText()).contains("iotf.mv.db", "No space left on device")
                        .doesNotContain("INSERT", "SQL", "org.h2");
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json");

                disk.free();
                device.close();
                // a batch may still be refused while the store comes back: reconnect, as a device does, until one is
                // acknowledged
                NumberedDevice[] current = {device};
                int before = device.acknowledged().size();
                await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> {
                    if (!current[0].isConnected()) {
                        current[0].close();
                        current[0] = NumberedDevice.reconnect(service.mqttUrl(), current[0]);
                    }
                    current[0].publishAndWait();
                    return current[0].acknowledged().size() > before;
                });
                NumberedDevice again = current[0];
                for (int i = 0; i < 100; i++) {
                    again.publishAndWait();
                }
                assertThat(api.post("/device/types/sensor/devices", "{\"deviceId\":\"after\"}").statusCode())
                        .isEqualTo(201);
                acknowledged = new TreeSet<>(again.acknowledged());
                again.close();
            }
            try (EmulatorProcess restarted = EmulatorProcess.startOnFreePorts("--data", data.toString())) {
                ServiceApi api = new ServiceApi(restarted);
                Set<Integer> missing = new TreeSet<>(acknowledged);
                missing.removeAll(api.storedSequence());
                assertThat(missing).as("acknowledged events missing after the restart").isEmpty();
                assertThat(api.get("/device/types/sensor/devices/before").statusCode()).isEqualTo(200);
                assertThat(api.get("/device/types/sensor/devices/during").statusCode()).isEqualTo(404);
                assertThat(api.get("/device/types/sensor/devices/after").statusCode()).isEqualTo(200);
            }
        }
    }

    /** Publishes one event; true when it was refused (the connection dropped instead of a PUBACK). */
    private static boolean publishUntilRefused(NumberedDevice device) {
        try {
            device.publishAndWait();
            return false;
        } catch (Exception e) {
            return !device.isConnected();
        }
    }
}
