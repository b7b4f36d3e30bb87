package io.cameliotf.iotf.rest;

import io.cameliotf.iotf.IotfApiVersion;

/**
 * The operations of {@code iotf:registry} [3.1, 4.3.8-4.3.10; later contract 2], and the API versions that have
 * them: API v0001 has the first seven, v0002 all.
 */
public enum RegistryOperation {
    /** The organization [3.1.2; 2.1]. */
    getOrganization(true),
    /** Every device, or those of one deviceType [3.1.3, 3.1.4; 2.3, 2.4]: a page in v0002. */
    listDevices(true),
    /** The device types [3.1.5; 2.2]: with their counts in v0001, a page of full types in v0002. */
    listDeviceTypes(true),
    /** Registers a device; the answer carries its token [3.1.6; 2.3]. */
    registerDevice(true),
    /** One device [3.1.8; 2.3]. */
    getDevice(true),
    /** Updates one device: its metadata (v0001, replaced), or its deviceInfo, metadata and status (v0002, merged). */
    updateDevice(true),
    /** Deletes one device [3.1.9; 2.3]. */
    deleteDevice(true),
    /** One device type (2.2). */
    getDeviceType(false),
    /** Creates a device type from the body (2.2). */
    createDeviceType(false),
    /** Updates a device type's description, deviceInfo and metadata from the body (2.2). */
    updateDeviceType(false),
    /** Deletes a device type (2.2). */
    deleteDeviceType(false),
    /** Registers the devices of the body's list, each succeeding or failing on its own (2.4). */
    addDevices(false),
    /** Deletes the devices of the body's list (2.4). */
    removeDevices(false),
    /** A device's location (2.5). */
    getDeviceLocation(false),
    /** Replaces a device's location with the body (2.5). */
    updateDeviceLocation(false),
    /** Whether a device is connected, as the service last saw it (2.9). */
    getConnectionState(false),
    /** The connection states of the organization's clients: a page (2.9). */
    listConnectionStates(false),
    /** A device's last event of one event id, from the last event cache (2.10). */
    getLastEvent(false),
    /** A device's last event of each event id (2.10). */
    getLastEvents(false),
    /** Creates an API key with the body's comment and roles; the answer carries its token (2.13). */
    createApiKey(false),
    /** The organization's API keys (2.13). */
    listApiKeys(false),
    /** Deletes the API key of the CamelIotfApiKey header (2.13). */
    deleteApiKey(false),
    /** A managed device's management state: what it supports, its firmware, when it turns dormant (2.6). */
    getDeviceMgmt(false),
    /** A device's diagnostic log entries, newest first (2.7). */
    getDiagLogs(false),
    /** Adds the body's entry to a device's diagnostic log (2.7). */
    addDiagLog(false),
    /** Clears a device's diagnostic log (2.7). */
    clearDiagLogs(false),
    /** One diagnostic log entry, of the CamelIotfDiagLogId header (2.7). */
    getDiagLog(false),
    /** Deletes one diagnostic log entry, of the CamelIotfDiagLogId header (2.7). */
    deleteDiagLog(false),
    /** A device's error codes, newest first (2.7). */
    getDiagErrorCodes(false),
    /** Adds the body's error code to a device's error codes (2.7). */
    addDiagErrorCode(false),
    /** Clears a device's error codes (2.7). */
    clearDiagErrorCodes(false),
    /**
     * Starts a device management action on the body's devices (2.14); the answer is the request (its id also in the
     * CamelIotfMgmtRequestId header), or with awaitCompletion the devices' outcomes.
     */
    initiateMgmtRequest(false),
    /** The management requests in progress or recently complete: a page (2.14). */
    listMgmtRequests(false),
    /** One management request, of the CamelIotfMgmtRequestId header (2.14). */
    getMgmtRequest(false),
    /** Where the devices of a management request stand: a page, or one device when deviceType and deviceId are set. */
    getMgmtRequestDeviceStatus(false),
    /** Cancels a management request: devices still in progress are cleared and it is complete (2.14). */
    cancelMgmtRequest(false),
    /** Deletes a management request and its status (2.14). */
    deleteMgmtRequest(false),
    /** Waits until a management request is complete and answers with the devices' outcomes (2.14). */
    awaitMgmtRequest(false);

    private final boolean inV0001;

    RegistryOperation(boolean inV0001) {
        this.inV0001 = inV0001;
    }

    /** Whether {@code version} of the API has this operation. */
    public boolean isIn(IotfApiVersion version) {
        return inV0001 || version == IotfApiVersion.v0002;
    }
}
