package io.cameliotf.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Soak and chaos (issue 14): devices (Paho, QoS 1, durable sessions), an application (Paho, QoS 1, durable) and an
 * {@code iotf:} Camel route (QoS 1, durable) under a steady load, while the service (a JVM of its own with
 * {@code --data}) goes through phases: steady; killed with SIGKILL and started again on the same data directory
 * and ports; its disk filled to the last byte and freed again (the data directory on a small tmpfs); every client
 * closed and connected again. Every event carries a unique sequence number, so the table it prints per phase is
 * exact: events sent, acknowledged (the publisher got the PUBACK), stored (in the historian, read back over API
 * v0002 at the end), delivered to each receiver, and lost (acknowledged but not stored). Loopback only; bounded in
 * time (about 3 minutes by default).
 * <pre>
 * mvn -B -o -q -pl camel-iotf-benchmarks exec:exec@soak
 * JAVA_TOOL_OPTIONS="-Dphases=steady,kill -Dphase=15" mvn -B -o -q -pl camel-iotf-benchmarks exec:exec@soak
 * </pre>
 */
public final class SoakBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(SoakBenchmark.class);
    private static final String APP = "application";
    private static final String ROUTE = "iotf: route";

    private final int devices = Integer.getInteger("devices", 20);
    private final int rate = Integer.getInteger("rate", 20);
    private final int phaseSeconds = Integer.getInteger("phase", 20);
    private final int tmpfsMib = Integer.getInteger("tmpfsMib", 1024);
    private final List<String> phases = List.of(System.getProperty("phases", "steady,kill,reconnect,diskfull,restart")
            .split(","));
    private final Ledger ledger;
    private ServiceProcess service;
    private DeviceFleet fleet;
    private AppReceiver app;
    private CamelContext camel;

    private SoakBenchmark() {
        ledger = new Ledger(devices * rate * (phaseSeconds + 30) * (phases.size() + 1), List.of(APP, ROUTE));
    }

    public static void main(String[] args) {
        int code = 0;
        try {
            new SoakBenchmark().run();
        } catch (Exception e) {
            LOG.error("The soak ended early", e);
            code = 1;
        }
        // Paho's and Camel's threads would keep the JVM alive after a failure; the scratch files go on exit
        System.exit(code);
    }

    private void run() throws Exception {
        Path scratch = Scratch.directory("iotf-soak");
        Path disk = scratch.resolve("disk");
        Files.createDirectories(disk);
        String noTmpfs = mountTmpfs(disk); // null when mounted, else why not
        Path data = disk.resolve("data");
        System.out.printf("Soak: %d devices x %d events/s (QoS 1), one application and one iotf: route (QoS 1, durable"
                + " sessions); phases %s of %d s; data directory %s (%s); %d cores%n%n", devices, rate, phases,
                phaseSeconds, data, noTmpfs == null ? "tmpfs of " + tmpfsMib + " MiB" : "no tmpfs: " + noTmpfs,
                Runtime.getRuntime().availableProcessors());
        List<String> notes = new ArrayList<>();
        try {
            service = new ServiceProcess(scratch, data, devices, List.of("-Xmx512m"), List.of()).start();
            connectClients();
            AtomicBoolean stop = new AtomicBoolean();
            Thread load = new Thread(() -> fleet.publish(rate, stop::get), "soak-load");
            load.start();
            for (String phase : phases) {
                ledger.phase(phase);
                LOG.info("Phase {}", phase);
                // each phase's time runs from the end of its action (a restart may take long on a busy machine)
                try {
                    notes.add(act(phase.trim(), disk, noTmpfs));
                } catch (IllegalArgumentException e) {
                    throw e;
                } catch (Exception e) {
                    // reported, and the run goes on: what the other phases show is still worth having
                    LOG.warn("Phase {} failed", phase, e);
                    notes.add(phase + ": failed: " + lastLine(e));
                    if (!startAgainAfterFailure(notes)) {
                        break;
                    }
                }
                TimeUnit.SECONDS.sleep(phaseSeconds);
                notes.add(phase + ": the data directory at the end of the phase: " + service.diskUsage() + "; by store: "
                        + service.diskUsageByStore());
            }
            ledger.phase("after the load");
            stop.set(true);
            load.join();
            drain();
            try {
                service.forEachStored(ledger::stored);
            } catch (Exception e) {
                notes.add("the historian could not be read, so no event counts as stored: " + e.getMessage());
            }
            report(notes);
            closeClients();
        } finally {
            if (service != null) {
                service.close();
            }
            if (noTmpfs == null) {
                unmount(disk);
            }
        }
    }

    private void connectClients() throws Exception {
        app = new AppReceiver(service.mqttUrl(), ServiceProcess.ORG, "soakapp", ServiceProcess.API_KEY,
                ServiceProcess.API_TOKEN, 1, false, ledger, 0);
        camel = new DefaultCamelContext();
        String uri = "iotf:device-event?org=" + ServiceProcess.ORG + "&appId=soakroute&authKey=" + ServiceProcess.API_KEY
                + "&authToken=RAW(" + ServiceProcess.API_TOKEN + ")&brokerUrl=" + service.mqttUrl()
                + "&qos=1&cleanSession=false&maxReconnectDelay=1000";
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("soak").process(e -> ledger.delivered(1, Ledger.seqOf(e.getIn().getBody(byte[].class))));
            }
        });
        camel.start();
        // Paho resends what was in flight after a reconnect only within a durable session (cleanSession false)
        fleet = new DeviceFleet(service.mqttUrl(), ServiceProcess.ORG, service.devices(), ledger, 1, 100, false);
    }

    private void closeClients() throws Exception {
        fleet.close();
        app.close();
        camel.close();
    }

    /** Starts the service again after a phase left it stopped; false (and a note) when that fails too. */
    private boolean startAgainAfterFailure(List<String> notes) {
        if (service.isAlive()) {
            return true;
        }
        try {
            service.start();
            return true;
        } catch (Exception e) {
            notes.add("the service could not be started again, the remaining phases are skipped: " + lastLine(e));
            return false;
        }
    }

    /** The last line of an exception's message (a failed start ends with the service's own reason), for a note. */
    private static String lastLine(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(e.toString());
    }

    /** What a phase does before its time runs; returns a note for the report. */
    private String act(String phase, Path disk, String noTmpfs) throws Exception {
        return switch (phase) {
            case "steady" -> "steady: " + phaseSeconds + " s of load";
            case "kill" -> killAndRestart();
            case "restart" -> stopAndRestart();
            case "diskfull" -> noTmpfs == null ? fillAndFree(disk) : "diskfull: skipped, " + noTmpfs;
            case "reconnect" -> reconnectClients();
            default -> throw new IllegalArgumentException("Unknown phase '" + phase
                    + "' (steady, kill, restart, diskfull, reconnect)");
        };
    }

    /** SIGKILL in full flow, then a start on the same data directory and ports; the clients reconnect by themselves. */
    private String killAndRestart() throws Exception {
        long t0 = System.nanoTime();
        service.kill();
        service.start();
        return "kill: SIGKILL, started again in " + millis(t0) + " ms; " + awaitReconnected();
    }

    private String stopAndRestart() throws Exception {
        long t0 = System.nanoTime();
        int code = service.stop();
        service.start();
        return "restart: SIGTERM (exit " + code + "), started again in " + millis(t0) + " ms; " + awaitReconnected();
    }

    /**
     * Fills the tmpfs of the data directory with a ballast file until the disk refuses a byte more, keeps it full for
     * the phase's time, then deletes the ballast (the phase goes on for its time again).
     */
    private String fillAndFree(Path disk) throws Exception {
        Path ballast = disk.resolve("ballast");
        long written = 0;
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(ballast)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            LOG.info("Disk full after {} MiB of ballast ({})", written >> 20, full.getMessage());
        }
        TimeUnit.SECONDS.sleep(phaseSeconds);
        String alive = service.isAlive() ? "the service kept running" : "the service exited";
        Files.delete(ballast);
        LOG.info("Ballast deleted; {}", alive);
        return "diskfull: " + (written >> 20) + " MiB of ballast filled the disk for " + phaseSeconds + " s; " + alive
                + "; " + (service.isAlive() ? awaitReconnected() : "not started again");
    }

    /** Every client closes abruptly and connects again with the same client id and its durable session. */
    private String reconnectClients() throws Exception {
        long t0 = System.nanoTime();
        app.close();
        camel.getRouteController().stopRoute("soak");
        fleet.reconnect();
        app = new AppReceiver(service.mqttUrl(), ServiceProcess.ORG, "soakapp", ServiceProcess.API_KEY,
                ServiceProcess.API_TOKEN, 1, false, ledger, 0);
        camel.getRouteController().startRoute("soak");
        return "reconnect: " + devices + " devices, the application and the route closed and connected again in "
                + millis(t0) + " ms";
    }

    private String awaitReconnected() throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && (fleet.connected() < fleet.size() || !app.isConnected())) {
            Thread.sleep(50);
        }
        return fleet.connected() + " of " + fleet.size() + " devices and the application " + (app.isConnected()
                ? "" : "not ") + "connected again " + millis(t0) + " ms later";
    }

    /** Waits until the receivers have everything acknowledged, or nothing arrived for 5 s (at most 30 s). */
    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long quietSince = System.nanoTime();
        long last = -1;
        while (System.nanoTime() < deadline && System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(5)) {
            long now = ledger.deliveredCount(0) + ledger.deliveredCount(1) + ledger.ackedCount();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
            Thread.sleep(100);
        }
    }

    private void report(List<String> notes) {
        System.out.println();
        System.out.println("| phase | sent | acknowledged | stored | delivered: application | delivered: iotf: route"
                + " | lost (acknowledged, not stored) | acknowledged, not delivered: application / route |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Ledger.Tally t : ledger.tallies()) {
            int[] d = t.delivered();
            System.out.printf("| %s | %,d | %,d | %,d | %,d | %,d | **%,d** | %,d / %,d |%n", t.phase(), t.sent(),
                    t.acked(), t.stored(), d[0], d[1], t.lost(), t.ackedUndelivered()[0], t.ackedUndelivered()[1]);
        }
        System.out.println();
        System.out.printf("Not sent (the device was not connected / its window of 100 was full): %,d / %,d;"
                + " publishes that failed in the client: %,d%n", fleet.notConnected.get(), fleet.windowFull.get(),
                fleet.failed.get());
        notes.forEach(n -> System.out.println("- " + n));
        List<String> lost = ledger.lost(20);
        if (!lost.isEmpty()) {
            System.out.println("- acknowledged but not stored (the first " + lost.size() + "): " + String.join(", ", lost));
        }
    }

    /** Mounts a tmpfs of {@code tmpfsMib} on {@code dir}; returns null when mounted, else why it could not be. */
    private String mountTmpfs(Path dir) {
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + tmpfsMib + "m", "tmpfs",
                    dir.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() == 0) {
                return null;
            }
            return "mount -t tmpfs failed (" + out + "); the disk-full phase is skipped";
        } catch (IOException e) {
            return "mount could not run (" + e.getMessage() + "); the disk-full phase is skipped";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Unmounts the tmpfs; a service process that was just killed may hold it for a moment longer. */
    private static void unmount(Path dir) {
        try {
            for (int attempt = 1; attempt <= 20; attempt++) {
                if (new ProcessBuilder("umount", dir.toString()).redirectErrorStream(true).start().waitFor() == 0) {
                    return;
                }
                Thread.sleep(500);
            }
            LOG.warn("Could not unmount {}: unmount it with umount {}", dir, dir);
        } catch (IOException e) {
            LOG.warn("Could not unmount {}: {}", dir, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long millis(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }
}
