package io.cameliotf.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A console's live event stream as its lines arrive (Server-Sent Events): counts the {@code event: evt} messages it
 * delivers and adds up the {@code n} of its {@code event: dropped} messages, the events the service sampled away
 * (docs/emulator.md "The web console": at most 50 events a second a stream).
 */
final class LiveStream implements Flow.Subscriber<String> {

    final AtomicLong events = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    /** Clock seconds in which events arrived: the service samples per clock second, on the same clock. */
    final AtomicLong seconds = new AtomicLong();
    private long second = -1;
    private final CountDownLatch open = new CountDownLatch(1);
    private volatile Flow.Subscription subscription;
    private volatile Throwable failure;
    private volatile boolean closed;
    private String event = "message"; // the name of the message being read (one reader thread)

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (line.startsWith("event: ")) {
            event = line.substring("event: ".length());
            if (event.equals("evt")) {
                events.incrementAndGet();
                long now = System.currentTimeMillis() / 1000;
                if (now != second) {
                    second = now;
                    seconds.incrementAndGet();
                }
            }
        } else if (line.startsWith("data: ")) {
            if (event.equals("hello")) {
                open.countDown();
            } else if (event.equals("dropped")) {
                dropped(line.substring("data: ".length()));
            }
        } else if (line.isEmpty()) {
            event = "message";
        }
    }

    private void dropped(String data) {
        try {
            dropped.addAndGet(ApiV2Benchmark.JSON.readTree(data).get("n").asLong());
        } catch (java.io.IOException | RuntimeException e) {
            failure = new IllegalStateException("event: dropped without a count n: " + data, e);
        }
    }

    /** Fails if the stream broke or carried a message it should not have. */
    void check() {
        if (failure != null) {
            throw new IllegalStateException("the live stream failed", failure);
        }
    }

    @Override
    public void onError(Throwable t) {
        if (!closed) { // a cancelled stream ends with an error of its own
            failure = t;
        }
        open.countDown();
    }

    @Override
    public void onComplete() {
        open.countDown();
    }

    /** Events delivered plus events dropped: every event of the organization the stream was offered. */
    long accounted() {
        return events.get() + dropped.get();
    }

    void awaitOpen() throws InterruptedException {
        if (!open.await(10, TimeUnit.SECONDS) || failure != null) {
            throw new IllegalStateException("the live stream did not open", failure);
        }
    }

    /** Closes the connection, as a page that goes away does. */
    void close() {
        closed = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
