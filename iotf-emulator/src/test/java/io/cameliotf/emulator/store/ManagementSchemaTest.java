package io.cameliotf.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory written before device management (none of its tables) opens, and gets them. */
class ManagementSchemaTest {

    @Test
    void dataDirectoryWithoutManagementTablesOpensAndGetsThem(@TempDir Path data) throws Exception {
        try (Database db = Database.open(data)) {
            db.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    for (String table : new String[] {"managed_device", "diag_log", "diag_error_code", "mgmt_request",
                        "mgmt_request_device"}) {
                        s.execute("DROP TABLE " + table);
                    }
                }
                return null;
            });
        }
        try (Database db = Database.open(data)) {
            ManagementStore store = new ManagementStore(db);
            store.put(new ManagedDevice("org1", "pi", "p1", 0, true, false, Set.of("dme"), null, null,
                    Instant.parse("2026-12-01T10:00:00Z"), null));
            assertThat(store.managed("org1", "pi", "p1")).get().extracting(ManagedDevice::bundles)
                    .isEqualTo(Set.of("dme"));
            assertThat(new MgmtRequestStore(db).count("org1")).isZero();
        }
    }
}
