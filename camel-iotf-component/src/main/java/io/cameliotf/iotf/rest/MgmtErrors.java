package io.cameliotf.iotf.rest;

import io.cameliotf.iotf.IotfConstants;

/**
 * What an error of the device management API means for the operation that met it, and what to fix (later contract
 * 2.6, 2.7, 2.14): the service only says the status and its message id.
 */
final class MgmtErrors {

    private MgmtErrors() {
    }

    /** {@code e} explained for {@code r}'s operation, or {@code e} as it is when there is nothing to add. */
    static IotfApiException explain(IotfApiException e, RegistryRequest r, String subject) {
        String hint = hint(e.getStatusCode(), r.operation(), subject);
        return hint == null ? e : e.explained(hint);
    }

    /**
     * @param subject what the call was about: the action (initiateMgmtRequest), the request id, or the device
     */
    private static String hint(int status, RegistryOperation operation, String subject) {
        switch (operation) {
            case initiateMgmtRequest:
                if (status == 403) {
                    return "one or more of the devices are not managed, or do not support the action " + subject
                            + ": a device takes "
                            + "device/reboot and device/factoryReset when its manage request says "
                            + "supports.deviceActions, firmware/* with supports.firmwareActions, bundleId/actionId "
                            + "with supports.bundleId, and only while it is managed (getDeviceMgmt shows what a "
                            + "device supports) [later contract 2.14, 3.5.3]";
                }
                if (status == 404) {
                    return "one or more of the devices are not registered: fix the devices of the body, or register "
                            + "them first [later contract 2.14]";
                }
                if (status == 400) {
                    return "the request is not valid: check the action " + subject + " (the option mgmtAction, the "
                            + "header " + IotfConstants.MGMT_ACTION + " or the body's action), its parameters "
                            + "(firmware/download needs uri) and the devices (firmware/update: all of one type) "
                            + "[later contract 2.14, 3.5.7]";
                }
                if (status == 409) {
                    return "a firmware request still in progress for one of the devices blocks this one: set "
                            + "mgmtOverride=true to cancel it [later contract 2.14, 3.5.7]";
                }
                return null;
            case listMgmtRequests:
                return null;
            case getMgmtRequest:
            case getMgmtRequestDeviceStatus:
            case cancelMgmtRequest:
            case deleteMgmtRequest:
            case awaitMgmtRequest:
                return status == 404 ? "there is no management request " + subject + " (the header "
                        + IotfConstants.MGMT_REQUEST_ID + "), or not for that device: the id is wrong, or the request "
                        + "was deleted [later contract 2.14]" : null;
            case getDeviceMgmt:
                return status == 404 ? "the device " + subject + " is not managed, or not registered: the service "
                        + "holds its management state from its manage request until it unmanages or turns dormant "
                        + "[later contract 2.6, 3.5.3]" : null;
            case addDiagLog:
                return status == 400 ? "the log entry is not valid: message is required, severity is 0 (info), 1 "
                        + "(warning) or 2 (error), data is base64 [later contract 2.7]" : notFound(status, subject);
            case addDiagErrorCode:
                return status == 400 ? "the error code is not valid: errorCode is an integer [later contract 2.7]"
                        : notFound(status, subject);
            case getDiagLog:
            case deleteDiagLog:
                return status == 404 ? "the device " + subject + " has no log entry of that id (the header "
                        + IotfConstants.DIAG_LOG_ID + "), or is not registered [later contract 2.7]" : null;
            default:
                return notFound(status, subject);
        }
    }

    private static String notFound(int status, String device) {
        return status == 404 ? "the device " + device + " is not registered [later contract 2.7]" : null;
    }
}
