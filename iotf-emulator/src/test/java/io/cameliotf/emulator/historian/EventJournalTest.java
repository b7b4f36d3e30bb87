package io.cameliotf.emulator.historian;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.events.Acknowledgement;
import io.cameliotf.emulator.events.DeviceEvent;
import io.cameliotf.emulator.store.Database;
import io.cameliotf.emulator.store.EventQuery;
import io.cameliotf.emulator.store.EventStore;
import io.cameliotf.emulator.store.JournalMark;
import io.cameliotf.emulator.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The historian's journal with {@code --durability written}, on a real H2 data file: an event is acknowledged once
 * journaled, before the writer stores it; what the journal holds beyond the data file's mark is stored at the next
 * open, in order and once; a record cut off by a crash ends the replay; stored segments are deleted.
 */
class EventJournalTest {

    @TempDir
    Path data;

    @Test
    void acknowledgesOnceJournaledAndStoresInOrder() throws Exception {
        try (Database db = Database.open(data)) {
            EventStore store = new EventStore(db);
            Historian historian = historian(store, db);
            List<CompletableFuture<Long>> answers = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                CompletableFuture<Long> storedWhenKept = new CompletableFuture<>();
                historian.accept(event(i), answer(storedWhenKept, historian));
                answers.add(storedWhenKept);
            }
            // each answered on this thread, inside accept: the publish needs no hold
            assertThat(answers).allMatch(CompletableFuture::isDone);
            historian.close();
            assertThat(seqsInOrder(store)).as("stored in the order accepted").isEqualTo(range(0, 500));
            assertThat(store.journalMark().segment()).as("the data file records how far it holds the journal")
                    .isPositive();
        }
    }

    @Test
    void whatTheDataFileLacksIsStoredAtTheNextOpenOnce() throws Exception {
        Path journalDir = data.resolve("journal");
        try (Database db = Database.open(data)) {
            EventStore store = new EventStore(db);
            // a crash: events journaled (and so acknowledged), none of them stored
            EventJournal journal = EventJournal.open(journalDir, store.journalMark(), batch -> { });
            for (int i = 0; i < 10; i++) {
                journal.append(event(i));
            }
            journal.close();
            // and the last record cut off half-way, as by a crash of the machine during its write
            try (Stream<Path> files = Files.list(journalDir)) {
                Path segment = files.sorted().reduce((a, b) -> b).orElseThrow();
                Files.write(segment, new byte[] {0, 0, 1, 0, 7, 7}, StandardOpenOption.APPEND);
            }

            Historian restarted = historian(store, db);
            assertThat(seqsInOrder(store)).as("replayed before anything new").isEqualTo(range(0, 10));
            restarted.accept(event(10), answer(new CompletableFuture<>(), restarted));
            restarted.close();
            Historian again = historian(store, db);
            again.close();
            assertThat(seqsInOrder(store)).as("each event once, the cut-off record ignored").isEqualTo(range(0, 11));
            try (Stream<Path> files = Files.list(journalDir)) {
                assertThat(files.count()).as("segments the data file holds are deleted").isEqualTo(1);
            }
        }
    }

    @Test
    void aMarkBeyondTheJournalReplaysNothing() throws Exception {
        Path journalDir = data.resolve("journal");
        try (Database db = Database.open(data)) {
            EventStore store = new EventStore(db);
            EventJournal journal = EventJournal.open(journalDir, JournalMark.NONE, batch -> { });
            JournalMark mark = null;
            for (int i = 0; i < 3; i++) {
                mark = journal.append(event(i));
            }
            journal.close();
            store.insert(List.of(), mark); // the data file holds all three already
            List<Integer> replayed = new ArrayList<>();
            EventJournal.open(journalDir, store.journalMark(), batch -> replayed.add(batch.size())).close();
            assertThat(replayed).isEmpty();
        }
    }

    private Historian historian(EventStore store, Database db) {
        return new Historian(store, db, Durability.WRITTEN, data.resolve("journal"), Clock.systemUTC(),
                Duration.ofDays(1), 1_000_000, 100);
    }

    private static Acknowledgement answer(CompletableFuture<Long> storedWhenKept, Historian historian) {
        return new Acknowledgement() {
            @Override
            public void kept() {
                storedWhenKept.complete(historian.stored());
            }

            @Override
            public void failed(String why) {
                storedWhenKept.completeExceptionally(new AssertionError(why));
            }
        };
    }

    private static DeviceEvent event(int seq) {
        return new DeviceEvent("org1", "sensor", "dev1", "reading", "json",
                ("{\"d\":{\"seq\":" + seq + "}}").getBytes(StandardCharsets.UTF_8), Instant.now(), "d:org1:sensor:dev1");
    }

    private static List<Integer> seqsInOrder(EventStore store) {
        List<StoredEvent> events = new ArrayList<>();
        store.forEach(new EventQuery("org1", null, null, null, null, null), events::add);
        events.sort(java.util.Comparator.comparingLong(StoredEvent::seq));
        List<Integer> seqs = new ArrayList<>();
        for (StoredEvent e : events) {
            seqs.add(Integer.parseInt(new String(e.payload(), StandardCharsets.UTF_8).replaceAll("\\D", "")));
        }
        return seqs;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>();
        for (int i = from; i < to; i++) {
            r.add(i);
        }
        return r;
    }
}
