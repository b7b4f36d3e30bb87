package io.cameliotf.emulator.store;

import io.cameliotf.emulator.auth.IotfNames;
import io.cameliotf.emulator.topics.InternalTopics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which organization the broker keeps at the root ({@link InternalTopics}), and keeps that decision with a
 * data directory. The broker's persistence stores subscriptions and queued messages with their internal topics, so a
 * data directory's layout is fixed when it is created: read again at every start, it can never be changed under
 * durable sessions (which would then match nothing, and their queued messages would reach nobody).
 */
public final class TopicLayout {

    /** The file in the data directory that records the layout. */
    public static final String FILE = "topic-layout.properties";
    /** What asks for every organization to be mounted (no root organization). */
    public static final String NONE = "none";
    private static final String KEY = "root-organization";
    private static final Logger LOG = LoggerFactory.getLogger(TopicLayout.class);

    private TopicLayout() {
    }

    /**
     * The layout of this start.
     *
     * @param requested the organization asked for ({@code --root-org}), {@link #NONE}, or null for the default
     * @param firstSeedOrg the default: the first organization of the seed, or null without one
     * @param dataDirectory null in memory
     * @throws DataDirectoryException when {@code requested} contradicts what the data directory was created with
     */
    public static InternalTopics resolve(String requested, String firstSeedOrg, Path dataDirectory) {
        String wanted = requested != null ? requested : firstSeedOrg == null ? NONE : firstSeedOrg;
        if (dataDirectory == null) {
            return layout(wanted);
        }
        Path file = dataDirectory.toAbsolutePath().resolve(FILE);
        String recorded = read(file);
        boolean older = recorded == null && Files.exists(dataDirectory.resolve(DataDirectory.DATA_FILE));
        if (older) {
            recorded = NONE; // made before the root organization existed: every organization was mounted
        }
        if (recorded == null) {
            write(file, wanted);
            return layout(wanted);
        }
        if (requested != null && !requested.equals(recorded)) {
            String was = NONE.equals(recorded) ? "with every organization mounted" + (older ? " (by an older version)" : "")
                    : "with organization " + recorded + " at the root";
            throw new DataDirectoryException("--root-org " + requested + ": the data directory " + dataDirectory
                    .toAbsolutePath() + " was created " + was + " (" + FILE + "), and its durable sessions and queued"
                    + " messages are kept in that layout. Start it with --root-org " + recorded + " (or without"
                    + " --root-org), or use a new data directory for --root-org " + requested);
        }
        if (older) {
            write(file, recorded);
        }
        if (!recorded.equals(wanted)) {
            LOG.info("The data directory keeps {} at the root, as when it was created ({})",
                    NONE.equals(recorded) ? "no organization" : "organization " + recorded, file);
        }
        return layout(recorded);
    }

    private static InternalTopics layout(String org) {
        return InternalTopics.withRoot(NONE.equals(org) ? null : org);
    }

    private static String read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new DataDirectoryException("The topic layout file " + file + " cannot be read (" + e.getMessage()
                    + ")", e);
        }
        String value = p.getProperty(KEY);
        if (value == null || value.isBlank()) {
            throw new DataDirectoryException("The topic layout file " + file + " has no " + KEY + " line: restore it"
                    + " (" + KEY + "=<organization id> or " + KEY + "=" + NONE + ")");
        }
        String org = value.trim();
        String problem = NONE.equals(org) ? null : IotfNames.orgProblem(org);
        if (problem != null) {
            throw new DataDirectoryException("The topic layout file " + file + ": " + KEY + " '" + org + "' " + problem
                    + "; restore the file (" + KEY + "=<organization id> or " + KEY + "=" + NONE + ")");
        }
        return org;
    }

    /** Written to a temporary file and moved into place, so a crash never leaves half a record. */
    private static void write(Path file, String org) {
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            Files.writeString(tmp, "# which organization the broker keeps at the root; fixed when the data directory"
                    + " was created (see docs/emulator.md, 'The root organization')\n" + KEY + "=" + org + "\n",
                    StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DataDirectoryException("The topic layout file " + file + " cannot be written (" + e.getMessage()
                    + ")", e);
        }
    }
}
