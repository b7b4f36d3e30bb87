package io.cameliotf.iotf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.model.IotfMgmtDeviceStatus;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a management request until it is complete, so a route needs no polling of its own (later contract 2.14):
 * the request's {@code complete} flag is polled (one small call however many devices it has), from 100 ms apart up to
 * 2 s apart, and once it is complete the status of every device is read. The answer is the devices' statuses, with
 * how many did not succeed in the CamelIotfMgmtFailures header; past mgmtRequestTimeout an
 * {@link IotfMgmtTimeoutException} names the devices still in progress.
 */
final class MgmtCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(MgmtCompletion.class);
    private static final long FIRST_POLL_MILLIS = 100;
    private static final long MAX_POLL_MILLIS = 2_000;

    private final IotfRestClient rest;
    private final ListPages lists;

    MgmtCompletion(IotfRestClient rest, ListPages lists) {
        this.rest = rest;
        this.lists = lists;
    }

    /** The statuses of every device of request {@code id} once it is complete; {@code action} for the messages. */
    List<IotfMgmtDeviceStatus> await(RegistryRequest r, String id, String action) throws IOException {
        String path = MgmtRequests.path(id);
        long timeout = r.mgmtRequestTimeout();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        long pause = FIRST_POLL_MILLIS;
        while (true) {
            JsonNode request = rest.get(path, Map.of(), Map.of()).json();
            String named = action != null ? action : request == null ? null : request.path("action").asText(null);
            JsonNode complete = request == null ? null : request.get("complete");
            List<IotfMgmtDeviceStatus> devices = null;
            if (complete == null || !complete.isBoolean()) { // the contract leaves the fields unconfirmed: ask each
                devices = statuses(r, path);
                if (devices.stream().allMatch(IotfMgmtDeviceStatus::isComplete)) {
                    return answer(r, id, devices);
                }
            } else if (complete.asBoolean()) {
                return answer(r, id, statuses(r, path));
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new IotfMgmtTimeoutException(id, named, timeout, devices != null ? devices : statuses(r, path));
            }
            sleep(Math.min(pause, left));
            pause = Math.min(pause * 2, MAX_POLL_MILLIS);
        }
    }

    private List<IotfMgmtDeviceStatus> statuses(RegistryRequest r, String path) {
        return lists.all(r, path + "/deviceStatus", IotfMgmtDeviceStatus.class);
    }

    private static List<IotfMgmtDeviceStatus> answer(RegistryRequest r, String id, List<IotfMgmtDeviceStatus> devices) {
        int failures = (int) devices.stream().filter(d -> d.getOutcome() != IotfMgmtDeviceStatus.Outcome.SUCCESS).count();
        r.message().setHeader(IotfConstants.MGMT_REQUEST_ID, id);
        r.message().setHeader(IotfConstants.MGMT_FAILURES, failures);
        LOG.debug("Management request {} complete: {} of {} devices did not succeed", id, failures, devices.size());
        return devices;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a management request to complete", e);
        }
    }
}
