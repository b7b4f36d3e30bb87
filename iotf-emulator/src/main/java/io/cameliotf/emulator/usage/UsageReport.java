package io.cameliotf.emulator.usage;

import java.time.LocalDate;
import java.util.List;

/**
 * Usage over a period (later contract 2.16): the total, the average per day, and each day's figure.
 *
 * @param days one entry per day of the period, oldest first
 */
public record UsageReport(LocalDate start, LocalDate end, long total, double average, List<Day> days) {

    /** One day's figure. */
    public record Day(LocalDate date, long total) {
    }

    /** A report of per-day figures (missing days count 0); the total is their sum. */
    static UsageReport of(LocalDate start, LocalDate end, java.util.function.ToLongFunction<LocalDate> perDay) {
        List<Day> days = new java.util.ArrayList<>();
        long total = 0;
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            long v = perDay.applyAsLong(d);
            days.add(new Day(d, v));
            total += v;
        }
        return new UsageReport(start, end, total, days.isEmpty() ? 0 : (double) total / days.size(), days);
    }
}
