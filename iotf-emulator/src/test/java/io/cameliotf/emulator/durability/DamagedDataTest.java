package io.cameliotf.emulator.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.store.DataDirectory;
import io.cameliotf.emulator.store.DataDirectoryException;
import io.cameliotf.emulator.store.Database;
import io.cameliotf.emulator.store.EventStore;
import io.cameliotf.emulator.store.HighWaterMark;
import io.cameliotf.emulator.store.StoredEvent;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory the service cannot trust ends the start at once with a message that names the file and the
 * cause, and is never silently replaced: a data file that is empty, missing, cut short or overwritten with random
 * bytes. These checks run before the broker starts, so each failed start here takes milliseconds. The positive
 * control is the same directory, undamaged, passing them.
 */
class DamagedDataTest {

    private static final int EVENTS = 20_000;

    @Test
    void anUndamagedDirectoryPassesTheChecks(@TempDir Path data) throws Exception {
        fill(data);
        try (Database db = Database.open(data)) {
            db.verify();
            new HighWaterMark(data, new EventStore(db)).verify(System.currentTimeMillis(), Duration.ofDays(30));
            assertThat(new EventStore(db).count()).isEqualTo(EVENTS);
        }
    }

    @Test
    void anEmptyDataFileIsRefused(@TempDir Path data) throws Exception {
        fill(data);
        Files.write(data.resolve(DataDirectory.DATA_FILE), new byte[0]);
        assertRefused(data, "iotf.mv.db is empty");
    }

    @Test
    void aMissingDataFileIsRefusedWhereThereWasOne(@TempDir Path data) throws Exception {
        fill(data);
        Files.delete(data.resolve(DataDirectory.DATA_FILE));
        assertRefused(data, "iotf.mv.db is missing");
    }

    @Test
    void aTruncatedDataFileIsRefused(@TempDir Path data) throws Exception {
        fill(data);
        Path file = data.resolve(DataDirectory.DATA_FILE);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }
        assertRefused(data, "iotf.mv.db");
    }

    @Test
    void aDataFileWithRandomBytesInsideIsRefused(@TempDir Path data) throws Exception {
        fill(data);
        Path file = data.resolve(DataDirectory.DATA_FILE);
        // H2 appends and leaves superseded versions behind, so noise in one spot may land on dead space; noise over
        // everything but the file headers (the first 8 KB) certainly hits live pages
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] noise = new byte[(int) raf.length() - 8_192];
            new Random(42).nextBytes(noise);
            raf.seek(8_192);
            raf.write(noise);
        }
        assertRefused(data, "iotf.mv.db");
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsRefused(@TempDir Path temp) throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("data"), "x", StandardCharsets.UTF_8);
        assertRefused(notADirectory, "cannot be created");
    }

    private static void assertRefused(Path data, String message) {
        IotfEmulator service = IotfEmulator.builder().dataDirectory(data).freePorts().build();
        try {
            assertThatThrownBy(service::start).isInstanceOf(DataDirectoryException.class).hasMessageContaining(message)
                    .hasMessageNotContaining("SELECT").hasMessageNotContaining("[2.5");
        } finally {
            service.stop();
        }
        assertThat(service.isRunning()).isFalse();
    }

    /** A data directory as a service leaves it: a registry schema, events, and its high-water mark. */
    private static void fill(Path data) {
        try (Database db = Database.open(data)) {
            EventStore events = new EventStore(db);
            List<StoredEvent> batch = new ArrayList<>();
            byte[] payload = "{\"d\":{\"temp\":21.5,\"text\":\"some bytes to make pages\"}}".getBytes(StandardCharsets.UTF_8);
            long now = System.currentTimeMillis();
            for (int i = 0; i < EVENTS; i++) {
                batch.add(new StoredEvent(0, "org001", "sensor", "dev" + (i % 50), "reading", "json", now - i, payload));
                if (batch.size() == 1_000) {
                    events.insert(batch);
                    batch.clear();
                }
            }
            new HighWaterMark(data, events).stored(now, true);
        }
    }
}
