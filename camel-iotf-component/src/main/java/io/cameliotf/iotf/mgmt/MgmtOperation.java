package io.cameliotf.iotf.mgmt;

/** What an iotf:device-management producer sends [later §3.5.1, §3.5.3, §3.5.4], with its topic's op part. */
public enum MgmtOperation {
    /** Become managed: the body is the manage request's d (lifetime, supports, deviceInfo, metadata), or none. */
    manage("mgmt/manage"),
    /** Stop being managed. */
    unmanage("mgmt/unmanage"),
    /** Report the location: latitude and longitude required, elevation, accuracy, measuredDateTime. */
    updateLocation("device/update/location"),
    /** Add a diagnostic log entry: message, severity (0-2), data (base64), timestamp. */
    addLog("add/diag/log"),
    /** Clear the diagnostic log. */
    clearLogs("clear/diag/log"),
    /** Add a diagnostic error code: errorCode. */
    addErrorCode("add/diag/errorCodes"),
    /** Clear the diagnostic error codes. */
    clearErrorCodes("clear/diag/errorCodes");

    /** The names, as the option lists them. */
    public static final String NAMES = "manage,unmanage,updateLocation,addLog,clearLogs,addErrorCode,clearErrorCodes";

    private final String op;

    MgmtOperation(String op) {
        this.op = op;
    }

    /** The op part of the topic: iotdevice-1/&lt;op&gt;. */
    public String op() {
        return op;
    }

    /** True for the operations that carry no d. */
    boolean withoutData() {
        return this == unmanage || this == clearLogs || this == clearErrorCodes;
    }
}
