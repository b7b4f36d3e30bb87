package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A device management request (later contract 2.14): its id, the action (device/reboot, device/factoryReset,
 * firmware/download, firmware/update or bundleId/actionId), its parameters and devices, and whether it is complete.
 * The answer of {@code initiateMgmtRequest} (what was sent, with the id the service gave it), of
 * {@code getMgmtRequest} and the items of {@code listMgmtRequests}; as the body of {@code initiateMgmtRequest}, the
 * whole request. Fields the service adds and the contract leaves unconfirmed are kept only where named here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfMgmtRequest implements IotfModel {

    @JsonAlias("reqId")
    private String id;
    private String action;
    private List<IotfMgmtParameter> parameters;
    private List<IotfDeviceRef> devices;
    private Boolean complete;
    private Integer timeout;
    private OffsetDateTime createdDateTime;
    private OffsetDateTime updatedDateTime;

    public IotfMgmtRequest() {
    }

    public IotfMgmtRequest(String action, List<IotfDeviceRef> devices) {
        this.action = action;
        this.devices = devices;
    }

    /** The request id the service gave it (its reqId when initiated). */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public List<IotfMgmtParameter> getParameters() {
        return parameters;
    }

    public void setParameters(List<IotfMgmtParameter> parameters) {
        this.parameters = parameters;
    }

    /** The parameters as a Map of name to value, in order (empty when none). */
    @JsonIgnore
    public Map<String, String> getParametersAsMap() {
        Map<String, String> map = new LinkedHashMap<>();
        if (parameters != null) {
            parameters.forEach(p -> map.put(p.getName(), p.getValue()));
        }
        return map;
    }

    /** Sets the parameters from a Map of name to value. */
    public void setParametersFrom(Map<String, ?> values) {
        List<IotfMgmtParameter> list = new ArrayList<>();
        values.forEach((k, v) -> list.add(new IotfMgmtParameter(k, v == null ? null : String.valueOf(v))));
        this.parameters = list;
    }

    public List<IotfDeviceRef> getDevices() {
        return devices;
    }

    public void setDevices(List<IotfDeviceRef> devices) {
        this.devices = devices;
    }

    /** Whether every device is done (null when the service did not say). */
    public Boolean getComplete() {
        return complete;
    }

    public void setComplete(Boolean complete) {
        this.complete = complete;
    }

    /** The request's own timeout in seconds, when one was given: the service cancels it then. */
    public Integer getTimeout() {
        return timeout;
    }

    public void setTimeout(Integer timeout) {
        this.timeout = timeout;
    }

    public OffsetDateTime getCreatedDateTime() {
        return createdDateTime;
    }

    public void setCreatedDateTime(OffsetDateTime createdDateTime) {
        this.createdDateTime = createdDateTime;
    }

    public OffsetDateTime getUpdatedDateTime() {
        return updatedDateTime;
    }

    public void setUpdatedDateTime(OffsetDateTime updatedDateTime) {
        this.updatedDateTime = updatedDateTime;
    }

    @Override
    public String toString() {
        return "IotfMgmtRequest[" + id + " " + action + (devices == null ? "" : ", " + devices.size() + " devices")
                + (Boolean.TRUE.equals(complete) ? ", complete" : "") + "]";
    }
}
