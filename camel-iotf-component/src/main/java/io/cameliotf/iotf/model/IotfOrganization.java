package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;

/** An organization, as {@code iotf:registry?operation=getOrganization} returns it [3.1.2]. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class IotfOrganization implements IotfModel {

    private String id;
    private String name;
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
