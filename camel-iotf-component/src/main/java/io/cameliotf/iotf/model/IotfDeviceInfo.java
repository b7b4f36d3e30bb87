package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a device says about itself (later contract 2.3): serial number, manufacturer, model, class, description,
 * firmware and hardware versions, descriptive location; every field optional. A device type's deviceInfo is the
 * template new devices of the type start from (2.2).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfDeviceInfo implements IotfModel {

    private String serialNumber;
    private String manufacturer;
    private String model;
    private String deviceClass;
    private String description;
    private String fwVersion;
    private String hwVersion;
    private String descriptiveLocation;

    public String getSerialNumber() {
        return serialNumber;
    }

    public void setSerialNumber(String serialNumber) {
        this.serialNumber = serialNumber;
    }

    public String getManufacturer() {
        return manufacturer;
    }

    public void setManufacturer(String manufacturer) {
        this.manufacturer = manufacturer;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getDeviceClass() {
        return deviceClass;
    }

    public void setDeviceClass(String deviceClass) {
        this.deviceClass = deviceClass;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getFwVersion() {
        return fwVersion;
    }

    public void setFwVersion(String fwVersion) {
        this.fwVersion = fwVersion;
    }

    public String getHwVersion() {
        return hwVersion;
    }

    public void setHwVersion(String hwVersion) {
        this.hwVersion = hwVersion;
    }

    public String getDescriptiveLocation() {
        return descriptiveLocation;
    }

    public void setDescriptiveLocation(String descriptiveLocation) {
        this.descriptiveLocation = descriptiveLocation;
    }

    @Override
    public String toString() {
        return "IotfDeviceInfo[" + manufacturer + " " + model + ", serial " + serialNumber + ", firmware " + fwVersion + "]";
    }
}
