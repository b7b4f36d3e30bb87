package io.cameliotf.emulator.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cameliotf.emulator.events.Acknowledgement;
import io.cameliotf.emulator.events.DeviceEvent;
import io.cameliotf.emulator.events.EventHub;
import io.cameliotf.emulator.historian.Durability;
import io.cameliotf.emulator.historian.Historian;
import io.cameliotf.emulator.store.Database;
import io.cameliotf.emulator.store.EventStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * When the acknowledgement is released relative to the store, per durability mode, through the same event hub the
 * gateway uses and a real data file: written and synced release it only once the event is in the store; fast
 * releases it at once, before the writer has run (what a crash can lose).
 */
class AcknowledgementOrderTest {

    @ParameterizedTest
    @EnumSource(Durability.class)
    void theAcknowledgementFollowsTheMode(Durability durability, @TempDir Path data) throws Exception {
        try (Database db = Database.open(data)) {
            EventStore store = new EventStore(db);
            Historian historian = new Historian(store, db, durability, Clock.systemUTC(), Duration.ofDays(1), 1_000,
                    100);
            EventHub hub = new EventHub();
            hub.add(historian);
            CompletableFuture<Long> storedWhenKept = new CompletableFuture<>();
            hub.accept(new DeviceEvent("org1", "sensor", "dev1", "reading", "json",
                    "{\"d\":{}}".getBytes(StandardCharsets.UTF_8), Instant.now(), "d:org1:sensor:dev1"),
                    new Acknowledgement() {
                        @Override
                        public void kept() {
                            storedWhenKept.complete(historian.stored());
                        }

                        @Override
                        public void failed(String why) {
                            storedWhenKept.completeExceptionally(new AssertionError(why));
                        }
                    });
            if (durability.acknowledgesAfterStoring()) {
                assertThat(hub.acknowledges()).isTrue();
                assertThat(storedWhenKept.get()).as("events stored when the acknowledgement is released").isEqualTo(1);
            } else {
                assertThat(hub.acknowledges()).isFalse();
                // released inside accept, on the caller's thread: the writer cannot have stored it yet
                assertThat(storedWhenKept).isDone();
                assertThat(storedWhenKept.get()).as("events stored when the acknowledgement is released").isZero();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> store.count() == 1);
            historian.close();
        }
    }
}
