package io.cameliotf.emulator.store;

import java.time.Instant;

/**
 * Where one device of a device management request is (later contract 2.14).
 *
 * @param status 0 success, 1 in progress, 2 failure, 3 timed out
 * @param rc the device's last response code, or null
 * @param message why it failed (the device's message, or the service's), or null
 * @param step the step of the action's flow the device is at (the flow's own name)
 * @param pendingReqId the {@code reqId} of the service's message the device is to answer, or null
 */
public record RequestDevice(String requestId, String org, String type, String id, int status, boolean complete,
        Integer rc, String message, String step, String pendingReqId, Instant updated) {

    public static final int SUCCESS = 0;
    public static final int IN_PROGRESS = 1;
    public static final int FAILURE = 2;
    public static final int TIMED_OUT = 3;

    /** At {@code newStep}, waiting for the answer to {@code reqId} (null: to nothing). */
    public RequestDevice at(String newStep, String reqId, Instant now) {
        return new RequestDevice(requestId, org, type, id, IN_PROGRESS, false, rc, message, newStep, reqId, now);
    }

    /** Done with {@code newStatus}. */
    public RequestDevice done(int newStatus, Integer newRc, String newMessage, Instant now) {
        return new RequestDevice(requestId, org, type, id, newStatus, true, newRc, newMessage, step, null, now);
    }

    public RequestDevice withRc(Integer newRc) {
        return new RequestDevice(requestId, org, type, id, status, complete, newRc, message, step, pendingReqId,
                updated);
    }
}
