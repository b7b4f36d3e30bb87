package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * An organization, as {@code iotf:registry?operation=getOrganization} returns it [3.1.2; later contract 2.1]: in
 * v0002 also whether it is enabled, its plan type and its configuration (historian).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfOrganization implements IotfModel {

    private String id;
    private String name;
    private Boolean enabled;
    private String type;
    private JsonNode config;
    private OffsetDateTime created;
    private OffsetDateTime updated;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** v0002: false when the organization is disabled (every call refused, messaging off). */
    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    /** v0002: the plan, for example Trial or Subscription. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** v0002: the organization's configuration, for example config.historian.enabled and retention. */
    public JsonNode getConfig() {
        return config;
    }

    public void setConfig(JsonNode config) {
        this.config = config;
    }

    public OffsetDateTime getCreated() {
        return created;
    }

    public void setCreated(OffsetDateTime created) {
        this.created = created;
    }

    public OffsetDateTime getUpdated() {
        return updated;
    }

    public void setUpdated(OffsetDateTime updated) {
        this.updated = updated;
    }

    @Override
    public String toString() {
        return "IotfOrganization[" + id + ", " + name + "]";
    }
}
