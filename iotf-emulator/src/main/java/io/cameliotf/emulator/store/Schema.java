package io.cameliotf.emulator.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The tables of the local service. Created when missing, so an existing data directory is kept as it is. */
final class Schema {

    private Schema() {
    }

    static Void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS organization ("
                    + "id VARCHAR(32) PRIMARY KEY, "
                    + "name VARCHAR(255) NOT NULL, "
                    + "created TIMESTAMP WITH TIME ZONE NOT NULL, "
                    + "updated TIMESTAMP WITH TIME ZONE NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS api_key ("
                    + "api_key VARCHAR(64) PRIMARY KEY, "
                    + "org_id VARCHAR(32) NOT NULL REFERENCES organization(id), "
                    + "token_hash VARCHAR(255) NOT NULL, "
                    + "created TIMESTAMP WITH TIME ZONE NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS device ("
                    + "org_id VARCHAR(32) NOT NULL REFERENCES organization(id), "
                    + "device_type VARCHAR(32) NOT NULL, "
                    + "device_id VARCHAR(32) NOT NULL, "
                    + "token_hash VARCHAR(255) NOT NULL, "
                    + "metadata CHARACTER LARGE OBJECT, "
                    + "registered_by VARCHAR(255) NOT NULL, "
                    + "registered_by_type VARCHAR(32) NOT NULL, "
                    + "registered TIMESTAMP WITH TIME ZONE NOT NULL, "
                    + "PRIMARY KEY (org_id, device_type, device_id))");
        }
        return null;
    }
}
