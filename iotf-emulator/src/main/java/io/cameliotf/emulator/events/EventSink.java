package io.cameliotf.emulator.events;

/**
 * The one hook every accepted device event goes through (the historian stores events from here).
 * Denied publishes never reach it. It is called on the broker's threads: it must return quickly and
 * must not block.
 */
@FunctionalInterface
public interface EventSink {

    void accept(DeviceEvent event);
}
