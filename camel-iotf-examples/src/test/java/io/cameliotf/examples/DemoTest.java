package io.cameliotf.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the demo until every part of it happened, in Java DSL and in YAML DSL, and checks its outcome: readings
 * received and written, a command sent and acted on, the relay delivered into the second organization, status seen,
 * and the historian's summary equal to what the devices sent. Readings every 100 ms and a threshold of 23 degrees make every
 * part happen within seconds on an idle machine.
 */
class DemoTest {

    @BeforeAll
    static void fast() {
        System.setProperty("demo.interval", "100");
        System.setProperty("demo.threshold", "23.0");
    }

    @AfterAll
    static void restore() {
        System.clearProperty("demo.interval");
        System.clearProperty("demo.threshold");
    }

    /** More than this many readings and relayed events, so that a run shows each part at work more than once. */
    static final int SOME = 50;

    @Test
    void javaDslDemo(@TempDir Path output) throws Exception {
        check(IotfDemo.run(untilEveryPartHappened(IotfDemo.Options.parse("--duration", "300", "--output",
                output.toString()))), output);
    }

    @Test
    void yamlDslDemo(@TempDir Path output) throws Exception {
        check(IotfDemo.run(untilEveryPartHappened(IotfDemo.Options.parse("--duration", "300", "--output",
                output.toString(), "--yaml"))), output);
    }

    /**
     * The demo runs until everything the test checks has happened, however slow the machine; the duration only bounds
     * a run where something never happens (the checks then say what).
     */
    private static IotfDemo.Options untilEveryPartHappened(IotfDemo.Options options) {
        return options.until(s -> s.received() > SOME && s.written() > 0 && s.commandsActed() > 0
                && s.relayed() > SOME && s.statusSeen() > 0 && s.registeredDevice() != null);
    }

    private static void check(IotfDemo.Result result, Path output) throws Exception {
        DemoStats stats = result.stats();
        assertThat(stats.registeredDevice()).as("a device was registered").startsWith("d:org001:sensor:demo-");
        assertThat(stats.received()).as("readings received").isGreaterThan(SOME);
        List<String> lines = Files.readAllLines(output.resolve("readings.jsonl"));
        assertThat(lines).hasSize((int) stats.written()).isNotEmpty();
        assertThat(lines.get(0)).contains("\"temp\":", "\"device\":\"dev");
        assertThat(stats.commandsSent()).as("commands sent by the rule").isPositive();
        assertThat(stats.commandsActed()).as("commands the valve acted on").isPositive();
        assertThat(stats.relayed()).as("events relayed into org002").isGreaterThan(SOME);
        assertThat(stats.statusSeen()).as("status messages").isPositive();
        Map<String, double[]> historian = result.historian().result();
        assertThat(historian.keySet()).containsExactly("dev1", "dev2");
        stats.sentByDevice().forEach((device, sent) -> {
            double[] h = historian.get(device);
            assertThat(h[0]).as("%s avg", device).isCloseTo(sent.avg(), offset(1e-6));
            assertThat(h[1]).as("%s min", device).isEqualTo(sent.min());
            assertThat(h[2]).as("%s max", device).isEqualTo(sent.max());
        });
    }
}
