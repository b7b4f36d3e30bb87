package io.cameliotf.emulator.historian;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.events.DeviceEvent;
import io.cameliotf.emulator.store.Database;
import io.cameliotf.emulator.store.EventQuery;
import io.cameliotf.emulator.store.EventStore;
import io.cameliotf.emulator.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The historian's writer and its retention bound, on an in-memory store. */
class HistorianTest {

    final Database db = Database.open(null);
    final EventStore store = new EventStore(db);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void closeStoresEverythingAcceptedFromManyThreads() throws Exception {
        Historian historian = new Historian(store, Clock.systemUTC(), Duration.ofDays(1), 1_000_000, 1_000);
        int threads = 4;
        int perThread = 5_000;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    historian.accept(event("d" + thread, Instant.now(), "{\"d\":{\"n\":" + i + "}}"));
                }
                done.countDown();
            }).start();
        }
        done.await();
        historian.close();
        assertThat(historian.accepted()).isEqualTo(threads * perThread);
        assertThat(historian.stored()).isEqualTo(threads * perThread);
        assertThat(store.count()).isEqualTo(threads * perThread);
    }

    @Test
    void retentionBoundsAgeAndCount() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        Clock clock = Clock.fixed(now, java.time.ZoneOffset.UTC);
        List<StoredEvent> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(new StoredEvent(0, "org1", "sensor", "old", "e", "json", now.minus(Duration.ofDays(8)).toEpochMilli(),
                    bytes("{}")));
        }
        for (int i = 0; i < 8; i++) {
            rows.add(new StoredEvent(0, "org1", "sensor", "new", "e", "json", now.minusSeconds(100 - i).toEpochMilli(),
                    bytes("{\"d\":{\"n\":" + i + "}}")));
        }
        store.insert(rows);
        assertThat(store.count()).isEqualTo(11);
        // the writer applies the bound when it starts, then at most once a minute
        Historian historian = new Historian(store, clock, Duration.ofDays(7), 5, 100);
        historian.close();
        assertThat(historian.applyRetention()).as("already applied").isZero();
        List<Integer> kept = new ArrayList<>();
        store.forEach(new EventQuery("org1", null, null, null, null, null),
                e -> kept.add(EvtJson.of(e.payload()).get("n").asInt()));
        assertThat(kept).as("the newest five, none older than seven days").containsExactlyInAnyOrder(3, 4, 5, 6, 7);
    }

    @Test
    void evtIsDOfIotfPayloadsTheDocumentOfOtherJsonAndTextOrBase64Otherwise() {
        assertThat(EvtJson.of(bytes("{\"d\":{\"a\":1},\"ts\":\"2026-01-01T00:00:00Z\"}"))).hasToString("{\"a\":1}");
        assertThat(EvtJson.of(bytes("{\"d\":{\"a\":1},\"x\":2}"))).hasToString("{\"d\":{\"a\":1},\"x\":2}");
        assertThat(EvtJson.of(bytes("[1,2]"))).hasToString("[1,2]");
        assertThat(EvtJson.of(bytes("21.5,40"))).hasToString("{\"text\":\"21.5,40\"}");
        assertThat(EvtJson.of(new byte[] {(byte) 0xff, 0x00})).hasToString("{\"base64\":\"/wA=\"}");
        assertThat(EvtJson.of(new byte[0])).hasToString("{\"text\":\"\"}");
    }

    private static DeviceEvent event(String id, Instant received, String payload) {
        return new DeviceEvent("org1", "sensor", id, "e", "json", bytes(payload), received, "d:org1:sensor:" + id);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
