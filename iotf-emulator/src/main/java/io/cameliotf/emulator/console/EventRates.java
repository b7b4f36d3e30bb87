package io.cameliotf.emulator.console;

import io.cameliotf.emulator.events.DeviceEvent;
import io.cameliotf.emulator.events.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Events per second of each organization over the last {@value #SECONDS} seconds, for the console's overview: a ring
 * of per-second counts per organization, fed from the event hook (one map lookup and one short lock per event, on the
 * broker's threads).
 */
final class EventRates implements EventSink {

    static final int SECONDS = 300;

    /** One second's count. */
    record Second(long epochSecond, long count) {
    }

    private final Map<String, Ring> byOrg = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    EventRates(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public void accept(DeviceEvent event) {
        byOrg.computeIfAbsent(event.org(), o -> new Ring()).count(clock.getAsLong() / 1000);
    }

    /** The last {@value #SECONDS} seconds up to the current one, oldest first (0 where none came). */
    List<Second> last(String org) {
        long now = clock.getAsLong() / 1000;
        Ring ring = byOrg.get(org);
        List<Second> seconds = new ArrayList<>(SECONDS);
        for (long s = now - SECONDS + 1; s <= now; s++) {
            seconds.add(new Second(s, ring == null ? 0 : ring.get(s)));
        }
        return seconds;
    }

    private static final class Ring {
        private final long[] seconds = new long[SECONDS];
        private final long[] counts = new long[SECONDS];

        synchronized void count(long second) {
            int i = (int) Math.floorMod(second, (long) SECONDS);
            if (seconds[i] != second) {
                seconds[i] = second;
                counts[i] = 0;
            }
            counts[i]++;
        }

        synchronized long get(long second) {
            int i = (int) Math.floorMod(second, (long) SECONDS);
            return seconds[i] == second ? counts[i] : 0;
        }
    }
}
