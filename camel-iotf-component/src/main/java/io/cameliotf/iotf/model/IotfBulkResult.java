package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of one device of {@code addDevices} or {@code removeDevices} (later contract 2.4): whether it
 * succeeded, why not (the service's message, when it gives one), and after an addition the device's token.
 * {@link #toString()} never shows the token.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfBulkResult implements IotfModel {

    private String typeId;
    private String deviceId;
    private String authToken;
    private boolean success;
    private String message;

    public String getTypeId() {
        return typeId;
    }

    public void setTypeId(String typeId) {
        this.typeId = typeId;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    /** The added device's token (additions only). */
    public String getAuthToken() {
        return authToken;
    }

    public void setAuthToken(String authToken) {
        this.authToken = authToken;
    }

    public boolean isSuccess() {
        return success;
    }

    public void setSuccess(boolean success) {
        this.success = success;
    }

    /** Why the device failed, when the service says. */
    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    @Override
    public String toString() {
        return "IotfBulkResult[" + typeId + ":" + deviceId + (success ? " ok" : " failed" + (message == null ? ""
                : ": " + message)) + (authToken == null ? "" : ", token ****") + "]";
    }
}
