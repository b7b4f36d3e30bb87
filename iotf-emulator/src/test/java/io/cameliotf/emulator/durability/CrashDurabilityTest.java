package io.cameliotf.emulator.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cameliotf.emulator.junit.EmulatorProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a publisher saw acknowledged is in the historian after a crash: a device publishes numbered events at QoS 1
 * as fast as the broker takes them, the service is killed with SIGKILL in the middle, and after a restart on the
 * same data directory every event whose PUBACK arrived is there, and so is a device registered just before the
 * kill. That the fast mode acknowledges before storing (and so can lose what it acknowledged) is shown
 * deterministically by {@link AcknowledgementOrderTest}: a kill does not always land in its short window.
 */
class CrashDurabilityTest {

    @Test
    void everyAcknowledgedEventSurvivesAKill(@TempDir Path data) throws Exception {
        Result result = publishAndKill(data, "written");
        assertThat(result.acknowledged()).as("events acknowledged before the kill").hasSizeGreaterThan(200);
        assertThat(result.missing()).as("acknowledged events missing after the restart").isEmpty();
        assertThat(result.registration()).as("a device registered (201) just before the kill, after the restart")
                .isEqualTo(200);
    }

    /** @param registration the status of reading, after the restart, the device registered before the kill */
    record Result(Set<Integer> acknowledged, Set<Integer> missing, int registration) {
    }

    private static Result publishAndKill(Path data, String durability) throws Exception {
        EmulatorProcess first = EmulatorProcess.startOnFreePorts("--seed", ServiceApi.SEED, "--data", data.toString(),
                "--durability", durability);
        NumberedDevice device = NumberedDevice.connect(first.mqttUrl());
        Thread publisher = new Thread(device::publishUntilGone, "publisher");
        publisher.start();
        try {
            // kill in full flow: a steady stream is in flight, the writer is busy
            await().atMost(Duration.ofMinutes(2)).until(() -> device.acknowledged().size() >= 1_000);
            // the registry answers only once the change is in the data file
            assertThat(new ServiceApi(first).post("/device/types/sensor/devices", "{\"deviceId\":\"justbefore\"}")
                    .statusCode()).isEqualTo(201);
            await().atMost(Duration.ofMinutes(2)).until(() -> device.acknowledged().size() >= 2_000);
            first.kill();
            publisher.join(30_000);
        } finally {
            first.kill();
            device.close();
        }
        Set<Integer> acknowledged = new TreeSet<>(device.acknowledged());
        try (EmulatorProcess second = EmulatorProcess.startOnFreePorts("--data", data.toString())) {
            ServiceApi api = new ServiceApi(second);
            Set<Integer> missing = new TreeSet<>(acknowledged);
            missing.removeAll(api.storedSequence());
            return new Result(acknowledged, missing, api.get("/device/types/sensor/devices/justbefore").statusCode());
        }
    }
}
