package io.cameliotf.emulator.historian;

import io.cameliotf.emulator.events.DeviceEvent;
import io.cameliotf.emulator.events.EventSink;
import io.cameliotf.emulator.store.EventStore;
import io.cameliotf.emulator.store.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores every accepted device event [3.2]. The broker only puts events on a queue; one writer thread stores them
 * in batches, so storing never runs on the broker's threads. Under load the store lags by at most a batch (events
 * are written at least every {@value #MAX_LAG_MILLIS} ms); when the queue is full the broker waits rather than
 * loses an event. {@link #close()} writes everything accepted before it returns. A retention bound (age and count)
 * keeps the store from growing without end.
 */
public final class Historian implements EventSink, AutoCloseable {

    static final int MAX_BATCH = 2_000;
    static final long MAX_LAG_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(Historian.class);
    private static final DeviceEvent STOP = new DeviceEvent("", "", "", "", "", new byte[0], null, "");

    private final EventStore store;
    private final Clock clock;
    private final Duration maxAge;
    private final long maxEvents;
    private final BlockingQueue<DeviceEvent> queue;
    private final Thread writer;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private volatile long lastRetention;
    private volatile boolean closed;

    public Historian(EventStore store, Clock clock, Duration maxAge, long maxEvents, int queueCapacity) {
        this.store = store;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxEvents = maxEvents;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.writer = new Thread(this::write, "iotf-historian-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    public EventStore store() {
        return store;
    }

    @Override
    public void accept(DeviceEvent event) {
        if (closed) {
            LOG.warn("Historian closed: {} not stored", event);
            return;
        }
        accepted.incrementAndGet();
        try {
            queue.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("Interrupted while queueing {} for the historian: not stored", event);
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

    /** Waits until everything accepted so far is stored. */
    public void flush(Duration timeout) throws InterruptedException {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (stored.get() < target && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private void write() {
        List<DeviceEvent> batch = new ArrayList<>(MAX_BATCH);
        boolean stopping = false;
        while (!stopping) {
            try {
                DeviceEvent first = queue.poll(MAX_LAG_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
            } catch (InterruptedException e) {
                stopping = true;
            }
            if (!batch.isEmpty() && batch.get(batch.size() - 1) == STOP) {
                batch.remove(batch.size() - 1);
                stopping = true;
            }
            if (!batch.isEmpty()) {
                storeWithRetry(batch);
                batch.clear();
            }
            applyRetentionIfDue();
        }
    }

    private void storeWithRetry(List<DeviceEvent> batch) {
        List<StoredEvent> rows = new ArrayList<>(batch.size());
        for (DeviceEvent e : batch) {
            rows.add(new StoredEvent(0, e.org(), e.deviceType(), e.deviceId(), e.event(), e.format(),
                    e.received().toEpochMilli(), e.payload()));
        }
        for (int attempt = 1;; attempt++) {
            try {
                store.insert(rows);
                stored.addAndGet(rows.size());
                return;
            } catch (RuntimeException e) {
                if (attempt >= 5) {
                    LOG.error("The historian could not store {} events after {} attempts: {}", rows.size(), attempt,
                            e.getMessage(), e);
                    stored.addAndGet(rows.size());
                    return;
                }
                LOG.warn("Storing {} events failed (attempt {}): {}; retrying", rows.size(), attempt, e.getMessage());
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }
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
        if (stored.get() < accepted.get()) {
            LOG.error("The historian stopped with {} events not stored", accepted.get() - stored.get());
        }
    }
}
