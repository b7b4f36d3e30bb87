package io.cameliotf.emulator.console;

import io.cameliotf.emulator.events.DeviceEvent;
import io.cameliotf.emulator.events.EventSink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The open live streams, by organization: every accepted event (from the event hook) and every connect and
 * disconnect goes to the streams of its own organization only, as MQTT keeps organizations apart; another
 * organization's stream never sees it.
 */
final class EventStreams implements EventSink {

    private final Map<String, List<EventStream>> byOrg = new ConcurrentHashMap<>();

    @Override
    public void accept(DeviceEvent event) {
        List<EventStream> streams = byOrg.get(event.org());
        if (streams != null) {
            for (EventStream s : streams) {
                s.offer(event);
            }
        }
    }

    void status(StatusEntry entry) {
        List<EventStream> streams = byOrg.get(entry.org());
        if (streams != null) {
            for (EventStream s : streams) {
                s.offer(entry);
            }
        }
    }

    void add(EventStream stream) {
        byOrg.computeIfAbsent(stream.org(), o -> new CopyOnWriteArrayList<>()).add(stream);
    }

    void remove(EventStream stream) {
        List<EventStream> streams = byOrg.get(stream.org());
        if (streams != null) {
            streams.remove(stream);
        }
    }

    /** How many streams are open. */
    int size() {
        return byOrg.values().stream().mapToInt(List::size).sum();
    }
}
