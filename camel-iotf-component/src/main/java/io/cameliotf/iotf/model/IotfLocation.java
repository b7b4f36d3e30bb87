package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * Where a device is (later contract 2.5): WGS84 latitude and longitude in decimal degrees (required on every update),
 * elevation and accuracy in metres, when it was measured (the service's time when not given) and when it was stored
 * (set by the service). An update replaces the whole location.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfLocation implements IotfModel {

    private Double latitude;
    private Double longitude;
    private Double elevation;
    private Double accuracy;
    private OffsetDateTime measuredDateTime;
    private OffsetDateTime updatedDateTime;

    public IotfLocation() {
    }

    public IotfLocation(double latitude, double longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
    }

    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }

    public Double getElevation() {
        return elevation;
    }

    public void setElevation(Double elevation) {
        this.elevation = elevation;
    }

    public Double getAccuracy() {
        return accuracy;
    }

    public void setAccuracy(Double accuracy) {
        this.accuracy = accuracy;
    }

    public OffsetDateTime getMeasuredDateTime() {
        return measuredDateTime;
    }

    public void setMeasuredDateTime(OffsetDateTime measuredDateTime) {
        this.measuredDateTime = measuredDateTime;
    }

    /** When the service stored the location (read only). */
    public OffsetDateTime getUpdatedDateTime() {
        return updatedDateTime;
    }

    public void setUpdatedDateTime(OffsetDateTime updatedDateTime) {
        this.updatedDateTime = updatedDateTime;
    }

    @Override
    public String toString() {
        return "IotfLocation[" + latitude + ", " + longitude + (elevation == null ? "" : ", " + elevation + " m") + "]";
    }
}
