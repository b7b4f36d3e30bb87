package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A registered device [3.1.3; later contract 2.3], in the later contract's names: {@code clientId}
 * (d:org:type:id), {@code typeId}, {@code deviceId}, {@code deviceInfo}, {@code metadata}, {@code registration},
 * {@code status}, and for devices behind a gateway {@code gatewayTypeId} and {@code gatewayId}. API v0001's names
 * ({@code uuid}, {@code type}, {@code id}, {@code password}) are read into the same fields and kept as getters, so a
 * route works against both versions. After {@code registerDevice} it carries the device's token,
 * {@link #getAuthToken()}: the only time the service returns it; {@link #toString()} never shows it.
 * <p>
 * As the body of {@code registerDevice} (v0002) it is the whole registration: deviceId, authToken (generated when
 * not set), deviceInfo, location, metadata; as the body of {@code updateDevice}, the new deviceInfo, metadata and
 * status; in {@code addDevices} and {@code removeDevices} lists, one device each.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfDevice implements IotfModel {

    @JsonAlias("uuid")
    private String clientId;
    @JsonAlias("type")
    private String typeId;
    @JsonAlias("id")
    private String deviceId;
    @JsonAlias("password")
    private String authToken;
    private IotfDeviceInfo deviceInfo;
    private JsonNode metadata;
    private IotfLocation location;
    private Registration registration;
    private Status status;
    private String gatewayTypeId;
    private String gatewayId;

    public IotfDevice() {
    }

    /** A device to register or remove: its type and id. */
    public IotfDevice(String typeId, String deviceId) {
        this.typeId = typeId;
        this.deviceId = deviceId;
    }

    /** The device's client id, {@code d:<org>:<type>:<id>} (v0001 calls it uuid). */
    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /** The device type (v0001 calls it type). */
    public String getTypeId() {
        return typeId;
    }

    public void setTypeId(String typeId) {
        this.typeId = typeId;
    }

    /** The device id (v0001 calls it id). */
    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    /**
     * The device's token: after a registration, the one the service generated or was given; in a registration
     * request, the token to give the device (generated when null). v0001 calls it password.
     */
    public String getAuthToken() {
        return authToken;
    }

    public void setAuthToken(String authToken) {
        this.authToken = authToken;
    }

    public IotfDeviceInfo getDeviceInfo() {
        return deviceInfo;
    }

    public void setDeviceInfo(IotfDeviceInfo deviceInfo) {
        this.deviceInfo = deviceInfo;
    }

    /** The device's metadata, or null when it has none. */
    public JsonNode getMetadata() {
        return metadata;
    }

    public void setMetadata(JsonNode metadata) {
        this.metadata = metadata;
    }

    /** The metadata from a Map or POJO. */
    public void setMetadataFrom(Object metadata) {
        this.metadata = metadata == null ? null : ModelJson.MAPPER.valueToTree(metadata);
    }

    /** The metadata as a Map (empty when there is none). */
    @JsonIgnore
    @SuppressWarnings("unchecked")
    public Map<String, Object> getMetadataAsMap() {
        return metadata == null ? Map.of() : ModelJson.MAPPER.convertValue(metadata, Map.class);
    }

    /** The location: to register the device with; in answers only when asked for. */
    public IotfLocation getLocation() {
        return location;
    }

    public void setLocation(IotfLocation location) {
        this.location = location;
    }

    public Registration getRegistration() {
        return registration;
    }

    public void setRegistration(Registration registration) {
        this.registration = registration;
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    /** The type of the gateway the device is attached to, if any. */
    public String getGatewayTypeId() {
        return gatewayTypeId;
    }

    public void setGatewayTypeId(String gatewayTypeId) {
        this.gatewayTypeId = gatewayTypeId;
    }

    /** The id of the gateway the device is attached to, if any. */
    public String getGatewayId() {
        return gatewayId;
    }

    public void setGatewayId(String gatewayId) {
        this.gatewayId = gatewayId;
    }

    /** API v0001's name of {@link #getClientId()}. */
    @JsonIgnore
    public String getUuid() {
        return clientId;
    }

    /** API v0001's name of {@link #getTypeId()}. */
    @JsonIgnore
    public String getType() {
        return typeId;
    }

    /** API v0001's name of {@link #getDeviceId()}. */
    @JsonIgnore
    public String getId() {
        return deviceId;
    }

    /** API v0001's name of {@link #getAuthToken()}. */
    @JsonIgnore
    public String getPassword() {
        return authToken;
    }

    @Override
    public String toString() {
        String id = clientId != null ? clientId : typeId + ":" + deviceId;
        return "IotfDevice[" + id + (authToken == null ? "" : ", token ****") + "]";
    }

    /** Who registered the device, and when. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class Registration {
        private Auth auth;
        private OffsetDateTime date;

        public Auth getAuth() {
            return auth;
        }

        public void setAuth(Auth auth) {
            this.auth = auth;
        }

        public OffsetDateTime getDate() {
            return date;
        }

        public void setDate(OffsetDateTime date) {
            this.date = date;
        }
    }

    /** The identity that registered a device: an id and its type (apikey or person). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class Auth {
        private String id;
        private String type;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }
    }

    /** The device's status: its alert (later contract 2.3). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Status {
        private Alert alert;

        public Alert getAlert() {
            return alert;
        }

        public void setAlert(Alert alert) {
            this.alert = alert;
        }
    }

    /** Whether alerts are on for the device, and since when. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Alert {
        private Boolean enabled;
        private OffsetDateTime timestamp;

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        public OffsetDateTime getTimestamp() {
            return timestamp;
        }

        public void setTimestamp(OffsetDateTime timestamp) {
            this.timestamp = timestamp;
        }
    }
}
