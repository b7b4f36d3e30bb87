package io.cameliotf.benchmarks;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.TestOrganization;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's live stream under GatewayBenchmark's throughput run (its publishers at full speed, QoS 1 pipelined,
 * to one application): runs with 0, 1 and {@link ConsoleBenchmark#CONSOLES} consoles open alternate, a fresh service
 * each (the gateway with its historian off, GatewayBenchmark's set-up 2), one warm-up round then
 * GatewayBenchmark's {@code reps} rounds. Each console is a session of its own with a stream of its own; a stream's
 * delivered and dropped events together must be every event published, or the run says so.
 */
final class ConsoleStreamRuns {

    private ConsoleStreamRuns() {
    }

    /** A run's figures: the gateway's messages a second, and per stream the events it delivered and dropped. */
    record Run(double rate, List<Long> delivered, List<Long> dropped, List<Long> activeSeconds) {
        double runSeconds() {
            return GatewayBenchmark.MESSAGES / rate;
        }
    }

    static void run() throws Exception {
        int[] consoles = {0, 1, ConsoleBenchmark.CONSOLES};
        List<List<Run>> runs = new ArrayList<>();
        for (int c : consoles) {
            runs.add(new ArrayList<>());
        }
        for (int rep = -1; rep < GatewayBenchmark.REPS; rep++) {
            for (int k = 0; k < consoles.length; k++) {
                Run run = once(consoles[k]);
                if (rep >= 0) { // the first round warms the JVM up and is not counted
                    runs.get(k).add(run);
                }
            }
        }
        System.out.printf("Gateway throughput with consoles open: %d publishers (QoS 1, pipelined) -> 1 application, %,d "
                + "messages a run, historian off; %d rounds after a warm-up round, alternating%n",
                GatewayBenchmark.PUBLISHERS, GatewayBenchmark.MESSAGES, GatewayBenchmark.REPS);
        double reference = Stats.median(rates(runs.get(0)));
        for (int k = 0; k < consoles.length; k++) {
            List<Double> rates = rates(runs.get(k));
            System.out.printf("  %2d console%s open   msgs/s %s -> median %,.0f (%.2f of 0 consoles)%n", consoles[k],
                    consoles[k] == 1 ? " " : "s", GatewayBenchmark.rounded(rates), Stats.median(rates),
                    Stats.median(rates) / reference);
        }
        System.out.println("Live stream (at most 50 events a second a stream; the rest counted in event: dropped)");
        for (int k = 1; k < consoles.length; k++) {
            List<Double> perSecond = new ArrayList<>();
            List<Double> perRunSecond = new ArrayList<>();
            long delivered = 0;
            long dropped = 0;
            long streams = 0;
            for (Run r : runs.get(k)) {
                for (int s = 0; s < r.delivered().size(); s++) {
                    perSecond.add(r.delivered().get(s) / (double) Math.max(1, r.activeSeconds().get(s)));
                    perRunSecond.add(r.delivered().get(s) / r.runSeconds());
                    delivered += r.delivered().get(s);
                    dropped += r.dropped().get(s);
                    streams++;
                }
            }
            System.out.printf("  %2d console%s: a stream delivers a median %.1f events in each second it delivers in "
                    + "(%.1f-%.1f), %.1f events/s over the run (%.1f-%.1f); %d streams together %,.0f events/s; "
                    + "%,d delivered + %,d dropped = %,d of %,d published%n", consoles[k], consoles[k] == 1 ? " " : "s",
                    Stats.median(perSecond), min(perSecond), max(perSecond), Stats.median(perRunSecond),
                    min(perRunSecond), max(perRunSecond), consoles[k], Stats.median(perRunSecond) * consoles[k],
                    delivered, dropped, delivered + dropped, streams * GatewayBenchmark.MESSAGES);
        }
        System.out.printf("  load averages %s%n%n", ConsoleBenchmark.loadAverages());
    }

    /** One throughput run on a fresh service with {@code consoles} consoles signed in, each with its stream open. */
    static Run once(int consoles) throws Exception {
        // as GatewayBenchmark's set-up 2 (gateway, historian off), started here to open consoles on it first
        IotfEmulator iotf = IotfEmulator.builder().historian(false).freePorts().hashIterations(1_000).build().start();
        TestOrganization org = TestOrganization.create(iotf);
        try (GatewayBenchmark.Target target = GatewayBenchmark.gateway(iotf, org)) {
            List<LiveStream> streams = new ArrayList<>();
            try {
                for (int i = 0; i < consoles; i++) {
                    streams.add(new ConsoleClient(iotf.consoleUrl()).signIn(org.apiKey(), org.apiToken()).stream());
                }
                double rate = GatewayBenchmark.throughput(target);
                settle(streams);
                streams.forEach(LiveStream::check);
                long incomplete = streams.stream().filter(s -> s.accounted() != GatewayBenchmark.MESSAGES).count();
                if (incomplete > 0) {
                    System.out.printf("  (%d of %d streams did not account for all %,d events)%n", incomplete, consoles,
                            GatewayBenchmark.MESSAGES);
                }
                return new Run(rate, streams.stream().map(s -> s.events.get()).toList(),
                        streams.stream().map(s -> s.dropped.get()).toList(),
                        streams.stream().map(s -> s.seconds.get()).toList());
            } finally {
                streams.forEach(LiveStream::close); // before the service closes, as pages that go away
            }
        }
    }

    /**
     * Waits until every stream accounted for every event published (delivered, or counted in its next second's
     * {@code event: dropped}), or nothing changed for 3 seconds.
     */
    static void settle(List<LiveStream> streams) throws InterruptedException {
        long last = -1;
        long since = System.nanoTime();
        while (streams.stream().anyMatch(s -> s.accounted() < GatewayBenchmark.MESSAGES)) {
            long now = streams.stream().mapToLong(LiveStream::accounted).sum();
            if (now != last) {
                last = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > 3_000_000_000L) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private static List<Double> rates(List<Run> runs) {
        return runs.stream().map(Run::rate).toList();
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
