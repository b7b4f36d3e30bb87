package io.cameliotf.emulator.historian;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * When the gateway acknowledges a device event (the PUBACK of a QoS 1 or 2 publish, the answer of an HTTP event)
 * relative to the historian storing it. With a data directory the default is {@link #WRITTEN}; in memory nothing
 * survives an exit, so acknowledgements never wait.
 */
public enum Durability {

    /**
     * Acknowledged once written to the data file (one group commit for every event that arrived meanwhile): an
     * acknowledged event survives a crash of the service (kill -9, out of memory), not of the machine.
     */
    WRITTEN,

    /** As {@link #WRITTEN}, and the file is also forced to the disk: an acknowledged event survives a power cut. */
    SYNCED,

    /**
     * Acknowledged at once and written within {@value Historian#MAX_LAG_MILLIS} ms: the fastest, and a crash of the
     * service loses what was acknowledged in its last moments (the behaviour before acknowledgements waited).
     */
    FAST;

    /** True when the acknowledgement waits for the historian. */
    public boolean acknowledgesAfterStoring() {
        return this != FAST;
    }

    /** When events are acknowledged, in words (for the banner). */
    public String description() {
        return switch (this) {
            case WRITTEN -> "events acknowledged once written to the data file";
            case SYNCED -> "events acknowledged once forced to the disk";
            case FAST -> "events acknowledged at once, written within " + Historian.MAX_LAG_MILLIS + " ms";
        };
    }

    /** The lower-case name used on the command line. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a command line value ({@code written}, {@code synced}, {@code fast}). */
    public static Durability parse(String value) {
        for (Durability d : values()) {
            if (d.option().equals(value)) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a durability; use one of "
                + Arrays.stream(values()).map(Durability::option).collect(Collectors.joining(", ")));
    }
}
