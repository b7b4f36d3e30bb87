package io.cameliotf.emulator.broker;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.migration.meta.PersistenceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HiveMQ's internal persistence settings, which {@code config.xml} does not reach (HiveMQ CE reads them from static
 * fields of {@link InternalConfigurations} when the broker starts, so they are set here just before). With
 * {@code --data}, HiveMQ's defaults cost a fresh data directory 520 MB of real disk for 4.8 MB of files, and let its
 * RocksDB memory grow with the machine's RAM instead of the service's load:
 * <ul>
 * <li><b>Disk.</b> HiveMQ keeps queued payloads and retained messages in 64 RocksDB databases each ("buckets"), and
 * RocksDB preallocates 4 MiB for each database's MANIFEST file: 128 x 4 MiB = 512 MiB before anything is stored.
 * The first write to a database preallocates its write-ahead log as well, 1.1 times its memtable (13 MiB per bucket
 * on a machine of 24 GiB), and HiveMQ's clean-up job writes an empty batch to every retained-message bucket, one
 * bucket every few seconds, so an idle directory keeps growing by another 64 x 13 MiB. A new data directory gets
 * {@link #COMPACT} instead: 8 buckets, payload memtables of 4 MiB, and retained messages in Xodus, whose files
 * preallocate nothing (the service ignores the retained flag, so that store stays empty anyway).</li>
 * <li><b>Memory.</b> HiveMQ sizes RocksDB's memtables at 1/32 of the physical RAM and its block cache at 1/64,
 * whatever the heap: 768 MiB and 384 MiB here. Both are capped ({@link #MEMTABLE_BUDGET_BYTES},
 * {@link #BLOCK_CACHE_BYTES}), so that the service's native memory no longer depends on the machine. With no store
 * left in RocksDB but payloads, HiveMQ leaves Xodus' shared cache at Xodus' default of half the heap instead of the
 * quarter it sets otherwise; the quarter is kept ({@value #XODUS_MEMORY_PROPERTY}, unless set already).</li>
 * </ul>
 * HiveMQ spreads keys over buckets by hash and does not record how many buckets a directory was written with: read
 * with another count, sessions and queued messages would be looked up in the wrong bucket and lost. So the layout a
 * directory was created with is recorded in {@value #MARKER} under the broker's folder, and a directory written
 * before that file existed keeps HiveMQ's default layout ({@link #HIVEMQ_DEFAULT}). Durability is not touched: the
 * same stores keep the same sessions and queues; only their number and their memory change.
 * <p>
 * The settings are per JVM, as HiveMQ's own are: apply them before each broker start ({@link #apply}).
 */
public final class PersistenceSettings {

    /** Xodus' setting of its cache, in percent of the heap, which Xodus reads from the system properties. */
    static final String XODUS_MEMORY_PROPERTY = "exodus.memoryUsagePercentage";
    /** The file, in the broker's data folder, that records the layout the folder was created with. */
    public static final String MARKER = "iotf-persistence.properties";
    /** RocksDB's memtables of queued payloads, all buckets together, at most. */
    public static final long MEMTABLE_BUDGET_BYTES = 32L << 20;
    /** RocksDB's block cache of queued payloads (one cache shared by the buckets). */
    public static final long BLOCK_CACHE_BYTES = 16L << 20;

    /** How HiveMQ lays its persistence out on disk. */
    public record Layout(int bucketCount, int payloadBucketCount, boolean retainedInXodus) {
    }

    /** HiveMQ's own: 64 buckets of each store, payloads and retained messages in RocksDB. */
    public static final Layout HIVEMQ_DEFAULT = new Layout(64, 64, false);
    /**
     * What a new data directory gets: 8 buckets (HiveMQ runs one persistence lane per single-writer thread, 2 x
     * cores, and never more lanes than buckets, so 8 buckets still allow 8 lanes, and 4 on this 2-core machine as
     * with 64; a client's queue is in one bucket whatever the count), retained messages in Xodus.
     */
    public static final Layout COMPACT = new Layout(8, 8, true);

    private static final Logger LOG = LoggerFactory.getLogger(PersistenceSettings.class);

    private PersistenceSettings() {
    }

    /**
     * The free disk a data directory needs when the service starts: {@value #REQUIRED_FREE_MIB} MiB. A floor for the
     * broker's files under load, not a bound: the historian's growth (per stored event, up to
     * {@code --retention-events}) comes on top and is the operator's to plan.
     * <p>
     * How it was measured (2026-12-01, this 2-core machine, ext4, {@code du} for disk blocks against {@code du
     * --apparent-size} for bytes): with HiveMQ's defaults a fresh data directory took 545 MiB of blocks for 4.9 MiB
     * of bytes (128 RocksDB MANIFEST files preallocated to 4 MiB each), and grew by 13 MiB every few seconds while
     * idle (HiveMQ's clean-up preallocating each retained-message bucket's write-ahead log). With {@link #COMPACT} a
     * fresh directory takes 33-35 MiB, and stays there while idle. Under load ({@code exec:exec@load}, one QoS 1
     * subscriber that falls behind) the broker's files grew to 140 MiB in 45 s at 1,000 events/s and to 381 MiB in
     * two minutes at 5,000 events/s: the payload stores' write-ahead logs preallocate 8 x 4.4 MiB once written, and
     * the subscriber's queue (Xodus, copy on write) grows faster than Xodus' garbage collector reclaims its files
     * while a backlog of 5,000 messages turns over. The figure covers the fresh directory, the payload logs and about
     * 190 MiB of queue log.
     */
    public static long requiredFreeBytes() {
        return REQUIRED_FREE_MIB << 20;
    }

    static final long REQUIRED_FREE_MIB = 256;

    /**
     * Sets HiveMQ's persistence settings for a broker about to start on {@code brokerDataFolder} (null for a broker
     * in memory), and records the layout of a new folder.
     *
     * @return the layout the broker will use
     */
    public static Layout apply(Path brokerDataFolder) {
        Layout layout = brokerDataFolder == null ? HIVEMQ_DEFAULT : layoutOf(brokerDataFolder);
        InternalConfigurations.PERSISTENCE_BUCKET_COUNT.set(layout.bucketCount());
        InternalConfigurations.PAYLOAD_PERSISTENCE_BUCKET_COUNT.set(layout.payloadBucketCount());
        InternalConfigurations.RETAINED_MESSAGE_PERSISTENCE_TYPE.set(layout.retainedInXodus() ? PersistenceType.FILE
                : PersistenceType.FILE_NATIVE);
        if (layout.retainedInXodus() && System.getProperty(XODUS_MEMORY_PROPERTY) == null) {
            System.setProperty(XODUS_MEMORY_PROPERTY,
                    Integer.toString(InternalConfigurations.XODUS_PERSISTENCE_LOG_MEMORY_HEAP_PERCENTAGE));
        }
        long ram = physicalMemory();
        // HiveMQ divides the physical RAM by these portions (memtable: then again by the bucket count)
        InternalConfigurations.PAYLOAD_PERSISTENCE_MEMTABLE_SIZE_PORTION.set(
                portion(ram, MEMTABLE_BUDGET_BYTES, 32));
        InternalConfigurations.PAYLOAD_PERSISTENCE_BLOCK_CACHE_SIZE_PORTION.set(portion(ram, BLOCK_CACHE_BYTES, 64));
        if (brokerDataFolder != null) {
            LOG.debug("Broker persistence in {}: {} buckets, {} payload buckets, retained messages in {}",
                    brokerDataFolder, layout.bucketCount(), layout.payloadBucketCount(),
                    layout.retainedInXodus() ? "Xodus" : "RocksDB");
        }
        return layout;
    }

    /** The layout recorded in the folder, HiveMQ's default for a folder written before, or a new compact one. */
    static Layout layoutOf(Path brokerDataFolder) {
        Path marker = brokerDataFolder.resolve(MARKER);
        try {
            if (Files.exists(marker)) {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(marker)) {
                    p.load(in);
                }
                return new Layout(number(p, "bucket-count", marker), number(p, "payload-bucket-count", marker),
                        "xodus".equals(p.getProperty("retained-messages")));
            }
            if (Files.isDirectory(brokerDataFolder.resolve("persistence"))) {
                // written before the marker existed, with HiveMQ's defaults: keep them, or its data is not found
                return HIVEMQ_DEFAULT;
            }
            Files.createDirectories(brokerDataFolder);
            Properties p = new Properties();
            p.setProperty("bucket-count", Integer.toString(COMPACT.bucketCount()));
            p.setProperty("payload-bucket-count", Integer.toString(COMPACT.payloadBucketCount()));
            p.setProperty("retained-messages", COMPACT.retainedInXodus() ? "xodus" : "rocksdb");
            try (OutputStream out = Files.newOutputStream(marker)) {
                p.store(out, "How HiveMQ's files in this folder are laid out; HiveMQ cannot read them with another"
                        + " layout. Do not edit.");
            }
            return COMPACT;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + marker + ": " + e.getMessage(), e);
        }
    }

    private static int number(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        try {
            int n = Integer.parseInt(value == null ? "" : value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new IllegalStateException(file + ": '" + key + "' is '" + value + "', not a positive number; the file"
                + " records how the broker's data is laid out and must not be edited");
    }

    /** The divisor of {@code ram} that gives at most {@code bytes}, never below HiveMQ's {@code defaultPortion}. */
    static int portion(long ram, long bytes, int defaultPortion) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(defaultPortion, (ram + bytes - 1) / bytes));
    }

    /** The physical RAM as HiveMQ reads it (its RocksDB sizes are portions of it). */
    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getTotalMemorySize() > 0) {
            return os.getTotalMemorySize();
        }
        return (long) (Runtime.getRuntime().maxMemory() * 1.5);
    }
}
