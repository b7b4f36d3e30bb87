package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A device type [3.1.5; later contract 2.2]: its {@code id}, and in v0002 its {@code description}, {@code classId}
 * (Device or Gateway), the {@code deviceInfo} template and {@code metadata} of new devices, and when it was created
 * and updated; in v0001 (where {@code listDeviceTypes} is all there is) the number of its devices, {@code count}.
 * The body of {@code createDeviceType} and {@code updateDeviceType}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfDeviceType implements IotfModel {

    @JsonAlias("deviceType")
    private String id;
    private String description;
    private String classId;
    private IotfDeviceInfo deviceInfo;
    private JsonNode metadata;
    private OffsetDateTime createdDateTime;
    private OffsetDateTime updatedDateTime;
    private Integer count;

    public IotfDeviceType() {
    }

    /** A device type to create, with its id. */
    public IotfDeviceType(String id) {
        this.id = id;
    }

    /** The type's id (v0001 calls it deviceType). */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    /** Device or Gateway (Device when created without one). */
    public String getClassId() {
        return classId;
    }

    public void setClassId(String classId) {
        this.classId = classId;
    }

    public IotfDeviceInfo getDeviceInfo() {
        return deviceInfo;
    }

    public void setDeviceInfo(IotfDeviceInfo deviceInfo) {
        this.deviceInfo = deviceInfo;
    }

    public JsonNode getMetadata() {
        return metadata;
    }

    public void setMetadata(JsonNode metadata) {
        this.metadata = metadata;
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

    /** How many devices the type has: v0001 only (null in v0002, whose lists count with meta.totalRows). */
    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    /** API v0001's name of {@link #getId()}. */
    @JsonIgnore
    public String getDeviceType() {
        return id;
    }

    @Override
    public String toString() {
        return "IotfDeviceType[" + id + (count == null ? "" : ": " + count) + "]";
    }
}
