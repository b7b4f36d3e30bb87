package io.cameliotf.emulator.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cameliotf.emulator.junit.EmulatorProcess;
import io.cameliotf.emulator.junit.MqttTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HiveMQ's persistence layout: a new data directory gets the compact one and records it; a directory written before
 * the record existed keeps HiveMQ's default; in both, a durable session's queued QoS 1 messages survive a restart
 * (read with another bucket count they would be lost, which is why the layout is recorded).
 */
class PersistenceSettingsTest {

    private static final String SEED = "{\"organizations\":[{\"id\":\"lay001\",\"apiKeys\":[{\"key\":"
            + "\"a-lay001-layout0001\",\"token\":\"apitok\"}],\"devices\":[{\"type\":\"sensor\",\"id\":\"s1\","
            + "\"token\":\"devtok\"}]}]}";

    @Test
    void aNewFolderGetsTheCompactLayoutAndKeepsIt(@TempDir Path broker) throws Exception {
        assertThat(PersistenceSettings.layoutOf(broker)).isEqualTo(PersistenceSettings.COMPACT);
        assertThat(broker.resolve(PersistenceSettings.MARKER)).exists();
        Files.createDirectories(broker.resolve("persistence"));
        assertThat(PersistenceSettings.layoutOf(broker)).as("the recorded layout wins").isEqualTo(PersistenceSettings.COMPACT);
    }

    @Test
    void aFolderWrittenBeforeTheRecordKeepsHiveMqsLayout(@TempDir Path broker) throws Exception {
        Files.createDirectories(broker.resolve("persistence"));
        assertThat(PersistenceSettings.layoutOf(broker)).isEqualTo(PersistenceSettings.HIVEMQ_DEFAULT);
        assertThat(broker.resolve(PersistenceSettings.MARKER)).doesNotExist();
    }

    @Test
    void anEditedRecordIsRefusedWithItsName(@TempDir Path broker) throws Exception {
        Files.writeString(broker.resolve(PersistenceSettings.MARKER), "bucket-count=eight\npayload-bucket-count=8\n");
        assertThatThrownBy(() -> PersistenceSettings.layoutOf(broker)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(PersistenceSettings.MARKER).hasMessageContaining("bucket-count");
    }

    @Test
    void rocksDbMemoryIsCappedWhateverTheRam() {
        long gib = 1L << 30;
        // HiveMQ's memtables are RAM / portion in all; at 24 GiB its default portion of 32 gives 768 MiB
        assertThat(24 * gib / PersistenceSettings.portion(24 * gib, PersistenceSettings.MEMTABLE_BUDGET_BYTES, 32))
                .isLessThanOrEqualTo(PersistenceSettings.MEMTABLE_BUDGET_BYTES);
        // on a small machine HiveMQ's own portion already gives less, and is kept
        assertThat(PersistenceSettings.portion(512L << 20, PersistenceSettings.MEMTABLE_BUDGET_BYTES, 32)).isEqualTo(32);
    }

    @Test
    void queuedMessagesSurviveARestartInTheCompactLayout(@TempDir Path data, @TempDir Path config) throws Exception {
        queuedMessagesSurviveARestart(data, config);
        assertThat(Files.readString(data.resolve("broker").resolve(PersistenceSettings.MARKER)))
                .contains("bucket-count=8", "retained-messages=xodus");
        try (var buckets = Files.list(data.resolve("broker/persistence/client_queue/040500"))) {
            assertThat(buckets.count()).isEqualTo(PersistenceSettings.COMPACT.bucketCount());
        }
    }

    @Test
    void queuedMessagesSurviveARestartInHiveMqsLayout(@TempDir Path data, @TempDir Path config) throws Exception {
        // what a data directory of an earlier version looks like to the service: HiveMQ's files, no record
        Files.createDirectories(data.resolve("broker/persistence"));
        queuedMessagesSurviveARestart(data, config);
        assertThat(data.resolve("broker").resolve(PersistenceSettings.MARKER)).doesNotExist();
        try (var buckets = Files.list(data.resolve("broker/persistence/client_queue/040500"))) {
            assertThat(buckets.count()).isEqualTo(PersistenceSettings.HIVEMQ_DEFAULT.bucketCount());
        }
    }

    /** A durable application is away while a device publishes; after a restart it receives every event. */
    private static void queuedMessagesSurviveARestart(Path data, Path config) throws Exception {
        Path seed = Files.writeString(config.resolve("seed.json"), SEED);
        String[] args = {"--seed", seed.toString(), "--data", data.toString(), "--hash-iterations", "1000"};
        List<String> sent = new ArrayList<>();
        try (EmulatorProcess first = EmulatorProcess.startOnFreePorts(args)) {
            try (MqttTestClient app = application(first)) {
                assertThat(app.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1)).isEqualTo(1);
            }
            try (MqttTestClient device = MqttTestClient.builder(first.mqttUrl(), "d:lay001:sensor:s1")
                    .username("use-token-auth").password("devtok").connect()) {
                for (int i = 0; i < 20; i++) {
                    String payload = "{\"d\":{\"n\":" + i + "}}";
                    device.publish("iot-2/evt/n/fmt/json", payload, 1); // returns on the PUBACK: queued
                    sent.add(payload);
                }
            }
            assertThat(first.stop()).isEqualTo(143);
        }
        try (EmulatorProcess second = EmulatorProcess.startOnFreePorts(args); MqttTestClient app = application(second)) {
            List<String> received = new ArrayList<>();
            while (received.size() < sent.size()) {
                MqttTestClient.Received r = app.poll(Duration.ofSeconds(20));
                assertThat(r).as("queued event %d of %d after the restart", received.size() + 1, sent.size()).isNotNull();
                received.add(r.text());
            }
            assertThat(received).containsExactlyElementsOf(sent);
        }
    }

    private static MqttTestClient application(EmulatorProcess service) throws Exception {
        return MqttTestClient.builder(service.mqttUrl(), "a:lay001:keeper").username("a-lay001-layout0001")
                .password("apitok").cleanSession(false).connect();
    }
}
