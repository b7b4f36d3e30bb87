package io.cameliotf.emulator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A note beside the data file of how far the historian got (the number of its newest event and when it was stored),
 * so that a data file that lost its end (truncated, or damaged so that H2 falls back to an older version of it) is
 * found at start instead of serving fewer events in silence. It is written after the events it counts are
 * committed, at most once a second, so after a crash it is behind the file, never ahead of it.
 */
public final class HighWaterMark {

    /** Its file name in the data directory. */
    public static final String FILE = "iotf.state";
    private static final long EVERY_MILLIS = 1_000;

    private final Path file;
    private final EventStore events;
    private long lastWritten;
    private long lastSeq;

    public HighWaterMark(Path dataDirectory, EventStore events) {
        this.file = dataDirectory.toAbsolutePath().resolve(FILE);
        this.events = events;
    }

    static boolean exists(Path dataDirectory) {
        return Files.exists(dataDirectory.resolve(FILE));
    }

    /**
     * Checks the data file against the note: the newest stored event must be at least the noted one, unless the
     * retention bound may have removed every event since.
     *
     * @throws DataDirectoryException when the data file lost events
     */
    public void verify(long nowMillis, Duration retention) {
        if (!Files.exists(file)) {
            return;
        }
        String[] noted;
        try {
            noted = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
        } catch (IOException e) {
            throw new DataDirectoryException("The file " + file + " cannot be read: " + e.getMessage(), e);
        }
        long notedSeq;
        long storedAt;
        try {
            notedSeq = Long.parseLong(noted[0]);
            storedAt = Long.parseLong(noted[1]);
        } catch (RuntimeException e) {
            throw new DataDirectoryException("The file " + file + " is not what the service wrote ('"
                    + String.join(" ", noted) + "'); delete it to skip the check once", e);
        }
        long newest = events.lastSeq();
        boolean emptiedByRetention = newest == 0 && nowMillis - storedAt > retention.toMillis();
        if (newest < notedSeq && !emptiedByRetention) {
            throw new DataDirectoryException("The data file " + file.resolveSibling(DataDirectory.DATA_FILE)
                    + " lost events: its newest event is number " + newest + ", but " + notedSeq
                    + " had been stored. It was truncated or damaged; restore it from a backup, or delete " + file
                    + " to start with what is left");
        }
        lastSeq = Math.max(newest, notedSeq);
    }

    /** Notes the newest stored event, at most once a second unless {@code now} is true (at close). */
    public void stored(long nowMillis, boolean now) {
        if (!now && nowMillis - lastWritten < EVERY_MILLIS) {
            return;
        }
        lastWritten = nowMillis;
        long newest = events.lastSeq();
        if (newest <= lastSeq && !now) {
            return;
        }
        lastSeq = Math.max(lastSeq, newest);
        Path temp = file.resolveSibling(FILE + ".tmp");
        try {
            Files.writeString(temp, lastSeq + " " + nowMillis + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
