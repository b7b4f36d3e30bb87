package io.cameliotf.iotf.mqtt;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Recognises the commonest IoTF pitfall: two clients with the same client id, which the service lets take each
 * other over [5.3.1], so each connection is closed shortly after it was made.
 */
final class TakeOverDetector {

    /** A connection closed this soon after it was made counts as taken over. */
    static final long QUICK_LOSS_MILLIS = 10_000;
    static final long WINDOW_MILLIS = 120_000;
    static final int THRESHOLD = 3;

    private final Deque<Long> quickLosses = new ArrayDeque<>();

    /** What to log when take-overs repeat. */
    static String explain(String clientId) {
        return "The connection of client id " + clientId + " keeps being closed right after it is made: another client "
                + "is probably connected with the same client id, and the service allows only one connection per "
                + "client id [5.3.1]. Give each application its own appId (or use shared=true to share subscriptions "
                + "on purpose), and never run two instances of one device. If no other client uses it, the service "
                + "itself is closing the connection (a full disk on the service's side does that): see its log.";
    }

    /** Records a lost connection; true when quick losses have repeated often enough to report. */
    synchronized boolean lost(long connectedAtMillis, long nowMillis) {
        if (nowMillis - connectedAtMillis > QUICK_LOSS_MILLIS) {
            quickLosses.clear();
            return false;
        }
        quickLosses.addLast(nowMillis);
        while (!quickLosses.isEmpty() && nowMillis - quickLosses.peekFirst() > WINDOW_MILLIS) {
            quickLosses.removeFirst();
        }
        if (quickLosses.size() >= THRESHOLD) {
            quickLosses.clear();
            return true;
        }
        return false;
    }
}
