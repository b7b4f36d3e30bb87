package io.cameliotf.emulator.durability;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real file system of a fixed size (tmpfs, mounted for the test) that a test fills and frees with a ballast file,
 * so a disk full is the kernel's ENOSPC and not a simulation. Needs the right to mount (root, as CI runs); where it
 * is missing the test is skipped with that reason.
 */
final class SmallDisk implements AutoCloseable {

    private final Path mountPoint;
    private final Path ballast;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.ballast = mountPoint.resolve("ballast");
    }

    static SmallDisk mount(Path mountPoint, int megabytes) throws IOException, InterruptedException {
        return mount(mountPoint, "size=" + megabytes + "m");
    }

    /** A file system that cannot be written at all, as a disk remounted read-only after an error is. */
    static SmallDisk mountReadOnly(Path mountPoint) throws IOException, InterruptedException {
        return mount(mountPoint, "size=1m,ro");
    }

    private static SmallDisk mount(Path mountPoint, String options) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        int exit = run("mount", "-t", "tmpfs", "-o", options, "tmpfs", mountPoint.toString());
        Assumptions.assumeTrue(exit == 0, "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)");
        return new SmallDisk(mountPoint);
    }

    Path path() {
        return mountPoint;
    }

    /** Writes the ballast until the file system is full. */
    void fill() throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(ballast)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            if (Files.getFileStore(mountPoint).getUsableSpace() > block.length) {
                throw e;
            }
        }
    }

    /** Deletes the ballast: the space is back. */
    void free() throws IOException {
        Files.deleteIfExists(ballast);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", mountPoint.toString());
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
