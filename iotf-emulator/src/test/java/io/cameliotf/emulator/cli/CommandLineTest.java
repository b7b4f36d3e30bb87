package io.cameliotf.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpExplainsEveryFlag() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--seed FILE", "--data DIR", "--bind ADDR",
                "--mqtt-port N", "--mqtts-port N", "--ws-port N", "--http-port N", "--https-port N", "--domain NAME",
                "--tls-keystore FILE", "--export-cert FILE", "--hash-iterations N", "--retention-days N",
                "--retention-events N", "--no-historian", "--root-org ORG");
    }

    @Test
    void wrongCommandLinesSayWhatIsWrong() {
        assertThat(run("--mqtt-port", "abc")).isEqualTo(EmulatorMain.USAGE);
        assertThat(err()).contains("--mqtt-port: 'abc' is not a number from 0 to 65535");
        assertThat(run("--mqtt-port=70000")).isEqualTo(EmulatorMain.USAGE);
        assertThat(run("--colour", "blue")).isEqualTo(EmulatorMain.USAGE);
        assertThat(err()).contains("Unknown option --colour");
        assertThat(run("--seed")).isEqualTo(EmulatorMain.USAGE);
        assertThat(err()).contains("--seed needs a value");
        assertThat(run("seed.json")).isEqualTo(EmulatorMain.USAGE);
        assertThat(run("--retention-days", "0")).isEqualTo(EmulatorMain.USAGE);
        assertThat(err()).contains("--retention-days: '0' is not a number from 1 to 36500");
        assertThat(run("--tls-keystore", "k.p12")).isEqualTo(EmulatorMain.USAGE);
        assertThat(err()).contains("IOTF_TLS_KEYSTORE_PASSWORD");
        assertThat(run("--root-org", "org-1")).isEqualTo(EmulatorMain.USAGE);
        assertThat(err()).contains("--root-org: 'org-1' contains '-'", "give an organization id or 'none'");
    }

    @Test
    void badSeedStopsBeforeAnythingStarts() {
        assertThat(run("--seed", "no/such.json", "--mqtt-port", "0")).isEqualTo(EmulatorMain.USAGE);
        assertThat(err()).contains("no/such.json", "does not exist");
    }

    private int run(String... args) {
        err.reset();
        return EmulatorMain.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
