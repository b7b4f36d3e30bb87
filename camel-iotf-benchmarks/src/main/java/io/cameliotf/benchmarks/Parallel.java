package io.cameliotf.benchmarks;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Load generators: each task on a thread of its own, all started together, waited for together. */
final class Parallel {

    interface Task {
        void run() throws Exception;
    }

    private Parallel() {
    }

    /** Runs every task on its own thread and returns once all have ended; returns how many failed. */
    static int run(List<Task> tasks) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(tasks.size());
        AtomicInteger failures = new AtomicInteger();
        for (Task task : tasks) {
            new Thread(() -> {
                try {
                    task.run();
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.err.println("A load generator failed: " + e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        return failures.get();
    }
}
