package io.cameliotf.emulator;

import static io.cameliotf.emulator.AuthenticationTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cameliotf.emulator.api.RawHttp;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Client-supplied strings cannot forge or garble the service's log lines (they are written through LogSafe). */
@ExtendWith(IotfEmulatorExtension.class)
class LogInjectionTest {

    @Test
    void aUserNameWithALineBreakOrNulCannotWriteALineOfItsOwn(IotfEmulator iotf, TestOrganization org) throws Exception {
        String forged = "a-" + org.id() + "-00000000\0\nINFO  [main] i.c.e.IotfEmulator - forged";
        try (LogCapture log = new LogCapture()) {
            RawHttp.Answer refused = new RawHttp(null, iotf.httpPort()).send("GET", "/api/v0002/",
                    RawHttp.basic(forged, "guess"), null, null);
            assertThat(refused.status()).isEqualTo(401);
            String line = await().atMost(Duration.ofSeconds(10)).until(() -> find(log, "Refused GET /api/v0002/ from"),
                    l -> l != null);
            assertThat(line).contains("unknown API key a-" + org.id() + "-00000000\\u0000\\nINFO  [main]");
            assertNoControlCharacter(line);
        }
    }

    @Test
    void aClientIdWithALineSeparatorReachesTheLogEscaped(IotfEmulator iotf, TestOrganization org) throws Exception {
        // U+2028 passes the broker's UTF-8 checks (it refuses C0 and C1 controls itself) and is a valid application id
        String clientId = "a:" + org.id() + ":app\u2028forged line";
        try (LogCapture log = new LogCapture()) {
            assertRefused(() -> MqttTestClient.application(iotf, clientId, org.apiKey(), "wrong-token"), 5);
            String line = await().atMost(Duration.ofSeconds(10))
                    .until(() -> find(log, "Refused connection of a:" + org.id() + ":app\\u2028forged line"), l -> l != null);
            assertNoControlCharacter(line);
        }
    }

    @Test
    void anOrdinaryClientIdIsLoggedAsItIs(IotfEmulator iotf, TestOrganization org) throws Exception {
        try (LogCapture log = new LogCapture()) {
            assertRefused(() -> MqttTestClient.application(iotf, org.appClientId("plain"), org.apiKey(), "wrong-one"), 5);
            String line = await().atMost(Duration.ofSeconds(10))
                    .until(() -> find(log, "Refused connection of " + org.appClientId("plain")), l -> l != null);
            assertThat(line).startsWith("Refused connection of " + org.appClientId("plain") + " from 127.0.0.1: wrong "
                    + "token for API key " + org.apiKey());
        }
    }

    private static String find(LogCapture log, String start) {
        return log.messages().stream().filter(m -> m.startsWith(start)).findFirst().orElse(null);
    }

    private static void assertNoControlCharacter(String line) {
        assertThat(line.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029))
                .as(line).isEmpty();
    }
}
