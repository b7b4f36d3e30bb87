package io.cameliotf.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * QoS 1 delivery under a steady load (issue 14, finding 1): many devices publish QoS 1 events at a fixed rate while
 * one application, subscribed to every event at QoS 1, receives them; the service runs as users run it, in a JVM of
 * its own, with {@code --data} (file persistence) or in memory. Prints what was sent, acknowledged (PUBACK), still
 * outstanding after the run, delivered to the application and stored in the historian, the delivery rate over time,
 * and the service's memory (RSS and heap).
 * <pre>
 * mvn -B -o -q -pl camel-iotf-benchmarks exec:exec@load
 * JAVA_TOOL_OPTIONS="-Ddata=false -Dseconds=30" mvn -B -o -q -pl camel-iotf-benchmarks exec:exec@load
 * </pre>
 */
public final class LoadBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(LoadBenchmark.class);

    private LoadBenchmark() {
    }

    public static void main(String[] args) {
        int code = 0;
        try {
            run();
        } catch (Exception e) {
            LOG.error("The load benchmark ended early", e);
            code = 1;
        }
        // Paho's threads would keep the JVM alive after a failure; the scratch files go on exit
        System.exit(code);
    }

    private static void run() throws Exception {
        int devices = Integer.getInteger("devices", 500);
        int rate = Integer.getInteger("rate", 10);
        int seconds = Integer.getInteger("seconds", 60);
        boolean onDisk = Boolean.parseBoolean(System.getProperty("data", "true"));
        int subscriberQos = Integer.getInteger("subscriberQos", 1);
        boolean durable = Boolean.parseBoolean(System.getProperty("durable", "false"));
        int drain = Integer.getInteger("drain", 5);
        List<String> serviceJvm = options(System.getProperty("serviceJvm", "-Xmx1g"));
        List<String> serviceArgs = options(System.getProperty("serviceArgs", ""));

        Path scratch = Scratch.directory("iotf-load");
        Path data = onDisk ? scratch.resolve("data") : null;
        System.out.printf("Load: %d devices x %d events/s for %d s, QoS 1 publishers; one application at QoS %d (%s"
                + " session); service %s %s, JVM %s; %d cores%n%n", devices, rate, seconds, subscriberQos,
                durable ? "durable" : "clean", onDisk ? "with --data (file persistence)" : "in memory", serviceArgs,
                serviceJvm,
                Runtime.getRuntime().availableProcessors());
        Ledger ledger = new Ledger(devices * rate * (seconds + 10), List.of("application"));
        try (ServiceProcess service = new ServiceProcess(scratch, data, devices, serviceJvm, serviceArgs).start()) {
            long rssIdle = service.rssBytes();
            long heapIdle = service.heapUsedBytes();
            String diskIdle = service.diskUsage();
            try (AppReceiver app = new AppReceiver(service.mqttUrl(), ServiceProcess.ORG, "app", ServiceProcess.API_KEY,
                    ServiceProcess.API_TOKEN, subscriberQos, !durable, ledger, 0);
                    DeviceFleet fleet = new DeviceFleet(service.mqttUrl(), ServiceProcess.ORG, service.devices(), ledger,
                            1, 1_000, true)) {
                long rssConnected = service.rssBytes();
                LOG.info("{} devices connected; service RSS {} MiB", fleet.connected(), mib(rssConnected));
                AtomicLong rssPeak = new AtomicLong(rssConnected);
                List<Integer> deliveredPerSecond = new ArrayList<>();
                Thread sampler = new Thread(() -> sample(service, ledger, fleet, rssPeak, deliveredPerSecond), "sampler");
                sampler.setDaemon(true);
                long start = System.nanoTime();
                long end = start + TimeUnit.SECONDS.toNanos(seconds);
                sampler.start();
                fleet.publish(rate, () -> System.nanoTime() >= end);
                long sent = ledger.sentCount();
                Thread.sleep(TimeUnit.SECONDS.toMillis(drain));
                long ackedAfterDrain = ledger.ackedCount();
                long outstanding = fleet.outstanding();
                long deliveredAfterDrain = ledger.deliveredCount(0);
                // then as long as anything still arrives (at most a minute)
                long quietSince = System.nanoTime();
                long last = -1;
                long waitEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(5) && System.nanoTime() < waitEnd) {
                    long now = ledger.deliveredCount(0) + ledger.ackedCount();
                    if (now != last) {
                        last = now;
                        quietSince = System.nanoTime();
                    }
                    Thread.sleep(200);
                }
                sampler.interrupt();
                long stored = service.storedCount();
                long rssEnd = service.rssBytes();
                long heapEnd = service.heapUsedBytes();
                long delivered = ledger.deliveredCount(0);

                System.out.println();
                System.out.printf("| measurement | result |%n|---|---|%n");
                System.out.printf("| events sent (handed to Paho) | %,d (%,.0f events/s offered) |%n", sent,
                        sent / (double) seconds);
                System.out.printf("| skipped: publisher's window of 1,000 full / not connected | %,d / %,d |%n",
                        fleet.windowFull.get(), fleet.notConnected.get());
                System.out.printf("| acknowledged %d s after the end | %,d (%.1f%%) |%n", drain, ackedAfterDrain,
                        pct(ackedAfterDrain, sent));
                System.out.printf("| PUBACKs outstanding %d s after the end | %,d |%n", drain, outstanding);
                System.out.printf("| delivered to the application %d s after the end | %,d (%.1f%%) |%n", drain,
                        deliveredAfterDrain, pct(deliveredAfterDrain, sent));
                System.out.printf("| delivered in the end (arrivals with duplicates: %,d) | %,d (%.1f%%) |%n",
                        app.arrived.get(), delivered, pct(delivered, sent));
                System.out.printf("| acknowledged in the end | %,d |%n", ledger.ackedCount());
                System.out.printf("| stored in the historian | %,d |%n", stored);
                System.out.printf("| service RSS: idle, connected, peak, end | %d, %d, %d, %d MiB |%n", mib(rssIdle),
                        mib(rssConnected), mib(rssPeak.get()), mib(rssEnd));
                System.out.printf("| service heap used: idle, end | %d, %d MiB |%n", mib(heapIdle), mib(heapEnd));
                System.out.printf("| data directory: idle, end | %s; %s |%n", diskIdle, service.diskUsage());
                System.out.printf("| data directory at the end, by store | %s |%n", service.diskUsageByStore());
                System.out.println();
                System.out.println("Delivered to the application, per 5 s: " + perFive(deliveredPerSecond));
            }
        }
    }

    /** Every second: the peak RSS and the deliveries; every 5 s a progress line. */
    private static void sample(ServiceProcess service, Ledger ledger, DeviceFleet fleet, AtomicLong rssPeak,
            List<Integer> deliveredPerSecond) {
        try {
            for (int s = 1;; s++) {
                Thread.sleep(1_000);
                long rss = service.rssBytes();
                rssPeak.accumulateAndGet(rss, Math::max);
                synchronized (deliveredPerSecond) {
                    deliveredPerSecond.add(ledger.deliveredCount(0));
                }
                if (s % 5 == 0) {
                    LOG.info("{} s: sent {}, acknowledged {}, delivered {}, outstanding {}, RSS {} MiB", s,
                            ledger.sentCount(), ledger.ackedCount(), ledger.deliveredCount(0), fleet.outstanding(),
                            mib(rss));
                }
            }
        } catch (InterruptedException e) {
            // the run is over
        }
    }

    private static String perFive(List<Integer> cumulative) {
        StringBuilder out = new StringBuilder();
        synchronized (cumulative) {
            int previous = 0;
            for (int i = 4; i < cumulative.size(); i += 5) {
                out.append(out.length() == 0 ? "" : ", ").append(cumulative.get(i) - previous);
                previous = cumulative.get(i);
            }
        }
        return out.toString();
    }

    static List<String> options(String spaceSeparated) {
        return spaceSeparated.isBlank() ? List.of() : Arrays.asList(spaceSeparated.trim().split("\\s+"));
    }

    static long mib(long bytes) {
        return bytes < 0 ? -1 : bytes / (1024 * 1024);
    }

    private static double pct(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
