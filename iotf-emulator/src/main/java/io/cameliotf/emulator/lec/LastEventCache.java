package io.cameliotf.emulator.lec;

import io.cameliotf.emulator.events.DeviceEvent;
import io.cameliotf.emulator.events.EventSink;
import io.cameliotf.emulator.store.LastEvent;
import io.cameliotf.emulator.store.LastEventStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last event cache (later contract 2.10): the newest event of each event id of each device, for every accepted
 * event (a device's own, an application's on its behalf, one sent over HTTP). Bounded in memory by entries and by
 * payload bytes, evicting what was updated longest ago. A writer thread stores what changed every
 * {@value #FLUSH_MILLIS} ms (and everything at {@link #close()}), so the cache survives a restart with a data
 * directory; on a crash at most the last {@value #FLUSH_MILLIS} ms of updates are lost.
 * <p>
 * On the broker's threads it only replaces one map entry under a short lock; nothing there touches the database.
 */
public final class LastEventCache implements EventSink, AutoCloseable {

    static final long FLUSH_MILLIS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(LastEventCache.class);

    /** A device of an organization. */
    private record DeviceKey(String org, String type, String id) {
    }

    /** One cache entry's key. */
    private record EntryKey(DeviceKey device, String eventId) {
    }

    private final LastEventStore store;
    private final int maxEntries;
    private final long maxBytes;
    /** In update order: the eldest is evicted first. Guarded by {@code this}. */
    private final LinkedHashMap<EntryKey, LastEvent> entries = new LinkedHashMap<>();
    /** The event ids cached per device, for lookups by device. Guarded by {@code this}. */
    private final Map<DeviceKey, Set<String>> byDevice = new HashMap<>();
    /** Entries changed or removed since the last flush. Guarded by {@code this}. */
    private Map<EntryKey, LastEvent> dirty = new LinkedHashMap<>();
    private Map<EntryKey, LastEvent> removed = new LinkedHashMap<>();
    private long bytes;
    private final Thread writer;
    private volatile boolean closed;

    /**
     * @param store where the cache is kept between runs (an in-memory database when the service has no data
     *        directory)
     */
    public LastEventCache(LastEventStore store, int maxEntries, long maxBytes) {
        this.store = store;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        store.forEach(this::put);
        dirty.clear();
        removed.clear();
        this.writer = new Thread(this::writeLoop, "iotf-last-event-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void accept(DeviceEvent e) {
        put(new LastEvent(e.org(), e.deviceType(), e.deviceId(), e.event(), e.format(), e.received().toEpochMilli(),
                e.payload()));
    }

    private synchronized void put(LastEvent e) {
        DeviceKey device = new DeviceKey(e.org(), e.deviceType(), e.deviceId());
        EntryKey key = new EntryKey(device, e.eventId());
        LastEvent old = entries.remove(key);
        if (old != null) {
            bytes -= old.payload().length;
        }
        entries.put(key, e);
        bytes += e.payload().length;
        byDevice.computeIfAbsent(device, k -> new HashSet<>()).add(e.eventId());
        dirty.put(key, e);
        removed.remove(key);
        Iterator<Map.Entry<EntryKey, LastEvent>> eldest = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            Map.Entry<EntryKey, LastEvent> evicted = eldest.next();
            if (evicted.getKey().equals(key)) {
                break; // the newest event always stays
            }
            eldest.remove();
            forget(evicted.getKey(), evicted.getValue());
        }
    }

    private void forget(EntryKey key, LastEvent e) {
        bytes -= e.payload().length;
        Set<String> ids = byDevice.get(key.device());
        if (ids != null) {
            ids.remove(key.eventId());
            if (ids.isEmpty()) {
                byDevice.remove(key.device());
            }
        }
        dirty.remove(key);
        removed.put(key, e);
    }

    /** The newest event of each event id of a device, ordered by event id. */
    public synchronized List<LastEvent> events(String org, String type, String id) {
        DeviceKey device = new DeviceKey(org, type, id);
        Set<String> ids = byDevice.get(device);
        if (ids == null) {
            return List.of();
        }
        TreeMap<String, LastEvent> sorted = new TreeMap<>();
        for (String eventId : ids) {
            LastEvent e = entries.get(new EntryKey(device, eventId));
            if (e != null) {
                sorted.put(eventId, e);
            }
        }
        return new ArrayList<>(sorted.values());
    }

    /** The newest event of one event id of a device, or null. */
    public synchronized LastEvent event(String org, String type, String id, String eventId) {
        return entries.get(new EntryKey(new DeviceKey(org, type, id), eventId));
    }

    /** Forgets every event of a device (it was deleted). */
    public synchronized void forgetDevice(String org, String type, String id) {
        DeviceKey device = new DeviceKey(org, type, id);
        Set<String> ids = byDevice.get(device);
        if (ids == null) {
            return;
        }
        for (String eventId : new ArrayList<>(ids)) {
            EntryKey key = new EntryKey(device, eventId);
            LastEvent e = entries.remove(key);
            if (e != null) {
                forget(key, e);
            }
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    private void writeLoop() {
        while (!closed) {
            try {
                TimeUnit.MILLISECONDS.sleep(FLUSH_MILLIS);
            } catch (InterruptedException e) {
                break;
            }
            flush();
        }
    }

    /** Stores what changed since the last flush. */
    public void flush() {
        Map<EntryKey, LastEvent> changed;
        Map<EntryKey, LastEvent> gone;
        synchronized (this) {
            if (dirty.isEmpty() && removed.isEmpty()) {
                return;
            }
            changed = dirty;
            gone = removed;
            dirty = new LinkedHashMap<>();
            removed = new LinkedHashMap<>();
        }
        try {
            store.write(changed.values(), gone.values());
        } catch (RuntimeException e) {
            LOG.warn("The last event cache could not store {} changes ({}); trying again", changed.size() + gone.size(),
                    e.getMessage());
            synchronized (this) {
                // what changed again meanwhile is already marked; the rest is marked again
                changed.forEach((key, event) -> {
                    if (entries.containsKey(key)) {
                        dirty.putIfAbsent(key, entries.get(key));
                    }
                });
                gone.forEach((key, event) -> {
                    if (!entries.containsKey(key)) {
                        removed.putIfAbsent(key, event);
                    }
                });
            }
        }
    }

    /** Stores everything that changed, then stops the writer. */
    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
