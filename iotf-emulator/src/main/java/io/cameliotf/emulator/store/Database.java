package io.cameliotf.emulator.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database that holds the registry (and the historian): a file under the data
 * directory, or an in-memory database when the service runs without one.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final JdbcConnectionPool pool;
    private final String description;
    /** Why the last write failed (null after a success): the first failure of a run of them is logged as an error. */
    private volatile String writeProblem;
    /**
     * A file database writes every commit into the file before the commit returns (a CHECKPOINT, which also compacts
     * a little), so that what the service answered survives a crash: H2 alone keeps up to 500 ms of commits in
     * memory. H2's background writer is off (WRITE_DELAY=0): it wrote asynchronously, and a CHECKPOINT that found the
     * changes of its commit already taken by that writer returned before they were in the file; when that write then
     * failed (a full disk), events whose acknowledgement had gone out were lost (the soak's disk-full phase). Without
     * it every write happens in the thread that commits, and a failed one fails that commit.
     */
    private boolean writeThrough;

    private Database(String url, String description) {
        this.pool = JdbcConnectionPool.create(url, "iotf", "");
        this.pool.setMaxConnections(16);
        this.description = description;
    }

    /** Opens (creating when missing) the database in {@code dataDirectory}, or an in-memory one when it is null. */
    public static Database open(Path dataDirectory) {
        Database db;
        if (dataDirectory == null) {
            db = new Database("jdbc:h2:mem:iotf-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "in memory (nothing is kept after exit; use --data DIR to keep it)");
        } else {
            Path file = dataDirectory.toAbsolutePath().resolve("iotf");
            db = new Database("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                    file + ".mv.db");
            db.writeThrough = true;
        }
        try {
            db.transaction(Schema::create);
        } catch (RuntimeException e) {
            db.pool.dispose();
            throw dataDirectory == null ? e : db.damaged(e);
        }
        LOG.debug("Database open ({})", db.description);
        return db;
    }

    /**
     * Reads every row of the registry's tables and both ends of the historian's, so that a damaged data file is
     * found at start rather than by the first request that touches the damage (H2 checks a page's checksum when it
     * reads the page). Reading all of the historian would take about 20 s a million events on two cores, so damage
     * inside it is found by the query that reads it, answered 503 naming the file (docs/emulator.md, 'Guarantees').
     *
     * @throws DataDirectoryException naming the file and what H2 found
     */
    public void verify() {
        try {
            read(c -> {
                java.util.List<String> tables = new java.util.ArrayList<>();
                try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(
                        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    String sql = table.equalsIgnoreCase("EVENT") ? "SELECT MIN(seq), MAX(seq), COUNT(*) FROM event"
                            : "SELECT * FROM \"" + table + "\"";
                    try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) {
                                rs.getObject(i);
                            }
                        }
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            throw damaged(e);
        }
    }

    /** The data file could not be opened or read: it is damaged (or not an H2 file). */
    DataDirectoryException damaged(RuntimeException e) {
        return new DataDirectoryException("The data file " + description + " is damaged (" + rootCause(e)
                + "). Restore it from a backup, or move it away to start with an empty registry", e);
    }

    public String description() {
        return description;
    }

    /**
     * Runs {@code work} in one transaction: committed (and in the file) when it returns, rolled back when it throws.
     *
     * @throws StoreUnavailableException when the data file could not be written: nothing of {@code work} was kept
     */
    public <T> T transaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                if (writeThrough) {
                    try (Statement s = c.createStatement()) {
                        s.execute("CHECKPOINT");
                    }
                }
                writeProblem = null;
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e, true);
        }
    }

    /** Forces everything committed so far to the disk (for {@code --durability synced}). */
    public void sync() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw failure(e, true);
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the store already failed (its file could not be written): the caller's error says so
            LOG.debug("Rollback failed: {}", e.getMessage());
        }
    }

    /**
     * Tells a store that failed from a statement that was refused: a constraint, data or syntax error (SQL states
     * 22, 23, 42) is the caller's; anything else means the file could not be used.
     */
    private RuntimeException failure(SQLException e, boolean writing) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("22") || state.startsWith("23") || state.startsWith("42")) {
            return new StoreException("Database error: " + e.getMessage(), e);
        }
        String problem = "The data file " + description + " could not be " + (writing ? "written" : "used") + " ("
                + rootCause(e) + ")";
        if (!writing) {
            LOG.error(problem, e);
            return new StoreUnavailableException(problem, e);
        }
        if (writeProblem == null) {
            LOG.error("{}; nothing of the failed change was kept", problem, e);
        }
        writeProblem = problem;
        return new StoreUnavailableException(problem, e);
    }

    /** The innermost cause's message, without H2's SQL text and version suffixes. */
    static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int sql = message.indexOf("; SQL statement:");
        if (sql >= 0) {
            message = message.substring(0, sql);
        }
        return message.replaceAll(" \\[[0-9.]+/[0-9]+\\]", "").replace("\"", "").trim();
    }

    /** Runs read-only {@code work} on a pooled connection. */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(e, false);
        }
    }

    @Override
    public void close() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.warn("Database did not shut down cleanly: {}", e.getMessage());
        } finally {
            pool.dispose();
        }
    }
}
