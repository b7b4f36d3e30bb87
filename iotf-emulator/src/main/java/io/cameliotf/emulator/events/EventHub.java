package io.cameliotf.emulator.events;

import io.cameliotf.emulator.log.LogSafe;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans accepted events out to the registered sinks; a failing sink never affects the broker or the others. */
public final class EventHub implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    /** The sinks and how many of them acknowledge, replaced as a whole so one event sees one consistent set. */
    private record Sinks(List<EventSink> all, int acknowledging) {

        static Sinks of(List<EventSink> all) {
            return new Sinks(List.copyOf(all), (int) all.stream().filter(EventSink::acknowledges).count());
        }
    }

    private volatile Sinks sinks = new Sinks(List.of(), 0);

    public synchronized void add(EventSink sink) {
        List<EventSink> all = new ArrayList<>(sinks.all());
        all.add(sink);
        sinks = Sinks.of(all);
    }

    public synchronized void remove(EventSink sink) {
        List<EventSink> all = new ArrayList<>(sinks.all());
        all.remove(sink);
        sinks = Sinks.of(all);
    }

    /** True when somebody listens, so the caller can skip copying the payload otherwise. */
    public boolean isActive() {
        return !sinks.all().isEmpty();
    }

    @Override
    public boolean acknowledges() {
        return sinks.acknowledging() > 0;
    }

    @Override
    public void accept(DeviceEvent event) {
        for (EventSink sink : sinks.all()) {
            try {
                sink.accept(event);
            } catch (RuntimeException e) {
                LOG.error("Event sink {} failed on {}", sink, LogSafe.of(event), e);
            }
        }
    }

    /** Hands {@code event} to every sink; {@code ack} is answered once all acknowledging sinks answered. */
    @Override
    public void accept(DeviceEvent event, Acknowledgement ack) {
        Sinks current = sinks;
        if (current.acknowledging() == 0) {
            accept(event);
            ack.kept();
            return;
        }
        Acknowledgement part = Acknowledgement.ofParts(current.acknowledging(), ack);
        for (EventSink sink : current.all()) {
            try {
                if (sink.acknowledges()) {
                    sink.accept(event, part);
                } else {
                    sink.accept(event);
                }
            } catch (RuntimeException e) {
                LOG.error("Event sink {} failed on {}", sink, LogSafe.of(event), e);
                if (sink.acknowledges()) {
                    part.failed("the event could not be kept: " + e.getMessage());
                }
            }
        }
    }
}
