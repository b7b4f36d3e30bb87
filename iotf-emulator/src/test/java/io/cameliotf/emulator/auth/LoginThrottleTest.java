package io.cameliotf.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The throttle's numbers, on a clock of its own (the service-level behaviour is in CredentialGuessingTest). */
class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginThrottle throttle = new LoginThrottle(LoginThrottle.Settings.DEFAULT, now::get);

    @Test
    void afterFiveFreeFailuresEachRefusalWaitsTwiceAsLongUpToTheCap() {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LoginThrottle.Attempt a = throttle.attempt("a-org1-key0000001", "10.0.0." + i);
            delays.add(a.refused());
            a.answered();
            now.addAndGet(10);
        }
        assertThat(delays).containsExactly(0L, 0L, 0L, 0L, 0L, 250L, 500L, 1_000L, 2_000L, 4_000L, 8_000L, 8_000L);
    }

    @Test
    void anAddressIsThrottledAcrossIdentitiesAfterItsOwnFreeFailures() {
        long delay = 0;
        for (int i = 0; i < 31; i++) {
            LoginThrottle.Attempt a = throttle.attempt("a-org1-guess" + i, "10.1.1.1");
            delay = a.refused();
            a.answered();
        }
        assertThat(delay).as("the 31st failure from one address").isEqualTo(250);
        assertThat(refuse("a-org1-other", "10.1.1.2")).as("another address, another identity").isZero();
    }

    @Test
    void failuresAreForgottenWithTime() {
        for (int i = 0; i < 8; i++) {
            refuse("d:org1:t:i", "10.2.0." + i);
        }
        assertThat(refuse("d:org1:t:i", "10.2.1.1")).as("the 9th failure").isEqualTo(2_000);
        now.addAndGet(5 * 60_000); // five half-lives: 9 failures count as 0.3
        assertThat(refuse("d:org1:t:i", "10.2.1.2")).isZero();
    }

    @Test
    void manyWaitingRefusalsMakeTheNextLoginBusyUntilTheyAreAnswered() {
        List<LoginThrottle.Attempt> held = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            LoginThrottle.Attempt a = throttle.attempt("a-org1-busy000000", "10.3.0." + i);
            assertThat(a.busy()).isFalse();
            if (a.refused() > 0) {
                held.add(a); // the first 5 are answered at once, the next 4 are held back
            }
        }
        assertThat(held).hasSize(4);
        assertThat(throttle.attempt("a-org1-busy000000", "10.3.1.1").busy()).isTrue();
        assertThat(throttle.attempt("a-org1-other00000", "10.3.1.1").busy()).as("another identity").isFalse();
        held.get(0).answered();
        held.get(0).answered(); // twice changes nothing
        assertThat(throttle.attempt("a-org1-busy000000", "10.3.1.1").busy()).isFalse();
    }

    @Test
    void theStateIsBoundedOldestFirst() {
        LoginThrottle small = new LoginThrottle(new LoginThrottle.Settings(5, 30, 250, 8_000, 60_000, 4, 32, 100), now::get);
        for (int i = 0; i < 10; i++) {
            small.attempt("a-org1-target0000", "10.4.0.1").refused();
        }
        for (int i = 0; i < 500; i++) {
            small.attempt("a-org1-k" + i, null);
        }
        assertThat(small.tracked()).isEqualTo(100);
        assertThat(small.attempt("a-org1-target0000", "10.4.0.2").refused()).as("forgotten: counted afresh").isZero();
    }

    @Test
    void offNeverDelays() {
        LoginThrottle off = new LoginThrottle(LoginThrottle.Settings.OFF, now::get);
        for (int i = 0; i < 100; i++) {
            LoginThrottle.Attempt a = off.attempt("a-org1-x", "10.5.0.1");
            assertThat(a.busy()).isFalse();
            assertThat(a.refused()).isZero();
        }
    }

    private long refuse(String identity, String address) {
        LoginThrottle.Attempt a = throttle.attempt(identity, address);
        long delay = a.refused();
        a.answered();
        return delay;
    }
}
