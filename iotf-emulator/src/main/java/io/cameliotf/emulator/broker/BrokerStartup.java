package io.cameliotf.emulator.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for the embedded broker to start, and says what to do when it does not. HiveMQ opens its persistence before
 * anything else, and a store left damaged by a full disk or a crash can make it wait forever without a word: the
 * wait is bounded, a slow start is logged while it lasts, and a start that runs out of time names the broker's
 * folder.
 */
public final class BrokerStartup {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerStartup.class);
    /** When a start still running is worth a line in the log: a healthy one takes a few seconds. */
    private static final Duration SLOW = Duration.ofSeconds(15);

    private BrokerStartup() {
    }

    /**
     * Waits until {@code started} completes.
     *
     * @param brokerData the broker's folder in the data directory, or null when nothing is kept (no --data)
     * @throws BrokerStartException when it has not started within {@code timeout}
     * @throws ExecutionException when the broker's start failed
     */
    public static void await(CompletableFuture<Void> started, Duration timeout, Path brokerData)
            throws InterruptedException, ExecutionException {
        long first = Math.min(SLOW.toNanos(), timeout.toNanos());
        if (finished(started, first)) {
            return;
        }
        if (first < timeout.toNanos()) {
            LOG.warn("The broker has not started after {} s{}; waiting up to {} s (--start-timeout)", SLOW.toSeconds(),
                    brokerData == null ? "" : ": it is still opening its files in " + brokerData, timeout.toSeconds());
            if (finished(started, timeout.toNanos() - first)) {
                return;
            }
        }
        throw new BrokerStartException(notStarted(timeout, brokerData));
    }

    private static boolean finished(CompletableFuture<Void> started, long nanos)
            throws InterruptedException, ExecutionException {
        try {
            started.get(nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    static String notStarted(Duration timeout, Path brokerData) {
        String message = "The broker did not start within " + timeout.toSeconds() + " s (--start-timeout)";
        if (brokerData == null) {
            return message;
        }
        return message + ". It was still opening its sessions and queued messages in " + brokerData + ": a store "
                + "there damaged by a full disk or a crash makes HiveMQ wait forever. The registry and the historian "
                + "(iotf.mv.db beside it) are not affected: move " + brokerData + " away to start without the broker's "
                + "sessions, subscriptions and queued messages, or restore it from a backup";
    }

    /** The broker did not start in time; the message says where to look. */
    public static final class BrokerStartException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BrokerStartException(String message) {
            super(message);
        }
    }
}
