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
            db = new Database("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", file + ".mv.db");
        }
        db.transaction(Schema::create);
        LOG.debug("Database open ({})", db.description);
        return db;
    }

    public String description() {
        return description;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Database error: " + e.getMessage(), e);
        }
    }

    /** Runs read-only {@code work} on a pooled connection. */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("Database error: " + e.getMessage(), e);
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
