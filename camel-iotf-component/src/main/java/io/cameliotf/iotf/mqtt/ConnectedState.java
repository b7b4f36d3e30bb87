package io.cameliotf.iotf.mqtt;

import java.util.concurrent.TimeUnit;

/** Whether a connection is up, and a wait for it to be (which ends early when the connection is closed for good). */
final class ConnectedState {

    private final Object signal = new Object();
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile long since = System.currentTimeMillis();

    boolean isConnected() {
        return connected;
    }

    boolean isClosed() {
        return closed;
    }

    /** Since when (epoch millis) the connection is up, or down. */
    long since() {
        return since;
    }

    void connected() {
        since = System.currentTimeMillis();
        connected = true;
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    void disconnected() {
        if (connected) {
            since = System.currentTimeMillis();
        }
        connected = false;
    }

    /** Closed for good: waits end. */
    void closed() {
        closed = true;
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** Waits until connected (or closed), at most {@code waitMillis}; true when connected. */
    boolean await(long waitMillis) {
        if (connected) {
            return true;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        synchronized (signal) {
            while (!connected && !closed) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                try {
                    signal.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return connected;
    }
}
