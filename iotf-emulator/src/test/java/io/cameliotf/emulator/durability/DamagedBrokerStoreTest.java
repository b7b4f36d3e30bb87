package io.cameliotf.emulator.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.junit.EmulatorProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory whose broker store a full disk damaged: HiveMQ waits forever while it opens it, so the start must
 * end by itself, say where the damage is, and the advice it gives must work. The damaged file is one the soak's
 * disk-full phase left behind (a queue bucket's Xodus log, {@code damaged/client_queue_5.xd.gz}); with it, a start
 * waited silently until it was killed.
 */
class DamagedBrokerStoreTest {

    @Test
    void aStartOnADamagedBrokerStoreEndsAndNamesIt(@TempDir Path temp) throws Exception {
        Path data = temp.resolve("data");
        try (EmulatorProcess first = EmulatorProcess.startOnFreePorts("--seed", ServiceApi.SEED, "--data",
                data.toString())) {
            assertThat(first.stop()).as("the control: a healthy data directory starts and stops (143: SIGTERM)")
                    .isEqualTo(143);
        }
        damageQueueBucket(data.resolve("broker"));

        EmulatorProcess.Ended ended = EmulatorProcess.runUntilExit(180, "--data", data.toString(), "--start-timeout",
                "10");
        assertThat(ended.exitCode()).as(ended.output()).isEqualTo(1);
        assertThat(ended.output()).contains("The broker did not start within 10 s (--start-timeout)",
                data.resolve("broker").toString(), "move " + data.resolve("broker") + " away");

        // the advice: without the broker's folder the service starts, with its registry and historian intact
        Files.move(data.resolve("broker"), temp.resolve("broker.damaged"));
        try (EmulatorProcess again = EmulatorProcess.startOnFreePorts("--data", data.toString())) {
            assertThat(new ServiceApi(again).get("/device/types/sensor/devices/dev1").statusCode())
                    .as("the seeded registry is still there").isEqualTo(200);
        }
    }

    /** Puts the damaged log in place of queue bucket 5's (wherever this HiveMQ version keeps it). */
    private static void damageQueueBucket(Path broker) throws IOException {
        Path bucket;
        try (Stream<Path> dirs = Files.walk(broker)) {
            bucket = dirs.filter(p -> p.getFileName().toString().equals("client_queue_5")).findFirst()
                    .orElseThrow(() -> new AssertionError("no client_queue_5 under " + broker));
        }
        try (InputStream in = new GZIPInputStream(
                DamagedBrokerStoreTest.class.getResourceAsStream("/damaged/client_queue_5.xd.gz"))) {
            Files.copy(in, bucket.resolve("00000000000.xd"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
