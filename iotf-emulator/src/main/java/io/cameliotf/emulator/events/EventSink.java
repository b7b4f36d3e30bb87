package io.cameliotf.emulator.events;

/**
 * The one hook every accepted device event goes through (the historian stores events from here).
 * Denied publishes never reach it. It is called on the broker's threads: it must return quickly and
 * must not block.
 */
@FunctionalInterface
public interface EventSink {

    void accept(DeviceEvent event);

    /**
     * True when this sink keeps events durably and the publisher's acknowledgement must wait for it: then the
     * gateway calls {@link #accept(DeviceEvent, Acknowledgement)} instead of {@link #accept(DeviceEvent)}.
     */
    default boolean acknowledges() {
        return false;
    }

    /** Accepts {@code event} and answers {@code ack} once it is kept (or could not be). */
    default void accept(DeviceEvent event, Acknowledgement ack) {
        accept(event);
        ack.kept();
    }
}
