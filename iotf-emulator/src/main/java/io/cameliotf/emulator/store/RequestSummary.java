package io.cameliotf.emulator.store;

import java.time.Instant;
import java.util.Map;

/**
 * Where the devices of one device management request are (later contract 2.14).
 *
 * @param byStatus how many devices have each status (0 success, 1 in progress, 2 failure, 3 timed out)
 * @param complete how many devices are complete
 * @param updated when a device's entry last changed
 */
public record RequestSummary(Map<Integer, Long> byStatus, long complete, Instant updated) {

    public long total() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Complete when every device is. */
    public boolean isComplete() {
        return complete == total();
    }

    /** The request's status: in progress while a device is, else failure, timed out or success, in that order. */
    public int status() {
        for (int s : new int[] {RequestDevice.IN_PROGRESS, RequestDevice.FAILURE, RequestDevice.TIMED_OUT}) {
            if (byStatus.getOrDefault(s, 0L) > 0) {
                return s;
            }
        }
        return RequestDevice.SUCCESS;
    }
}
