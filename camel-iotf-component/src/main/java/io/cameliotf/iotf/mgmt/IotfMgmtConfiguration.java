package io.cameliotf.iotf.mgmt;

import io.cameliotf.iotf.model.IotfDeviceInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The options of iotf:device-management endpoints (later contract 3.5): what the manage request says, and the producer's. */
@UriParams
public class IotfMgmtConfiguration implements Cloneable {

    /**
     * iotf:device-management consumers: the lifetime of the manage request in seconds (later contract 3.5.3): 0 for never
     * dormant, else at least 3600. The consumer sends manage again 120 seconds before it ends (as IBM's SDKs do).
     */
    @UriParam(label = "consumer", defaultValue = "3600")
    private int lifetime = 3600;
    /**
     * iotf:device-management consumers: the device supports device/reboot and device/factoryReset
     * (supports.deviceActions of the manage request). Without it those requests are answered 501.
     */
    @UriParam(label = "consumer")
    private boolean supportsDeviceActions;
    /**
     * iotf:device-management consumers: the device supports firmware/download and firmware/update
     * (supports.firmwareActions). The component runs the firmware state machine; the route downloads and installs.
     * Without it those requests are answered 501.
     */
    @UriParam(label = "consumer")
    private boolean supportsFirmwareActions;
    /**
     * iotf:device-management consumers: the custom action bundles the device supports, comma separated (each sent as
     * supports.bundleId: true; later contract 3.5.8). Actions of other bundles are answered 501.
     */
    @UriParam(label = "consumer")
    private String supportedBundles;
    /**
     * iotf:device-management: the deviceInfo the manage request sends (an IotfDeviceInfo bean, #name); the consumer
     * sets its fwVersion when a firmware update succeeded.
     */
    @UriParam
    private IotfDeviceInfo mgmtDeviceInfo;
    /** iotf:device-management: the metadata the manage request sends (a Map bean, #name). */
    @UriParam
    private Map<String, Object> mgmtMetadata;
    /** iotf:device-management consumers: send unmanage when the consumer stops. */
    @UriParam(label = "consumer")
    private boolean unmanageOnStop;
    /**
     * iotf:device-management producers: the operation, unless the CamelIotfMgmtOperation header gives one.
     */
    @UriParam(label = "producer", enums = MgmtOperation.NAMES)
    private MgmtOperation mgmtOperation;
    /**
     * iotf:device-management: how long a request of the device (manage, a producer's operation) waits for the
     * service's answer, in milliseconds.
     */
    @UriParam(defaultValue = "30000")
    private long mgmtTimeout = 30_000;

    public IotfMgmtConfiguration copy() {
        try {
            return (IotfMgmtConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bundle ids of supportedBundles. */
    public List<String> bundles() {
        return supportedBundles == null || supportedBundles.isBlank() ? List.of()
                : Arrays.stream(supportedBundles.split(",")).map(String::trim).filter(b -> !b.isEmpty()).toList();
    }

    public int getLifetime() {
        return lifetime;
    }

    public void setLifetime(int lifetime) {
        this.lifetime = lifetime;
    }

    public boolean isSupportsDeviceActions() {
        return supportsDeviceActions;
    }

    public void setSupportsDeviceActions(boolean supportsDeviceActions) {
        this.supportsDeviceActions = supportsDeviceActions;
    }

    public boolean isSupportsFirmwareActions() {
        return supportsFirmwareActions;
    }

    public void setSupportsFirmwareActions(boolean supportsFirmwareActions) {
        this.supportsFirmwareActions = supportsFirmwareActions;
    }

    public String getSupportedBundles() {
        return supportedBundles;
    }

    public void setSupportedBundles(String supportedBundles) {
        this.supportedBundles = supportedBundles;
    }

    public IotfDeviceInfo getMgmtDeviceInfo() {
        return mgmtDeviceInfo;
    }

    public void setMgmtDeviceInfo(IotfDeviceInfo mgmtDeviceInfo) {
        this.mgmtDeviceInfo = mgmtDeviceInfo;
    }

    public Map<String, Object> getMgmtMetadata() {
        return mgmtMetadata;
    }

    public void setMgmtMetadata(Map<String, Object> mgmtMetadata) {
        this.mgmtMetadata = mgmtMetadata;
    }

    public boolean isUnmanageOnStop() {
        return unmanageOnStop;
    }

    public void setUnmanageOnStop(boolean unmanageOnStop) {
        this.unmanageOnStop = unmanageOnStop;
    }

    public MgmtOperation getMgmtOperation() {
        return mgmtOperation;
    }

    public void setMgmtOperation(MgmtOperation mgmtOperation) {
        this.mgmtOperation = mgmtOperation;
    }

    public long getMgmtTimeout() {
        return mgmtTimeout;
    }

    public void setMgmtTimeout(long mgmtTimeout) {
        this.mgmtTimeout = mgmtTimeout;
    }
}
