package io.cameliotf.emulator.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.junit.EmulatorProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a data directory it cannot use ends within seconds, with a non-zero exit code and one line
 * that names the directory and the cause: no hang, no stack trace, no broker retrying its files. The positive
 * control is {@link CrashDurabilityTest} and the other process tests, which start on a usable directory.
 */
class StartupChecksTest {

    /** Far below the broker's start timeout: the check happens before anything is opened. */
    private static final long SECONDS = 60;

    @Test
    void tooLittleSpaceEndsTheStart(@TempDir Path temp) throws Exception {
        try (SmallDisk disk = SmallDisk.mount(temp.resolve("small"), 8)) {
            Path data = disk.path().resolve("data");
            EmulatorProcess.Ended ended = EmulatorProcess.runUntilExit(SECONDS, "--data", data.toString());
            assertThat(ended.exitCode()).isNotZero();
            assertThat(ended.output()).contains("The data directory " + data, "MB free", "needs at least")
                    .doesNotContain("Is another HiveMQ instance running", "\tat ");
        }
    }

    @Test
    void aReadOnlyDirectoryEndsTheStart(@TempDir Path temp) throws Exception {
        try (SmallDisk disk = SmallDisk.mountReadOnly(temp.resolve("ro"))) {
            EmulatorProcess.Ended ended = EmulatorProcess.runUntilExit(SECONDS, "--data", disk.path().toString());
            assertThat(ended.exitCode()).isNotZero();
            assertThat(ended.output()).contains("The data directory " + disk.path(), "is not writable",
                    "Read-only file system").doesNotContain("IO Exception", "\tat ");
        }
    }
}
