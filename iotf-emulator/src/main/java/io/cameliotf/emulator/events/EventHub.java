package io.cameliotf.emulator.events;

import io.cameliotf.emulator.log.LogSafe;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans accepted events out to the registered sinks; a failing sink never affects the broker or the others. */
public final class EventHub implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    private final List<EventSink> sinks = new CopyOnWriteArrayList<>();

    public void add(EventSink sink) {
        sinks.add(sink);
    }

    public void remove(EventSink sink) {
        sinks.remove(sink);
    }

    /** True when somebody listens, so the caller can skip copying the payload otherwise. */
    public boolean isActive() {
        return !sinks.isEmpty();
    }

    @Override
    public void accept(DeviceEvent event) {
        for (EventSink sink : sinks) {
            try {
                sink.accept(event);
            } catch (RuntimeException e) {
                LOG.error("Event sink {} failed on {}", sink, LogSafe.of(event), e);
            }
        }
    }
}
