package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * An error code a device reported (later contract 2.7): the code and when (the service's time when not given). As
 * the body of {@code addDiagErrorCode}, the code to add (an Integer body is the code too).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfDiagErrorCode implements IotfModel {

    private Integer errorCode;
    private OffsetDateTime timestamp;

    public IotfDiagErrorCode() {
    }

    public IotfDiagErrorCode(int errorCode) {
        this.errorCode = errorCode;
    }

    public Integer getErrorCode() {
        return errorCode;
    }

    public void setErrorCode(Integer errorCode) {
        this.errorCode = errorCode;
    }

    public OffsetDateTime getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(OffsetDateTime timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public String toString() {
        return "IotfDiagErrorCode[" + errorCode + (timestamp == null ? "" : " at " + timestamp) + "]";
    }
}
