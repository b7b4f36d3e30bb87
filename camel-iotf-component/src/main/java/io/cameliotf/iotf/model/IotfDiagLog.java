package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * A diagnostic log entry of a device (later contract 2.7): the message (required), the severity (0 info, 1 warning,
 * 2 error; more is refused), optional base64 data, and the timestamp (the service's time when not given). The
 * service sets the id and names the device. As the body of {@code addDiagLog}, the entry to add.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfDiagLog implements IotfModel {

    /** Severities of 2.7. */
    public static final int INFO = 0;
    public static final int WARNING = 1;
    public static final int ERROR = 2;

    private String id;
    private String message;
    private Integer severity;
    @JsonAlias("logData") // the device model's name for it (2.7)
    private String data;
    private OffsetDateTime timestamp;
    private String typeId;
    private String deviceId;

    public IotfDiagLog() {
    }

    public IotfDiagLog(String message, int severity) {
        this.message = message;
        this.severity = severity;
    }

    /** The id the service gave the entry (for getDiagLog and deleteDiagLog: the header CamelIotfDiagLogId). */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public Integer getSeverity() {
        return severity;
    }

    public void setSeverity(Integer severity) {
        this.severity = severity;
    }

    /** Diagnostic data, base64. */
    public String getData() {
        return data;
    }

    public void setData(String data) {
        this.data = data;
    }

    public OffsetDateTime getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(OffsetDateTime timestamp) {
        this.timestamp = timestamp;
    }

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

    @Override
    public String toString() {
        return "IotfDiagLog[" + id + ", severity " + severity + ": " + message + "]";
    }
}
