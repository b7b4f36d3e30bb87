package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * Where one device of a management request stands (later contract 2.14): the service's status code, whether the
 * device is done, and the device's own answer (its rc and message, when the service passes them on). The codes are
 * documented in the order Success, In progress, Failure, Time out, read here as 0, 1, 2 and 3 (the contract confirms
 * only 1); {@link #getOutcome()} names them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfMgmtDeviceStatus extends IotfDeviceRef {

    /** The status codes of 2.14, by their documented order. */
    public enum Outcome {
        SUCCESS, IN_PROGRESS, FAILURE, TIMEOUT, UNKNOWN;

        static Outcome of(Integer status) {
            return status == null || status < 0 || status > 3 ? UNKNOWN : values()[status];
        }
    }

    private Integer status;
    private Boolean complete;
    private Integer rc;
    private String message;
    private OffsetDateTime updatedDateTime;

    public Integer getStatus() {
        return status;
    }

    public void setStatus(Integer status) {
        this.status = status;
    }

    /** The status code by name. */
    @JsonIgnore
    public Outcome getOutcome() {
        return Outcome.of(status);
    }

    /** Whether this device is done, in success or not. */
    public boolean isComplete() {
        return Boolean.TRUE.equals(complete);
    }

    public void setComplete(Boolean complete) {
        this.complete = complete;
    }

    /** The device's response code (for example 202 to a reboot, 501 for an action it does not implement). */
    public Integer getRc() {
        return rc;
    }

    public void setRc(Integer rc) {
        this.rc = rc;
    }

    /** The device's or the service's message, when it gave one. */
    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public OffsetDateTime getUpdatedDateTime() {
        return updatedDateTime;
    }

    public void setUpdatedDateTime(OffsetDateTime updatedDateTime) {
        this.updatedDateTime = updatedDateTime;
    }

    /** {@code type/id: OUTCOME}. */
    @Override
    public String toString() {
        return super.toString() + ": " + getOutcome() + (message == null ? "" : " (" + message + ")");
    }
}
