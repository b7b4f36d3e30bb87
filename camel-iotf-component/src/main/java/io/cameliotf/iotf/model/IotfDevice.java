package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A registered device [3.1.3]. After {@code registerDevice} it also carries the generated token, {@link #getPassword()}
 * [3.1.6]: the only time the service returns it. The token is never shown by {@link #toString()}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfDevice implements IotfModel {

    private String uuid;
    private String type;
    private String id;
    private JsonNode metadata;
    private Registration registration;
    private String password;

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** The device's metadata, or null when it has none. */
    public JsonNode getMetadata() {
        return metadata;
    }

    public void setMetadata(JsonNode metadata) {
        this.metadata = metadata;
    }

    /** The metadata as a Map (empty when there is none). */
    @JsonIgnore
    @SuppressWarnings("unchecked")
    public Map<String, Object> getMetadataAsMap() {
        return metadata == null ? Map.of() : ModelJson.MAPPER.convertValue(metadata, Map.class);
    }

    public Registration getRegistration() {
        return registration;
    }

    public void setRegistration(Registration registration) {
        this.registration = registration;
    }

    /** The generated token, set after a registration only. */
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public String toString() {
        return "IotfDevice[" + uuid + (password == null ? "" : ", token ****") + "]";
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

    /** The identity that registered a device: an id and its type. */
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
}
