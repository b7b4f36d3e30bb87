package io.cameliotf.iotf.mgmt;

/**
 * A device management request the service refused (its rc was not 200) or did not answer in time (mgmtTimeout)
 * [later §3.5.2]: names the operation, the device, the rc and the service's message.
 */
public class IotfMgmtException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String deviceType;
    private final String deviceId;
    private final Integer rc;
    private final String serviceMessage;

    public IotfMgmtException(String message, String operation, MgmtTarget target, Integer rc, String serviceMessage) {
        super(message);
        this.operation = operation;
        this.deviceType = target.deviceType();
        this.deviceId = target.deviceId();
        this.rc = rc;
        this.serviceMessage = serviceMessage;
    }

    /** The operation: manage, unmanage, updateLocation, addLog, clearLogs, addErrorCode, clearErrorCodes, notify. */
    public String getOperation() {
        return operation;
    }

    public String getDeviceType() {
        return deviceType;
    }

    public String getDeviceId() {
        return deviceId;
    }

    /** The service's rc, or null when it did not answer in time. */
    public Integer getRc() {
        return rc;
    }

    /** The service's message, when it sent one. */
    public String getServiceMessage() {
        return serviceMessage;
    }

    /** True when the service did not answer within mgmtTimeout. */
    public boolean isTimeout() {
        return rc == null;
    }
}
