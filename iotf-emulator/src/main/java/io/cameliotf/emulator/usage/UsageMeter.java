package io.cameliotf.emulator.usage;

import io.cameliotf.emulator.session.ConnectionListener;
import io.cameliotf.emulator.session.ConnectionState;
import io.cameliotf.emulator.store.EventStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an organization used, per UTC day (later contract 2.16), from the gateway's own records: MQTT data traffic
 * (the PUBLISH bytes of its connections, counted on the day a connection ends, and today for those still open),
 * active devices (devices that connected that day), and historical data (events the historian stored that day).
 * Kept in memory for {@value #KEEP_DAYS} days; after a restart traffic and active devices start again at zero.
 */
public final class UsageMeter implements ConnectionListener {

    static final int KEEP_DAYS = 400;

    private final EventStore events;
    private final Clock clock;
    /** org -> day -> bytes. Guarded by {@code this}. */
    private final Map<String, TreeMap<LocalDate, Long>> traffic = new HashMap<>();
    /** org -> day -> device client ids. Guarded by {@code this}. */
    private final Map<String, TreeMap<LocalDate, Set<String>>> active = new HashMap<>();
    private final Set<ConnectionState> live = new HashSet<>();

    public UsageMeter(EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public synchronized void connected(ConnectionState s, Instant time) {
        live.add(s);
        if (!s.identity().isApplication()) { // devices and gateways
            TreeMap<LocalDate, Set<String>> days = active.computeIfAbsent(s.identity().org(), o -> new TreeMap<>());
            days.computeIfAbsent(day(time), d -> new HashSet<>()).add(s.identity().clientId());
            trim(days);
        }
    }

    @Override
    public synchronized void disconnected(ConnectionState s, Instant time, String reason, int closeCode) {
        if (live.remove(s)) {
            TreeMap<LocalDate, Long> days = traffic.computeIfAbsent(s.identity().org(), o -> new TreeMap<>());
            days.merge(day(time), s.readBytes() + s.writeBytes(), Long::sum);
            trim(days);
        }
    }

    /** MQTT data traffic in bytes. */
    public synchronized UsageReport dataTraffic(String org, LocalDate start, LocalDate end) {
        TreeMap<LocalDate, Long> days = traffic.getOrDefault(org, new TreeMap<>());
        LocalDate today = day(clock.instant());
        long open = live.stream().filter(s -> s.identity().org().equals(org))
                .mapToLong(s -> s.readBytes() + s.writeBytes()).sum();
        return UsageReport.of(start, end, d -> days.getOrDefault(d, 0L) + (d.equals(today) ? open : 0));
    }

    /** Devices that connected, per day; the total counts each device once. */
    public synchronized UsageReport activeDevices(String org, LocalDate start, LocalDate end) {
        TreeMap<LocalDate, Set<String>> days = active.getOrDefault(org, new TreeMap<>());
        UsageReport perDay = UsageReport.of(start, end, d -> days.getOrDefault(d, Set.of()).size());
        Set<String> distinct = new HashSet<>();
        days.subMap(start, true, end, true).values().forEach(distinct::addAll);
        return new UsageReport(start, end, distinct.size(), perDay.average(), perDay.days());
    }

    /** Events the historian stored, per day. */
    public UsageReport historicalData(String org, LocalDate start, LocalDate end) {
        Map<LocalDate, Long> counts = events.countPerDay(org, start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        return UsageReport.of(start, end, d -> counts.getOrDefault(d, 0L));
    }

    private void trim(TreeMap<LocalDate, ?> days) {
        LocalDate oldest = day(clock.instant()).minusDays(KEEP_DAYS);
        days.headMap(oldest).clear();
    }

    private static LocalDate day(Instant time) {
        return time.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
