package io.cameliotf.emulator.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Sessions' lives on a clock of the test's: idle expiry, revocation, the cookie's value, the Origin rule. */
class ConsoleSessionsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ConsoleSessions sessions = new ConsoleSessions(now::get, Duration.ofHours(8));

    @Test
    void aSessionEndsAfterEightHoursWithoutUseAndEveryUseMovesThatOn() {
        ConsoleSession s = sessions.create("org1", "a-org1-key", "a-org1-key");
        List<String> ended = new ArrayList<>();
        s.onEnd(ended::add);
        now.addAndGet(Duration.ofHours(7).toMillis());
        assertThat(sessions.find(s.id())).isSameAs(s);
        now.addAndGet(Duration.ofHours(7).toMillis());
        assertThat(sessions.find(s.id())).as("used 7 hours ago").isSameAs(s);
        now.addAndGet(Duration.ofHours(8).toMillis() + 1);
        assertThat(sessions.find(s.id())).isNull();
        assertThat(ended).singleElement().asString().contains("expired");
        assertThat(sessions.size()).isZero();
    }

    @Test
    void theSweepEndsIdleSessionsSoThatTheirStreamsClose() {
        ConsoleSession idle = sessions.create("org1", "a-org1-key", "a-org1-key");
        List<String> ended = new ArrayList<>();
        idle.onEnd(ended::add);
        now.addAndGet(Duration.ofHours(8).toMillis() + 1);
        ConsoleSession fresh = sessions.create(null, null, "admin");
        sessions.sweep();
        assertThat(ended).hasSize(1);
        assertThat(sessions.find(fresh.id())).isSameAs(fresh);
    }

    @Test
    void revokingAKeyEndsItsSessionsOnly() {
        ConsoleSession a = sessions.create("org1", "a-org1-key1", "a-org1-key1");
        ConsoleSession b = sessions.create("org1", "a-org1-key2", "a-org1-key2");
        sessions.endApiKey("a-org1-key1");
        assertThat(sessions.find(a.id())).isNull();
        assertThat(sessions.find(b.id())).isSameAs(b);
    }

    @Test
    void idsAndTokensAreLongRandomAndDistinct() {
        ConsoleSession a = sessions.create("org1", "k", "k");
        ConsoleSession b = sessions.create("org1", "k", "k");
        assertThat(a.id()).hasSize(43).isNotEqualTo(b.id()).isNotEqualTo(a.csrf());
        assertThat(a.toString()).doesNotContain(a.id()).doesNotContain(a.csrf());
    }

    @Test
    void theCookieIsFoundAmongOthers() {
        assertThat(SessionCookie.value("a=1; iotf-console=abc; b=2")).isEqualTo("abc");
        assertThat(SessionCookie.value("iotf-console=")).isNull();
        assertThat(SessionCookie.value("xiotf-console=abc")).isNull();
        assertThat(SessionCookie.value(null)).isNull();
    }

    @Test
    void theSignInsOriginMustBeTheConsolesOwn() {
        assertThat(CsrfCheck.sameOrigin(null, false, "127.0.0.1:8080")).isTrue();
        assertThat(CsrfCheck.sameOrigin("http://127.0.0.1:8080", false, "127.0.0.1:8080")).isTrue();
        assertThat(CsrfCheck.sameOrigin("https://localhost", true, "LOCALHOST:443")).isTrue();
        assertThat(CsrfCheck.sameOrigin("https://127.0.0.1:8080", false, "127.0.0.1:8080")).as("scheme").isFalse();
        assertThat(CsrfCheck.sameOrigin("http://127.0.0.1:8081", false, "127.0.0.1:8080")).isFalse();
        assertThat(CsrfCheck.sameOrigin("null", false, "127.0.0.1:8080")).isFalse();
        assertThat(CsrfCheck.changes("GET")).isFalse();
        assertThat(CsrfCheck.changes("PATCH")).isTrue();
    }
}
