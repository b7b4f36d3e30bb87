package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A managed device's management state (later contract 2.6), read only: its last management activity, when it turns
 * dormant (from the lifetime of its manage request), what it supports (deviceActions, firmwareActions, and a
 * bundle id for each extension it opted in to) and its firmware. The service has it only while the device is
 * managed (404 otherwise).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfDeviceMgmt implements IotfModel {

    private OffsetDateTime lastActivityDateTime;
    private OffsetDateTime dormantDateTime;
    private Boolean dormant;
    private Map<String, Boolean> supports;
    private IotfFirmware firmware;

    public OffsetDateTime getLastActivityDateTime() {
        return lastActivityDateTime;
    }

    public void setLastActivityDateTime(OffsetDateTime lastActivityDateTime) {
        this.lastActivityDateTime = lastActivityDateTime;
    }

    public OffsetDateTime getDormantDateTime() {
        return dormantDateTime;
    }

    public void setDormantDateTime(OffsetDateTime dormantDateTime) {
        this.dormantDateTime = dormantDateTime;
    }

    public Boolean getDormant() {
        return dormant;
    }

    public void setDormant(Boolean dormant) {
        this.dormant = dormant;
    }

    /** What the device said it supports: deviceActions, firmwareActions, bundle ids; each true or false. */
    public Map<String, Boolean> getSupports() {
        return supports;
    }

    public void setSupports(Map<String, Boolean> supports) {
        this.supports = supports == null ? null : new LinkedHashMap<>(supports);
    }

    /** Whether the device takes device/reboot and device/factoryReset. */
    @JsonIgnore
    public boolean supportsDeviceActions() {
        return supports != null && Boolean.TRUE.equals(supports.get("deviceActions"));
    }

    /** Whether the device takes firmware/download and firmware/update. */
    @JsonIgnore
    public boolean supportsFirmwareActions() {
        return supports != null && Boolean.TRUE.equals(supports.get("firmwareActions"));
    }

    public IotfFirmware getFirmware() {
        return firmware;
    }

    public void setFirmware(IotfFirmware firmware) {
        this.firmware = firmware;
    }

    @Override
    public String toString() {
        return "IotfDeviceMgmt[supports " + supports + (Boolean.TRUE.equals(dormant) ? ", dormant" : "")
                + (firmware == null ? "" : ", " + firmware) + "]";
    }
}
