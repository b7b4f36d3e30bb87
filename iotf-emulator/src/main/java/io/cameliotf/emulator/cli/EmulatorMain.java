package io.cameliotf.emulator.cli;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.seed.SeedException;
import io.cameliotf.emulator.store.Device;
import io.cameliotf.emulator.store.Organization;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar iotf-emulator.jar --seed FILE ...}: runs the local service in the foreground, prints what
 * listens where, and stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
 */
public final class EmulatorMain {

    /** Exit code for a wrong command line or seed. */
    static final int USAGE = 2;
    /** Exit code for a service that could not start. */
    static final int FAILED = 1;

    private EmulatorMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "iotf-emulator-logback.xml");
        }
        int code = run(args, System.getenv(), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        CommandLine cl;
        try {
            cl = CommandLine.parse(args, environment);
        } catch (CommandLine.UsageException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        if (cl.help) {
            out.print(CommandLine.HELP);
            return 0;
        }
        IotfEmulator emulator = cl.builder().build();
        try {
            emulator.start();
        } catch (SeedException e) {
            err.println(e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            err.println(e.getMessage());
            return FAILED;
        }
        if (cl.exportCert != null) {
            try {
                Files.copy(emulator.tls().certificatePemFile(), cl.exportCert, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                err.println("Cannot write the certificate to " + cl.exportCert + ": " + e.getMessage());
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping the IoTF local service...");
            emulator.stop();
            out.println("Stopped.");
            out.flush();
            stopped.countDown();
        }, "iotf-emulator-shutdown"));
        printBanner(emulator, cl, out);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void printBanner(IotfEmulator emulator, CommandLine cl, PrintStream out) {
        out.println();
        out.println("IoTF local service is running");
        out.println("Console: " + emulator.consoleUrl());
        emulator.endpoints().forEach((what, where) -> out.printf("  %-22s %s%n", what, where));
        if (cl.exportCert != null) {
            out.printf("  %-22s %s%n", "Certificate copy", cl.exportCert.toAbsolutePath());
        }
        List<Organization> orgs = emulator.registry().organizations();
        out.println();
        out.println("Organizations (and QuickStart, always open without credentials as 'quickstart'):");
        if (orgs.isEmpty()) {
            out.println("  none: start with --seed FILE to add some");
        }
        for (Organization org : orgs) {
            List<Device> devices = emulator.devices().devices(org.id(), null);
            out.printf("  %-10s %s, %d device(s)%n", org.id(), org.name(), devices.size());
            for (Device d : devices) {
                out.printf("      %s%n", d.uuid());
            }
        }
        out.println();
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
