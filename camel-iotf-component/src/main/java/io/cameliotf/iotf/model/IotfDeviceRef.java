package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A device named by its type and id (later contract 2.14): one of the devices of a management request. Written as
 * {@code {"typeId": ..., "deviceId": ...}}; {@link #parse(String)} reads the short form {@code type/id}, which
 * {@link #toString()} writes.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfDeviceRef implements IotfModel {

    private String typeId;
    private String deviceId;

    public IotfDeviceRef() {
    }

    public IotfDeviceRef(String typeId, String deviceId) {
        this.typeId = typeId;
        this.deviceId = deviceId;
    }

    /** A device of the form {@code type/id}; anything else is an error naming {@code what}. */
    public static IotfDeviceRef parse(String typeSlashId, String what) {
        int slash = typeSlashId == null ? -1 : typeSlashId.indexOf('/');
        if (slash <= 0 || slash == typeSlashId.length() - 1 || typeSlashId.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException(what + " '" + typeSlashId + "' is not a device of the form "
                    + "typeId/deviceId");
        }
        return new IotfDeviceRef(typeSlashId.substring(0, slash), typeSlashId.substring(slash + 1));
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
    public boolean equals(Object o) {
        return o instanceof IotfDeviceRef && o.getClass() == getClass()
                && Objects.equals(typeId, ((IotfDeviceRef) o).typeId)
                && Objects.equals(deviceId, ((IotfDeviceRef) o).deviceId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(typeId, deviceId);
    }

    /** {@code type/id}. */
    @Override
    public String toString() {
        return typeId + "/" + deviceId;
    }
}
