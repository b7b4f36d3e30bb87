package io.cameliotf.emulator.console;

import io.cameliotf.emulator.auth.IotfNames;
import io.cameliotf.emulator.session.ConnectionListener;
import io.cameliotf.emulator.session.ConnectionState;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The last {@value #ENTRIES} connects and disconnects of each organization's clients, in memory, for the console's
 * status page; each is also handed to the open event streams ({@code event: status}). QuickStart's are not kept (it
 * has no console).
 */
final class StatusLog implements ConnectionListener {

    static final int ENTRIES = 500;

    private final Map<String, Deque<StatusEntry>> byOrg = new HashMap<>();
    private final Consumer<StatusEntry> live;

    StatusLog(Consumer<StatusEntry> live) {
        this.live = live;
    }

    @Override
    public void connected(ConnectionState state, Instant time) {
        add(StatusEntry.of(state.identity(), true, time, null));
    }

    @Override
    public void disconnected(ConnectionState state, Instant time, String reason, int closeCode) {
        add(StatusEntry.of(state.identity(), false, time, reason));
    }

    private void add(StatusEntry entry) {
        if (entry.org() == null || IotfNames.QUICKSTART.equals(entry.org())) {
            return;
        }
        synchronized (this) {
            Deque<StatusEntry> entries = byOrg.computeIfAbsent(entry.org(), o -> new ArrayDeque<>());
            if (entries.size() >= ENTRIES) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
        live.accept(entry);
    }

    /** The organization's entries, oldest first. */
    synchronized List<StatusEntry> recent(String org) {
        Deque<StatusEntry> entries = byOrg.get(org);
        return entries == null ? List.of() : new ArrayList<>(entries);
    }
}
