package io.cameliotf.emulator.historian;

import io.cameliotf.emulator.events.Acknowledgement;
import io.cameliotf.emulator.events.DeviceEvent;
import io.cameliotf.emulator.events.EventSink;
import io.cameliotf.emulator.log.LogSafe;
import io.cameliotf.emulator.store.Database;
import io.cameliotf.emulator.store.EventStore;
import io.cameliotf.emulator.store.HighWaterMark;
import io.cameliotf.emulator.store.JournalMark;
import io.cameliotf.emulator.store.StoreUnavailableException;
import io.cameliotf.emulator.store.StoredEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores every accepted device event [3.2]. The broker only puts events on a queue; one writer thread stores them
 * in batches, so storing never runs on the broker's threads. Under load the store lags by at most a batch (events
 * are written at least every {@value #MAX_LAG_MILLIS} ms); when the queue is full the broker waits rather than
 * loses an event. {@link #close()} writes everything accepted before it returns. A retention bound (age and count)
 * keeps the store from growing without end.
 * <p>
 * With a {@link Durability} that acknowledges after storing, every batch is one group commit: the events that
 * arrived while the previous batch was written are committed together, and only then are their publishers'
 * acknowledgements released. A batch that cannot be written (disk full) is answered as failed at once, not
 * retried: its publishers get no acknowledgement and resend, and the next batch tries the file again, so the
 * service recovers by itself when space returns.
 * <p>
 * With a {@link EventJournal journal} ({@link Durability#WRITTEN} with a data directory) an event is acknowledged
 * once appended to the journal, by the thread that hands it over, and the writer stores the journal's events in the
 * data file in large batches, each recording how far the journal is held ({@link JournalMark}); a batch that cannot
 * be written is tried again until it is, since its publishers were answered, and what is still in the journal at a
 * crash is stored at the next start. Appends and the queue are in one order ({@code handOff}), so a batch's mark
 * covers everything before it.
 */
public final class Historian implements EventSink, AutoCloseable {

    static final int MAX_BATCH = 2_000;
    public static final long MAX_LAG_MILLIS = 200;
    /** Batches nobody waits for are committed at most this often (a few milliseconds, well within the lag). */
    static final long COMMIT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final Logger LOG = LoggerFactory.getLogger(Historian.class);
    private static final Pending STOP = new Pending(new DeviceEvent("", "", "", "", "", new byte[0], null, ""), null,
            null);

    /**
     * An event on its way to the store, with the acknowledgement its publisher waits for (null when none waits) and,
     * when it is in the journal, the journal's mark that covers it (null otherwise).
     */
    private record Pending(DeviceEvent event, Acknowledgement ack, JournalMark journaled) {
    }

    private final EventStore store;
    private final Database database;
    private final Durability durability;
    private final Clock clock;
    private final Duration maxAge;
    private final long maxEvents;
    private final BlockingQueue<Pending> queue;
    /** Null unless events are acknowledged once journaled. */
    private final EventJournal journal;
    /** Held while an event is appended to the journal and queued, so that both have one order. */
    private final Object handOff = new Object();
    private final Thread writer;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private volatile long lastRetention;
    private volatile HighWaterMark highWaterMark;
    private volatile boolean closed;

    public Historian(EventStore store, Clock clock, Duration maxAge, long maxEvents, int queueCapacity) {
        this(store, null, Durability.FAST, clock, maxAge, maxEvents, queueCapacity);
    }

    /**
     * @param database the database of {@code store}, which {@link Durability#SYNCED} forces to the disk
     */
    public Historian(EventStore store, Database database, Durability durability, Clock clock, Duration maxAge,
            long maxEvents, int queueCapacity) {
        this(store, database, durability, null, clock, maxAge, maxEvents, queueCapacity);
    }

    /**
     * @param journalDirectory where the journal is kept ({@link Durability#WRITTEN} only; null for none): what it
     *        holds beyond the data file is stored before this returns
     */
    public Historian(EventStore store, Database database, Durability durability, Path journalDirectory, Clock clock,
            Duration maxAge, long maxEvents, int queueCapacity) {
        if (journalDirectory != null && durability != Durability.WRITTEN) {
            throw new IllegalArgumentException("Only durability written acknowledges from the journal");
        }
        if (durability == Durability.SYNCED && database == null) {
            throw new IllegalArgumentException("Durability synced needs the database to force to the disk");
        }
        this.store = store;
        this.database = database;
        this.durability = durability;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxEvents = maxEvents;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.journal = journalDirectory == null ? null : EventJournal.open(journalDirectory, store.journalMark(),
                this::replay);
        this.writer = new Thread(this::write, "iotf-historian-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    public EventStore store() {
        return store;
    }

    /** Notes the progress of the store in {@code mark} after each batch (with a data directory). */
    public void noteProgressIn(HighWaterMark mark) {
        this.highWaterMark = mark;
    }

    public Durability durability() {
        return durability;
    }

    @Override
    public boolean acknowledges() {
        return durability.acknowledgesAfterStoring();
    }

    /** Stores what the journal held beyond the data file at start (the events of a crash's last moments). */
    private void replay(List<EventJournal.Replayed> records) {
        List<StoredEvent> rows = new ArrayList<>(records.size());
        records.forEach(r -> rows.add(r.event()));
        store.insert(rows, records.get(records.size() - 1).after());
        LOG.info("Stored {} events from the historian's journal that were acknowledged but not yet in the data file",
                rows.size());
    }

    @Override
    public void accept(DeviceEvent event) {
        enqueue(new Pending(event, null, null));
    }

    @Override
    public void accept(DeviceEvent event, Acknowledgement ack) {
        if (journal == null) {
            enqueue(new Pending(event, ack, null));
            return;
        }
        String failure = journal(event);
        if (failure == null) {
            ack.kept(); // on the caller's thread: the publish needs no asynchronous hold
        } else {
            ack.failed(failure);
        }
    }

    /** Appends {@code event} to the journal and queues it; null when it is journaled, else why it was not. */
    private String journal(DeviceEvent event) {
        if (closed) {
            LOG.warn("Historian closed: {} not stored", LogSafe.of(event));
            return "the service is stopping";
        }
        synchronized (handOff) {
            JournalMark mark;
            try {
                mark = journal.append(event);
            } catch (StoreUnavailableException e) {
                refused.incrementAndGet();
                accepted.incrementAndGet();
                return e.getMessage();
            }
            accepted.incrementAndGet();
            try {
                queue.put(new Pending(event, null, mark));
            } catch (InterruptedException e) {
                // journaled: stored at the next start, so the publisher may be answered
                Thread.currentThread().interrupt();
                LOG.warn("Interrupted while queueing {} for the historian: it is stored from the journal at the next "
                        + "start", LogSafe.of(event));
            }
            return null;
        }
    }

    private void enqueue(Pending pending) {
        if (closed) {
            LOG.warn("Historian closed: {} not stored", LogSafe.of(pending.event()));
            answer(pending, "the service is stopping");
            return;
        }
        accepted.incrementAndGet();
        try {
            queue.put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("Interrupted while queueing {} for the historian: not stored", LogSafe.of(pending.event()));
            answer(pending, "the service was interrupted");
        }
    }

    private static void answer(Pending pending, String failure) {
        if (pending.ack() != null) {
            if (failure == null) {
                pending.ack().kept();
            } else {
                pending.ack().failed(failure);
            }
        }
    }

    /** Events accepted so far. */
    public long accepted() {
        return accepted.get();
    }

    /** Events stored so far. */
    public long stored() {
        return stored.get();
    }

    /** Events that could not be stored and whose publishers were refused (no acknowledgement). */
    public long refused() {
        return refused.get();
    }

    /** Events that could not be stored although they were acknowledged (only with {@link Durability#FAST}). */
    public long lost() {
        return lost.get();
    }

    /** Events given up on so far: stored, refused or lost. */
    private long done() {
        return stored.get() + refused.get() + lost.get();
    }

    /** Waits until everything accepted so far is stored. */
    public void flush(Duration timeout) throws InterruptedException {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (done() < target && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        boolean stopping = false;
        long lastCommit = System.nanoTime() - COMMIT_INTERVAL_NANOS;
        while (!stopping) {
            try {
                Pending first = queue.poll(MAX_LAG_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
            } catch (InterruptedException e) {
                stopping = true;
            }
            stopping |= removeStop(batch);
            if (!stopping && !batch.isEmpty() && batch.size() < MAX_BATCH && nobodyWaits(batch)) {
                // nobody waits for this commit: gather for a few milliseconds more, since each commit also writes
                // the pages it changed (of the table and its three indexes), whether it holds 4 events or 400
                long wait = lastCommit + COMMIT_INTERVAL_NANOS - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                    queue.drainTo(batch, MAX_BATCH - batch.size());
                    stopping = removeStop(batch);
                }
            }
            if (!batch.isEmpty()) {
                lastCommit = System.nanoTime();
                storeWithRetry(batch);
                batch.clear();
            }
            applyRetentionIfDue();
        }
    }

    /** Takes the stop mark out of {@code batch} (it is the last one queued); true when it was there. */
    private static boolean removeStop(List<Pending> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (batch.get(i) == STOP) {
                batch.remove(i);
                return true;
            }
        }
        return false;
    }

    /** True when no publisher waits for the batch (they were answered at once, or from the journal). */
    private static boolean nobodyWaits(List<Pending> batch) {
        for (Pending p : batch) {
            if (p.ack() != null) {
                return false;
            }
        }
        return true;
    }

    private void storeWithRetry(List<Pending> batch) {
        List<StoredEvent> rows = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            DeviceEvent e = p.event();
            rows.add(new StoredEvent(0, e.org(), e.deviceType(), e.deviceId(), e.event(), e.format(),
                    e.received().toEpochMilli(), e.payload()));
        }
        JournalMark mark = null;
        for (Pending p : batch) {
            mark = p.journaled() != null ? p.journaled() : mark;
        }
        // publishers that wait are answered at once; only events already acknowledged are worth retrying, and those
        // in the journal until they are stored (they are also stored from the journal at the next start)
        int attempts = mark != null ? Integer.MAX_VALUE : durability.acknowledgesAfterStoring() ? 1 : 5;
        for (int attempt = 1;; attempt++) {
            try {
                store.insert(rows, mark);
                if (mark != null) {
                    journal.stored(mark);
                }
                if (durability == Durability.SYNCED) {
                    database.sync();
                }
                stored.addAndGet(rows.size());
                batch.forEach(p -> answer(p, null));
                noteProgress(false);
                return;
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    giveUp(batch, e);
                    return;
                }
                if (attempt <= 5 || attempt % 100 == 0) {
                    LOG.warn("Storing {} events failed (attempt {}): {}; retrying", rows.size(), attempt,
                            e.getMessage());
                }
                if (mark != null && closed && attempt >= 5) {
                    LOG.error("{} acknowledged events could not be stored before the stop: they stay in the "
                            + "historian's journal and are stored at the next start", rows.size());
                    return;
                }
                try {
                    Thread.sleep(Math.min(1_000, 100L * attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    if (mark != null) {
                        LOG.error("Interrupted: {} acknowledged events stay in the historian's journal and are stored "
                                + "at the next start", rows.size());
                        return;
                    }
                }
            }
        }
    }

    private void noteProgress(boolean now) {
        HighWaterMark mark = highWaterMark;
        if (mark != null) {
            try {
                mark.stored(clock.millis(), now);
            } catch (RuntimeException e) {
                LOG.warn("Cannot note the historian's progress: {}", e.getMessage());
            }
        }
    }

    private void giveUp(List<Pending> batch, RuntimeException e) {
        String why = e instanceof StoreUnavailableException ? e.getMessage() : "the historian failed: " + e.getMessage();
        if (durability.acknowledgesAfterStoring()) {
            refused.addAndGet(batch.size());
            LOG.warn("{} events were not stored and their publishers are refused: {}", batch.size(), why);
        } else {
            lost.addAndGet(batch.size());
            LOG.error("{} acknowledged events were lost (durability fast): {}", batch.size(), why, e);
        }
        batch.forEach(p -> answer(p, why));
    }

    /** Keeps at most {@code maxEvents} events, none older than {@code maxAge}; checked at most once a minute. */
    private void applyRetentionIfDue() {
        long now = clock.millis();
        if (now - lastRetention < 60_000) {
            return;
        }
        lastRetention = now;
        applyRetention();
    }

    /** Applies the retention bound now; returns how many events it deleted. */
    public int applyRetention() {
        try {
            int deleted = store.deleteOlderThan(clock.millis() - maxAge.toMillis());
            deleted += store.trimTo(maxEvents);
            if (deleted > 0) {
                LOG.info("Historian retention deleted {} events (older than {} or beyond {} events)", deleted, maxAge,
                        maxEvents);
            }
            return deleted;
        } catch (RuntimeException e) {
            LOG.warn("Historian retention failed: {}", e.getMessage());
            return 0;
        }
    }

    /** Stores everything accepted, then stops the writer. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(STOP);
            writer.join(TimeUnit.MINUTES.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        noteProgress(true);
        if (journal != null) {
            journal.close();
        }
        if (done() < accepted.get()) {
            LOG.error("The historian stopped with {} events not stored", accepted.get() - done());
        }
    }
}
