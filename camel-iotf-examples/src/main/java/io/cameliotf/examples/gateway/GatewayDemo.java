package io.cameliotf.examples.gateway;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.examples.DemoSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway demo, one command: {@code java -cp camel-iotf-examples/target/camel-iotf-demo.jar
 * io.cameliotf.examples.gateway.GatewayDemo [--duration SECONDS] [--folder DIR]}. Starts the local IoTF service in
 * this JVM (unless application.properties points at a real organization), simulates three fridges that speak only
 * files in a folder, and runs {@link GatewayRoutes}: a Camel route is their IoTF gateway, and an application route
 * watches them, commands them, reboots one and rolls out new firmware to all through device management requests.
 */
public final class GatewayDemo {

    static {
        DemoSupport.initLogging();
    }

    private static final Logger LOG = LoggerFactory.getLogger("demo");
    static final List<String> FRIDGES = List.of("f1", "f2", "f3");
    static final String HELP = String.join("\n",
            "Usage: java -cp camel-iotf-demo.jar io.cameliotf.examples.gateway.GatewayDemo [--duration SECONDS]"
                    + " [--folder DIR]",
            "",
            "Runs the gateway demo: three simulated fridges write readings as files into DIR/inbox and read",
            "instructions from DIR/outbox/<id>; a Camel route is their IoTF gateway (readings as their events,",
            "commands to their folders, reboot and firmware requests answered), and an application route commands",
            "a warm fridge, reboots one and updates the firmware of all through the service's management requests.",
            "",
            "  --duration SECONDS   stop after this many seconds (default: run until Ctrl-C)",
            "  --folder DIR         the fridges' folder (default target/iotf-gateway-demo)",
            "  --help               show this help",
            "");

    private GatewayDemo() {
    }

    public static void main(String[] args) throws Exception {
        int duration = 0;
        Path folder = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--duration" -> duration = Integer.parseInt(value(args, ++i, "--duration"));
                case "--folder" -> folder = Path.of(value(args, ++i, "--folder"));
                case "--help", "-h" -> {
                    System.out.print(HELP);
                    return;
                }
                default -> {
                    System.err.println("Unknown argument " + args[i] + "; see --help");
                    System.exit(2);
                }
            }
        }
        run(duration, folder, null);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            System.err.println(flag + " needs a value; see --help");
            System.exit(2);
        }
        return args[i];
    }

    /**
     * Runs the demo for {@code durationSeconds} (0: until stopped), or until {@code until} holds.
     *
     * @return what it did
     */
    public static Result run(int durationSeconds, Path folder, Predicate<Result> until) throws Exception {
        Properties settings = DemoSupport.settings();
        boolean local = !"false".equalsIgnoreCase(settings.getProperty("demo.localService", "true"));
        Path dir = (folder != null ? folder : Path.of(settings.getProperty("gateway.folder"))).toAbsolutePath();
        GatewayStats stats = new GatewayStats(Double.parseDouble(settings.getProperty("gateway.limit", "6.0")));
        List<FolderDevice> fridges = new ArrayList<>();
        for (int i = 0; i < FRIDGES.size(); i++) {
            fridges.add(new FolderDevice(dir, "fridge", FRIDGES.get(i), "1.0", 8.0 + i));
        }
        Result result = new Result(stats, fridges);
        Main main = new Main();
        IotfEmulator iotf = null;
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "fridges"));
        try {
            if (local) {
                iotf = DemoSupport.startLocalService(main);
            }
            main.addOverrideProperty("gateway.folder", dir.toString());
            main.bind("gatewayStats", stats);
            main.bind("fridgeManagement", new FridgeManagement(dir, FRIDGES));
            main.configure().addRoutesBuilder(new GatewayRoutes(FRIDGES));
            long interval = Long.parseLong(settings.getProperty("gateway.interval", "500"));
            ticks.scheduleWithFixedDelay(() -> fridges.forEach(FolderDevice::tick), interval, interval,
                    TimeUnit.MILLISECONDS);
            LOG.info("Fridges {} write to {}", FRIDGES, dir);
            if (durationSeconds > 0) {
                main.configure().setDurationMaxSeconds(durationSeconds);
            }
            if (until != null) {
                DemoSupport.stopWhen(main, () -> until.test(result));
            }
            main.run();
        } finally {
            ticks.shutdownNow();
            if (iotf != null) {
                iotf.close();
            }
        }
        return result;
    }

    /** What the demo did: the routes' counts and the simulated fridges. */
    public record Result(GatewayStats stats, List<FolderDevice> fridges) {
    }
}
