package io.cameliotf.emulator.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cameliotf.emulator.IotfEmulator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A QoS 1 publish whose event the historian does not keep within the store timeout is refused, not acknowledged.
 * HiveMQ drops a publish whose interceptor timed out with the reason code given to {@code async}; with its default
 * (SUCCESS) an MQTT 3 client got a PUBACK for an event that was neither stored nor delivered, which is how the soak's
 * full-disk phase lost acknowledged events.
 */
class StoreTimeoutTest {

    @Test
    void aPublishTheHistorianDoesNotKeepInTimeGetsNoPuback(@TempDir Path data) throws Exception {
        IotfEmulator service = IotfEmulator.builder().seed(Path.of(ServiceApi.SEED)).dataDirectory(data).freePorts()
                .storeTimeout(Duration.ofSeconds(1)).build();
        service.start();
        // the service's own database, opened in this JVM: the same H2 instance, so that this connection can pause it
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("iotf") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection sql = DriverManager.getConnection(url, "iotf", "");
                NumberedDevice device = NumberedDevice.connect(service.mqttUrl())) {
            device.publishAndWait();
            assertThat(storedEvents(sql)).as("the control: an event kept in time is acknowledged").isEqualTo(1);

            // H2's exclusive mode pauses every other session's statements: the historian's writer hangs in its insert
            execute(sql, "SET EXCLUSIVE 1");
            IMqttDeliveryToken held = device.publish();
            await().atMost(Duration.ofSeconds(30)).until(() -> !device.isConnected() || held.isComplete());
            execute(sql, "SET EXCLUSIVE 0");
            assertThat(device.acknowledged()).as("no PUBACK for the event not kept in time").containsExactly(0);

            // the writer goes on and stores the event late: it was the timeout, not a refusal, that answered
            await().atMost(Duration.ofSeconds(30)).until(() -> storedEvents(sql) == 2);
            assertThat(device.acknowledged()).as("no PUBACK for the event not kept in time").containsExactly(0);
            assertThat(held.getException()).as("the publish ended with the connection, unacknowledged").isNotNull();
        } finally {
            service.stop();
        }
    }

    private static long storedEvents(Connection sql) throws SQLException {
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection sql, String statement) throws SQLException {
        try (Statement s = sql.createStatement()) {
            s.execute(statement);
        }
    }
}
