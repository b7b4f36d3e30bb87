package io.cameliotf.examples;

import io.cameliotf.emulator.IotfEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-command demo: {@code java -jar camel-iotf-examples/target/camel-iotf-demo.jar [--duration SECONDS]
 * [--output DIR] [--yaml]}. Starts the local IoTF service in this JVM (unless application.properties points at a real
 * organization), then runs routes that register a device, simulate sensors, consume their readings into a file, send
 * commands to a valve when a threshold is crossed, relay events into a second organization, show device status, and
 * end with the historian's per-device summary. Ctrl-C stops it cleanly.
 */
public final class IotfDemo {

    static {
        DemoSupport.initLogging();
    }

    private static final Logger LOG = LoggerFactory.getLogger("demo");

    private IotfDemo() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.print(Options.HELP);
            return;
        }
        run(options);
    }

    /** Runs the demo until its duration ends or it is stopped; returns what it did. */
    public static Result run(Options options) throws Exception {
        Properties settings = DemoSupport.settings();
        boolean local = !"false".equalsIgnoreCase(settings.getProperty("demo.localService", "true"));
        DemoStats stats = new DemoStats();
        String historianUri = "iotf:historian?" + DemoRoutes.APP_A + "&deviceType=sensor&event=reading";
        HistorianReport report = new HistorianReport(stats, historianUri);
        Main main = new Main();
        IotfEmulator iotf = null;
        try {
            if (local) {
                iotf = DemoSupport.startLocalService(main);
            }
            main.bind("stats", stats);
            main.bind("simulator", new DeviceSimulator(stats));
            main.bind("rule", new ThresholdRule(Double.parseDouble(settings.getProperty("demo.threshold", "25.0"))));
            main.bind("valve", new Valve(stats));
            main.bind("historianReport", report);
            if (options.output != null) {
                main.addOverrideProperty("demo.output", options.output.toAbsolutePath().toString());
            }
            if (options.yaml) {
                main.addOverrideProperty("camel.main.routesIncludePattern", "classpath:demo-routes.yaml");
                LOG.info("Routes: YAML DSL (demo-routes.yaml)");
            } else {
                main.configure().addRoutesBuilder(new DemoRoutes());
                LOG.info("Routes: Java DSL (DemoRoutes)");
            }
            if (options.durationSeconds > 0) {
                main.configure().setDurationMaxSeconds(options.durationSeconds);
                LOG.info("Running for {} seconds (Ctrl-C stops it sooner)", options.durationSeconds);
            } else {
                LOG.info("Running until Ctrl-C");
            }
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void beforeStop(BaseMainSupport m) {
                    summarize(m, report);
                }
            });
            if (options.until != null) {
                DemoSupport.stopWhen(main, () -> options.until.test(stats));
            }
            main.run();
        } finally {
            if (iotf != null) {
                iotf.close();
            }
        }
        return new Result(stats, report);
    }

    private static void summarize(BaseMainSupport main, HistorianReport report) {
        try {
            // stop the sensors so that what they sent and what the historian holds can be compared
            for (String route : new String[] {"sensor-dev1", "sensor-dev2"}) {
                main.getCamelContext().getRouteController().stopRoute(route);
            }
            // the service stores events in batches: wait until it holds what the sensors sent
            report.awaitStored(main.getCamelContext().createProducerTemplate(), Duration.ofSeconds(60));
            main.getCamelContext().createProducerTemplate().sendBody("direct:historian-summary", null);
        } catch (Exception e) {
            LOG.warn("The historian summary failed: {}", e.getMessage());
        }
    }

    /** What the demo did. */
    public record Result(DemoStats stats, HistorianReport historian) {
    }

    /** The command line. */
    public static final class Options {

        static final String HELP = String.join("\n",
                "Usage: java -jar camel-iotf-demo.jar [--duration SECONDS] [--output DIR] [--yaml]",
                "",
                "Runs the camel-iotf demo: it starts the local IoTF service in this JVM (see application.properties to",
                "use a real organization instead), then simulated sensors publish readings, an application writes them",
                "to DIR/readings.jsonl, a rule commands a valve, a relay forwards events into a second organization,",
                "device status is shown, and at the end the historian's per-device summary is printed.",
                "",
                "  --duration SECONDS   stop after this many seconds (default: run until Ctrl-C)",
                "  --output DIR         where readings.jsonl is written (default target/iotf-demo)",
                "  --yaml               run the YAML DSL routes (demo-routes.yaml) instead of the Java DSL ones",
                "  --help               show this help",
                "");

        int durationSeconds;
        Path output;
        boolean yaml;
        boolean help;
        Predicate<DemoStats> until;

        /** Ends the run as soon as {@code done} holds (for tests: run until every part happened, not for a time). */
        public Options until(Predicate<DemoStats> done) {
            this.until = done;
            return this;
        }

        public static Options parse(String... args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--duration":
                        o.durationSeconds = number(args, ++i);
                        break;
                    case "--output":
                        o.output = Path.of(value(args, i++, "--output"));
                        break;
                    case "--yaml":
                        o.yaml = true;
                        break;
                    case "--help":
                    case "-h":
                        o.help = true;
                        break;
                    default:
                        throw new IllegalArgumentException("Unknown argument " + args[i] + "; see --help");
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String flag) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value; see --help");
            }
            return args[i + 1];
        }

        private static int number(String[] args, int i) {
            String v = value(args, i - 1, "--duration");
            try {
                int n = Integer.parseInt(v);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // explained below
            }
            throw new IllegalArgumentException("--duration: '" + v + "' is not a positive number of seconds");
        }
    }
}
