package io.cameliotf.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every event of a load or soak run, by the unique sequence number in its payload: in which phase it was sent,
 * whether its publisher got the PUBACK, whether the historian holds it, and which receivers got it. With one bit per
 * event and receiver, "lost" (acknowledged but not stored) and "delivered" are exact, and duplicates (QoS 1 delivers
 * at least once) count once.
 */
final class Ledger {

    /** Where each event stands; a counted summary of one phase. */
    record Tally(String phase, int sent, int acked, int stored, int[] delivered, int lost, int[] ackedUndelivered) {
    }

    private static final byte[] PREFIX = "{\"d\":{\"seq\":".getBytes(StandardCharsets.US_ASCII);

    private final int capacity;
    private final byte[] phaseOf;
    private final List<String> phases = new ArrayList<>();
    private final List<String> receivers;
    private final BitSet sent = new BitSet();
    private final BitSet acked = new BitSet();
    private final BitSet stored = new BitSet();
    private final BitSet[] delivered;
    private final AtomicInteger next = new AtomicInteger();
    private volatile int phase;

    /**
     * @param capacity the most events a run may send (sequences past it are refused, so a run cannot outgrow its
     *        arrays)
     * @param receivers names of the receivers, in the order their index is given to {@link #delivered}
     */
    Ledger(int capacity, List<String> receivers) {
        this.capacity = capacity;
        this.phaseOf = new byte[capacity];
        this.receivers = List.copyOf(receivers);
        this.delivered = new BitSet[receivers.size()];
        for (int i = 0; i < delivered.length; i++) {
            delivered[i] = new BitSet();
        }
        phase("start");
    }

    /** Events sent from now on belong to a phase of this name. */
    synchronized void phase(String name) {
        if (phases.size() >= Byte.MAX_VALUE) {
            throw new IllegalStateException("too many phases");
        }
        phases.add(name);
        phase = phases.size() - 1;
    }

    List<String> receivers() {
        return receivers;
    }

    /** A new event's sequence number, or -1 when the run is at its capacity. */
    int newEvent() {
        int seq = next.getAndIncrement();
        if (seq >= capacity) {
            return -1;
        }
        phaseOf[seq] = (byte) phase;
        return seq;
    }

    /** An event's payload: an IoTF message with its sequence number first, so receivers can find it cheaply. */
    static byte[] payload(int seq) {
        return ("{\"d\":{\"seq\":" + seq + ",\"temp\":21.5,\"hum\":40.25,\"status\":\"ok\"},\"ts\":\"2026-11-25T16:28:19.123Z\"}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The sequence number in a payload made by {@link #payload}, or -1 for another payload. */
    static int seqOf(byte[] payload) {
        byte[] prefix = PREFIX;
        if (payload.length <= prefix.length) {
            return -1;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (payload[i] != prefix[i]) {
                return -1;
            }
        }
        int seq = 0;
        for (int i = prefix.length; i < payload.length && payload[i] >= '0' && payload[i] <= '9'; i++) {
            seq = seq * 10 + (payload[i] - '0');
        }
        return seq;
    }

    /** The event was handed to its publisher's client (not refused as not connected or over its window). */
    synchronized void sent(int seq) {
        sent.set(seq);
    }

    synchronized void acked(int seq) {
        acked.set(seq);
    }

    synchronized void stored(int seq) {
        if (seq >= 0 && seq < capacity) {
            stored.set(seq);
        }
    }

    /** Receiver {@code receiver} got event {@code seq}; true when it is the first time. */
    synchronized boolean delivered(int receiver, int seq) {
        if (seq < 0 || seq >= capacity || delivered[receiver].get(seq)) {
            return false;
        }
        delivered[receiver].set(seq);
        return true;
    }

    synchronized int deliveredCount(int receiver) {
        return delivered[receiver].cardinality();
    }

    synchronized int ackedCount() {
        return acked.cardinality();
    }

    synchronized int sentCount() {
        return sent.cardinality();
    }

    /** The first {@code max} events acknowledged but not stored, each as "sequence (phase)", for a closer look. */
    synchronized List<String> lost(int max) {
        List<String> out = new ArrayList<>();
        for (int seq = acked.nextSetBit(0); seq >= 0 && out.size() < max; seq = acked.nextSetBit(seq + 1)) {
            if (!stored.get(seq)) {
                out.add(seq + " (" + phases.get(phaseOf[seq]) + ")");
            }
        }
        return out;
    }

    /** One tally per phase, then one for the whole run. */
    synchronized List<Tally> tallies() {
        int numbered = Math.min(next.get(), capacity);
        int n = phases.size();
        int[] s = new int[n + 1];
        int[] a = new int[n + 1];
        int[] st = new int[n + 1];
        int[][] d = new int[n + 1][receivers.size()];
        int[] lost = new int[n + 1];
        int[][] undelivered = new int[n + 1][receivers.size()];
        for (int seq = sent.nextSetBit(0); seq >= 0 && seq < numbered; seq = sent.nextSetBit(seq + 1)) {
            int p = phaseOf[seq];
            for (int row : new int[] {p, n}) {
                s[row]++;
                boolean isAcked = acked.get(seq);
                boolean isStored = stored.get(seq);
                a[row] += isAcked ? 1 : 0;
                st[row] += isStored ? 1 : 0;
                lost[row] += isAcked && !isStored ? 1 : 0;
                for (int r = 0; r < receivers.size(); r++) {
                    d[row][r] += delivered[r].get(seq) ? 1 : 0;
                    undelivered[row][r] += isAcked && !delivered[r].get(seq) ? 1 : 0;
                }
            }
        }
        List<Tally> out = new ArrayList<>();
        for (int p = 0; p <= n; p++) {
            if (p < n && s[p] == 0) {
                continue;
            }
            out.add(new Tally(p < n ? phases.get(p) : "all", s[p], a[p], st[p], d[p], lost[p],
                    undelivered[p]));
        }
        return out;
    }
}
