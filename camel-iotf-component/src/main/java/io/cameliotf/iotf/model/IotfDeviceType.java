package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A device type of an organization and how many devices it has [3.1.5]. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class IotfDeviceType implements IotfModel {

    private String deviceType;
    private int count;

    public String getDeviceType() {
        return deviceType;
    }

    public void setDeviceType(String deviceType) {
        this.deviceType = deviceType;
    }

    public int getCount() {
        return count;
    }

    public void setCount(int count) {
        this.count = count;
    }

    @Override
    public String toString() {
        return "IotfDeviceType[" + deviceType + ": " + count + "]";
    }
}
