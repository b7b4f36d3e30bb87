package io.cameliotf.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpExplainsEveryFlag() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--seed FILE", "--data DIR", "--bind ADDR",
                "--mqtt-port N", "--mqtts-port N", "--ws-port N", "--http-port N", "--https-port N", "--domain NAME",
                "--tls-keystore FILE", "--export-cert FILE", "--hash-iterations N", "--retention-days N",
                "--retention-events N", "--no-historian");
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
    }

    @Test
    void theConsoleAdministratorsPasswordComesFromTheEnvironmentOrAFileNeverTheCommandLine(@TempDir Path dir)
            throws Exception {
        assertThat(run(Map.of(), "--console-admin", "admin")).isEqualTo(EmulatorMain.USAGE);
        assertThat(err()).contains("--console-admin needs the administrator's password", "IOTF_CONSOLE_PASSWORD",
                "--console-admin-password-file FILE");
        assertThat(run(Map.of("IOTF_CONSOLE_PASSWORD", ""), "--console-admin", "admin")).isEqualTo(EmulatorMain.USAGE);
        assertThat(err()).contains("IOTF_CONSOLE_PASSWORD is empty");
        assertThat(run(Map.of(), "--console-admin=", "x")).isEqualTo(EmulatorMain.USAGE);
        assertThat(run(Map.of("IOTF_CONSOLE_PASSWORD", "pw"), "--console-admin=")).isEqualTo(EmulatorMain.USAGE);
        assertThat(err()).contains("--console-admin: the user must not be empty");

        Path missing = dir.resolve("missing.txt");
        assertThat(run(Map.of(), "--console-admin", "admin", "--console-admin-password-file", missing.toString()))
                .isEqualTo(EmulatorMain.USAGE);
        assertThat(err()).contains("--console-admin-password-file: " + missing + " does not exist");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\n");
        assertThat(run(Map.of(), "--console-admin", "admin", "--console-admin-password-file", empty.toString()))
                .isEqualTo(EmulatorMain.USAGE);
        assertThat(err()).contains("--console-admin-password-file: " + empty + " is empty");
        assertThat(run(Map.of(), "--console-admin", "admin", "--console-admin-password-file", dir.toString()))
                .isEqualTo(EmulatorMain.USAGE);
        assertThat(err()).contains("--console-admin-password-file: " + dir + " cannot be read");
        Path file = Files.writeString(dir.resolve("password.txt"), "s3cret\n");
        assertThat(run(Map.of(), "--console-admin-password-file", file.toString())).isEqualTo(EmulatorMain.USAGE);
        assertThat(err()).contains("--console-admin-password-file needs --console-admin USER");

        assertThat(CommandLine.parse(new String[] {"--console-admin", "admin", "--console-admin-password-file",
            file.toString()}, Map.of()).builder()).isNotNull();
        assertThat(CommandLine.parse(new String[] {"--console-admin", "admin"}, Map.of("IOTF_CONSOLE_PASSWORD", "pw"))
                .builder()).isNotNull();
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--console-admin USER",
                "--console-admin-password-file FILE", "IOTF_CONSOLE_PASSWORD");
    }

    @Test
    void badSeedStopsBeforeAnythingStarts() {
        assertThat(run("--seed", "no/such.json", "--mqtt-port", "0")).isEqualTo(EmulatorMain.USAGE);
        assertThat(err()).contains("no/such.json", "does not exist");
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private int run(Map<String, String> environment, String... args) {
        err.reset();
        return EmulatorMain.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
