package io.cameliotf.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A run's counts, duration and latencies, and medians over runs. */
final class Stats {

    final AtomicLong received = new AtomicLong();
    private final long[] latencies;
    private final AtomicLong recorded = new AtomicLong();
    volatile long firstNanos;
    volatile long lastNanos;

    Stats(int capacity) {
        latencies = new long[capacity];
    }

    /** A message arrived, sent at {@code sentAt}. */
    void arrived(long sentAt) {
        long now = System.nanoTime();
        received.incrementAndGet();
        lastNanos = now;
        long i = recorded.getAndIncrement();
        if (i < latencies.length) {
            latencies[(int) i] = now - sentAt;
        }
    }

    double rate(long startNanos) {
        return received.get() / Math.max(1e-9, (lastNanos - startNanos) / 1e9);
    }

    /** The p-th percentile latency in milliseconds. */
    double latencyMillis(double p) {
        int n = (int) Math.min(recorded.get(), latencies.length);
        if (n == 0) {
            return Double.NaN;
        }
        long[] copy = Arrays.copyOf(latencies, n);
        Arrays.sort(copy);
        return copy[Math.min(n - 1, (int) Math.ceil(p / 100.0 * n) - 1)] / 1e6;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Waits until {@code expected} arrived or nothing arrived for {@code quietMillis}. */
    void await(long expected, long quietMillis) throws InterruptedException {
        long lastCount = -1;
        long quietSince = System.nanoTime();
        while (received.get() < expected) {
            long now = received.get();
            if (now != lastCount) {
                lastCount = now;
                quietSince = System.nanoTime();
            } else if ((System.nanoTime() - quietSince) / 1_000_000 > quietMillis) {
                return;
            }
            Thread.sleep(2);
        }
    }
}
