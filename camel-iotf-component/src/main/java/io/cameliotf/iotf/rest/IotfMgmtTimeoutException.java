package io.cameliotf.iotf.rest;

import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.model.IotfMgmtDeviceStatus;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A device management request did not complete in the time {@code iotf:registry} waited for it (awaitCompletion or
 * awaitMgmtRequest, bounded by mgmtRequestTimeout): which request, and which of its devices are still in progress.
 * The request goes on at the service (a device that was offline may still act on it later, later contract 2.14);
 * follow it with awaitMgmtRequest or getMgmtRequestDeviceStatus, or cancel it.
 */
public class IotfMgmtTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How many devices still in progress the message names; the rest are counted. */
    private static final int NAMED = 10;

    private final String requestId;
    private final transient List<IotfMgmtDeviceStatus> inProgress;
    private final transient List<IotfMgmtDeviceStatus> devices;

    public IotfMgmtTimeoutException(String requestId, String action, long waitedMillis,
            List<IotfMgmtDeviceStatus> devices) {
        this(requestId, action, waitedMillis, devices, devices.stream().filter(d -> !d.isComplete()).toList());
    }

    private IotfMgmtTimeoutException(String requestId, String action, long waitedMillis,
            List<IotfMgmtDeviceStatus> devices, List<IotfMgmtDeviceStatus> inProgress) {
        super("The management request " + requestId + (action == null ? "" : " (" + action + ")") + " did not complete "
                + "within " + waitedMillis + " ms (the option mgmtRequestTimeout): " + inProgress.size() + " of "
                + devices.size() + " devices still in progress: " + names(inProgress) + ". Raise mgmtRequestTimeout, "
                + "or follow the request later with awaitMgmtRequest or getMgmtRequestDeviceStatus and the header "
                + IotfConstants.MGMT_REQUEST_ID + "=" + requestId + ", or cancel it with cancelMgmtRequest "
                + "[later contract 2.14]");
        this.requestId = requestId;
        this.devices = devices;
        this.inProgress = inProgress;
    }

    private static String names(List<IotfMgmtDeviceStatus> devices) {
        String named = devices.stream().limit(NAMED).map(d -> d.getTypeId() + "/" + d.getDeviceId())
                .collect(Collectors.joining(", "));
        return devices.size() > NAMED ? named + " and " + (devices.size() - NAMED) + " more" : named;
    }

    public String getRequestId() {
        return requestId;
    }

    /** The devices not yet complete when the wait ended. */
    public List<IotfMgmtDeviceStatus> getInProgress() {
        return inProgress;
    }

    /** Every device of the request, as it stood when the wait ended. */
    public List<IotfMgmtDeviceStatus> getDevices() {
        return devices;
    }
}
