package io.cameliotf.iotf.mqtt;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When a connection's next attempt to connect runs: exponential backoff (1 s, 2 s, 4 s, ... up to the connection's
 * maxReconnectDelay), and never more than one attempt waiting.
 * <p>
 * An attempt counts as waiting only until it starts: a failure it reports (Paho reports a failed connect on its own
 * thread, possibly before the attempt has returned, and some failures are thrown by the attempt itself) must be able
 * to schedule the next one. Counting a running attempt as waiting lost the next one, and with it every later
 * reconnect, whenever Paho was quicker than the scheduler thread (a busy machine, a port nothing listens on).
 */
final class ReconnectSchedule {

    static final long BASE_DELAY_MILLIS = 1_000;

    private final ScheduledExecutorService scheduler;
    private final long maxDelayMillis;
    private final Runnable attempt;
    private int failedAttempts;
    private ScheduledFuture<?> waiting;
    private boolean closed;

    ReconnectSchedule(ScheduledExecutorService scheduler, long maxDelayMillis, Runnable attempt) {
        this.scheduler = scheduler;
        this.maxDelayMillis = maxDelayMillis;
        this.attempt = attempt;
    }

    /** The n-th delay (from 0) of the backoff: 1 s, 2 s, 4 s, ... at most {@code maxDelayMillis}. */
    static long backoff(int n, long maxDelayMillis) {
        return Math.min(maxDelayMillis, BASE_DELAY_MILLIS << Math.min(Math.max(n, 0), 16));
    }

    /** Schedules the next attempt after the backoff of the attempts made so far; no-op when one is waiting. */
    synchronized void next() {
        if (schedule(backoff(failedAttempts, maxDelayMillis))) {
            failedAttempts++;
        }
    }

    /** Schedules an attempt after {@code delayMillis}; no-op when one is waiting. */
    synchronized boolean schedule(long delayMillis) {
        if (closed || waiting != null) {
            return false;
        }
        try {
            waiting = scheduler.schedule(this::run, delayMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false; // the component is shutting down
        }
    }

    /** The backoff starts again from 1 s (a connection that lasted, or a deliberate reconnect). */
    synchronized void reset() {
        failedAttempts = 0;
    }

    /** No further attempts; a waiting one is cancelled. */
    synchronized void close() {
        closed = true;
        if (waiting != null) {
            waiting.cancel(false);
            waiting = null;
        }
    }

    private void run() {
        synchronized (this) {
            waiting = null; // from here on a failure may schedule the next attempt
            if (closed) {
                return;
            }
        }
        attempt.run();
    }
}
