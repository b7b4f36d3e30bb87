package io.cameliotf.iotf.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The reconnect loop must survive a failure reported while its attempt still runs. Paho reports a failed connect on
 * its own thread, and on a busy machine that can happen before the attempt has returned; some failures are thrown by
 * the attempt itself. Both asked for the next attempt while the running one still counted as waiting, so the next one
 * was never scheduled, and the connection never came back (BrokerRestartTest failed that way on a loaded machine).
 */
class ReconnectScheduleTest {

    @Test
    void anAttemptThatAsksForTheNextWhileItRunsGetsIt() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch fifth = new CountDownLatch(1);
        ReconnectSchedule[] schedule = new ReconnectSchedule[1];
        // maxReconnectDelay 1 ms: the backoff is not what is tested here
        schedule[0] = new ReconnectSchedule(scheduler, 1, () -> {
            if (attempts.incrementAndGet() == 5) {
                fifth.countDown();
            } else {
                schedule[0].next(); // the failure, reported before the attempt returns
            }
        });
        try {
            schedule[0].next();
            assertThat(fifth.await(10, TimeUnit.SECONDS)).as("five attempts in a row, each asked for by the one "
                    + "before; got " + attempts.get()).isTrue();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void onlyOneAttemptWaitsAtATime() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        ReconnectSchedule schedule = new ReconnectSchedule(scheduler, 1, () -> {
            attempts.incrementAndGet();
            ran.countDown();
        });
        try {
            assertThat(schedule.schedule(50)).isTrue();
            assertThat(schedule.schedule(0)).as("a second one while the first waits").isFalse();
            schedule.next();
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            // the marker: an attempt scheduled after the first ran, and run after anything else that was scheduled
            CountDownLatch marker = new CountDownLatch(1);
            scheduler.schedule(marker::countDown, 100, TimeUnit.MILLISECONDS);
            assertThat(marker.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(attempts.get()).isEqualTo(1);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void backoffDoublesFromOneSecondUpToTheMaximum() {
        assertThat(ReconnectSchedule.backoff(0, 30_000)).isEqualTo(1_000);
        assertThat(ReconnectSchedule.backoff(1, 30_000)).isEqualTo(2_000);
        assertThat(ReconnectSchedule.backoff(4, 30_000)).isEqualTo(16_000);
        assertThat(ReconnectSchedule.backoff(5, 30_000)).isEqualTo(30_000);
        assertThat(ReconnectSchedule.backoff(40, 30_000)).isEqualTo(30_000);
    }
}
