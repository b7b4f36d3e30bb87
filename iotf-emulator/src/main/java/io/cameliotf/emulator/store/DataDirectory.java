package io.cameliotf.emulator.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checks a data directory passes before anything is opened in it, so that a start that cannot work ends at
 * once with a message that names the directory and the cause (never a broker that retries its files forever, and
 * never a data file silently created afresh where one existed).
 */
public final class DataDirectory {

    /** The H2 file of the registry and the historian, relative to the data directory. */
    public static final String DATA_FILE = "iotf.mv.db";

    private DataDirectory() {
    }

    /**
     * Creates {@code dir} when missing, then checks that it is writable and has {@code freeBytesNeeded} free, and that
     * its data file is not empty and not missing while its {@link HighWaterMark} says there was one.
     *
     * @throws DataDirectoryException saying what is wrong
     */
    public static void check(Path dir, long freeBytesNeeded) {
        Path absolute = dir.toAbsolutePath();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new DataDirectoryException("The data directory " + absolute + " cannot be created (" + reason(e)
                    + ")", e);
        }
        Path probe = absolute.resolve(".write-check");
        try {
            Files.write(probe, new byte[1]);
            Files.delete(probe);
        } catch (IOException e) {
            throw new DataDirectoryException("The data directory " + absolute + " is not writable (" + reason(e)
                    + "); give the service's user write access, or choose another with --data", e);
        }
        long free;
        try {
            free = Files.getFileStore(absolute).getUsableSpace();
        } catch (IOException e) {
            throw new DataDirectoryException("The free space of " + absolute + " cannot be read (" + reason(e) + ")", e);
        }
        if (free < freeBytesNeeded) {
            throw new DataDirectoryException("The data directory " + absolute + " has " + megabytes(free)
                    + " MB free; the service needs at least " + megabytes(freeBytesNeeded)
                    + " MB there (see 'Disk and memory' in docs/emulator.md): free some space or choose another --data");
        }
        Path file = absolute.resolve(DATA_FILE);
        try {
            if (Files.exists(file) && Files.size(file) == 0) {
                throw new DataDirectoryException("The data file " + file + " is empty: it was truncated or"
                        + " overwritten. Restore it from a backup, or move it away to start with an empty registry");
            }
        } catch (IOException e) {
            throw new DataDirectoryException("The data file " + file + " cannot be read (" + reason(e) + ")", e);
        }
        if (!Files.exists(file) && HighWaterMark.exists(absolute)) {
            throw new DataDirectoryException("The data file " + file + " is missing, but " + absolute
                    + " held one before (" + HighWaterMark.FILE + " is there). Restore it from a backup, or delete "
                    + HighWaterMark.FILE + " to start with an empty registry");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
