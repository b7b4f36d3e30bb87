package io.cameliotf.emulator.historian;

import io.cameliotf.emulator.events.DeviceEvent;
import io.cameliotf.emulator.store.JournalMark;
import io.cameliotf.emulator.store.StoreUnavailableException;
import io.cameliotf.emulator.store.StoredEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The historian's write-ahead journal with {@code --durability written}: every event a publisher waits for is
 * appended here, by the thread that accepts it, before it is acknowledged; the historian's writer then stores it in
 * the data file in large batches, and each batch records, in the same transaction, how far into the journal the data
 * file goes ({@link JournalMark}). An append reaches the operating system's file cache (a {@code write}, not a
 * {@code force}), so an acknowledged event survives a crash of the service, the guarantee of {@code written}; at
 * start, what the journal holds beyond the data file's mark is stored before anything else. Without the journal a
 * publisher waited for a group commit of the data file, and HiveMQ runs one client's publishes one at a time, so one
 * client published at most one event per commit (docs/performance.md, "Durability").
 * <p>
 * The journal is a sequence of segment files {@code <number>.journal} in its directory; a segment is deleted once the
 * data file holds all of it. A record is its body's length and CRC-32C, then the body (org, type, id, event, format as
 * UTF-8 with a 2-byte length, the receive time, the payload with a 4-byte length). An append that fails (a full disk)
 * is cut off again, so the journal never holds half a record before a whole one; a record cut off by a crash of the
 * machine ends the replay of its segment.
 */
final class EventJournal implements AutoCloseable {

    static final long SEGMENT_BYTES = 64L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(EventJournal.class);
    private static final String SUFFIX = ".journal";
    private static final int HEADER = 8;

    private final Path directory;
    private FileChannel channel;
    private long segment;
    private long end;
    /** The oldest segment not deleted yet (used by the writer's thread only). */
    private long oldest;
    private ByteBuffer buffer = ByteBuffer.allocate(4_096);
    private final CRC32C crc = new CRC32C();

    private EventJournal(Path directory, long segment) throws IOException {
        this.directory = directory;
        this.oldest = segment;
        open(segment);
    }

    /**
     * Opens the journal in {@code directory}: hands every record after {@code stored} to {@code replay} (oldest
     * first; the caller stores them before anything new), then starts a new segment after the last one found.
     */
    static EventJournal open(Path directory, JournalMark stored, Consumer<List<Replayed>> replay) {
        try {
            Files.createDirectories(directory);
            List<Long> segments = segments(directory);
            List<Replayed> batch = new ArrayList<>();
            for (long s : segments) {
                if (s < stored.segment()) {
                    continue;
                }
                readSegment(directory, s, s == stored.segment() ? stored.offset() : 0, batch, replay);
            }
            if (!batch.isEmpty()) {
                replay.accept(batch);
            }
            long next = segments.isEmpty() ? Math.max(1, stored.segment() + 1)
                    : Math.max(segments.get(segments.size() - 1), stored.segment()) + 1;
            EventJournal journal = new EventJournal(directory, next);
            for (long s : segments) {
                Files.deleteIfExists(file(directory, s));
            }
            return journal;
        } catch (IOException e) {
            throw new StoreUnavailableException("The historian's journal " + directory + " could not be opened ("
                    + e.getMessage() + ")", e);
        }
    }

    /** A record read back at start, with the mark the data file holds once it is stored. */
    record Replayed(StoredEvent event, JournalMark after) {
    }

    private static void readSegment(Path directory, long s, long from, List<Replayed> batch,
            Consumer<List<Replayed>> replay) throws IOException {
        Path file = file(directory, s);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position((int) Math.min(from, bytes.length));
        CRC32C check = new CRC32C();
        while (in.remaining() >= HEADER) {
            int start = in.position();
            int length = in.getInt();
            int sum = in.getInt();
            if (length < 0 || length > in.remaining()) {
                LOG.warn("The historian's journal {} ends in a record cut off at byte {}: ignored", file, start);
                return;
            }
            check.reset();
            check.update(bytes, in.position(), length);
            if ((int) check.getValue() != sum) {
                LOG.warn("The historian's journal {} has a damaged record at byte {}: the rest of it is ignored", file,
                        start);
                return;
            }
            ByteBuffer body = in.slice(in.position(), length);
            in.position(in.position() + length);
            batch.add(new Replayed(new StoredEvent(0, string(body), string(body), string(body), string(body),
                    string(body), body.getLong(), payload(body)), new JournalMark(s, in.position())));
            if (batch.size() >= Historian.MAX_BATCH) {
                replay.accept(new ArrayList<>(batch));
                batch.clear();
            }
        }
    }

    private void open(long number) throws IOException {
        channel = FileChannel.open(file(directory, number), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        segment = number;
        end = channel.size();
    }

    /**
     * Appends {@code event} (into the operating system's file cache) and returns the mark that covers it. Callers
     * append one at a time, in the order their events are queued for the writer.
     *
     * @throws StoreUnavailableException when it could not be written; nothing of it is left in the journal
     */
    JournalMark append(DeviceEvent event) {
        try {
            if (end >= SEGMENT_BYTES) {
                channel.close();
                open(segment + 1);
            }
            ByteBuffer b = encode(event);
            long before = end;
            try {
                while (b.hasRemaining()) {
                    channel.write(b);
                }
            } catch (IOException e) {
                cutBackTo(before);
                throw e;
            }
            end = before + b.limit();
            return new JournalMark(segment, end);
        } catch (IOException e) {
            throw new StoreUnavailableException("The historian's journal in " + directory + " could not be written ("
                    + e.getMessage() + ")", e);
        }
    }

    private void cutBackTo(long length) {
        try {
            channel.truncate(length);
        } catch (IOException e) {
            // the next append starts a new segment, so that no record follows a piece of one
            LOG.warn("The historian's journal could not be cut back after a failed write: {}", e.getMessage());
            end = SEGMENT_BYTES;
        }
    }

    private ByteBuffer encode(DeviceEvent e) {
        byte[][] strings = {utf8(e.org()), utf8(e.deviceType()), utf8(e.deviceId()), utf8(e.event()), utf8(e.format())};
        int length = 8 + 4 + e.payload().length;
        for (byte[] s : strings) {
            length += 2 + s.length;
        }
        if (buffer.capacity() < HEADER + length) {
            buffer = ByteBuffer.allocate(Math.max(HEADER + length, buffer.capacity() * 2));
        }
        ByteBuffer b = buffer.clear();
        b.position(HEADER);
        for (byte[] s : strings) {
            b.putShort((short) s.length).put(s);
        }
        b.putLong(e.received().toEpochMilli()).putInt(e.payload().length).put(e.payload());
        crc.reset();
        crc.update(b.array(), HEADER, length);
        b.putInt(0, length).putInt(4, (int) crc.getValue());
        return b.flip();
    }

    /** Deletes the segments the data file holds entirely (all before the one {@code stored} points into). */
    void stored(JournalMark stored) {
        for (; oldest < stored.segment(); oldest++) {
            try {
                Files.deleteIfExists(file(directory, oldest));
            } catch (IOException e) {
                LOG.warn("Cannot delete a stored segment of the historian's journal: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Cannot close the historian's journal: {}", e.getMessage());
        }
    }

    private static List<Long> segments(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(EventJournal::number).filter(n -> n > 0).sorted().toList();
        }
    }

    private static long number(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(SUFFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Path file(Path directory, long number) {
        return directory.resolve(String.format("%020d%s", number, SUFFIX));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(ByteBuffer b) {
        byte[] s = new byte[b.getShort() & 0xFFFF];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    private static byte[] payload(ByteBuffer b) {
        byte[] p = new byte[b.getInt()];
        b.get(p);
        return p;
    }
}
