package io.cameliotf.iotf.mgmt;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of a firmware/download or firmware/update exchange: the device's mgmt.firmware [later §3.5.7] as the
 * service set it (uri, name, verifier, version), with its state (0 idle, 1 downloading, 2 downloaded) and
 * updateStatus (0 success, 1 in progress, 2 out of memory, 3 connection lost, 4 verification failed, 5 unsupported
 * image, 6 invalid URI). The component keeps state and updateStatus; the route reads the rest.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfFirmware {

    public static final int IDLE = 0;
    public static final int DOWNLOADING = 1;
    public static final int DOWNLOADED = 2;

    private String version;
    private String name;
    private String uri;
    private String verifier;
    private int state;
    private int updateStatus;
    private String updatedDateTime;

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public String getVerifier() {
        return verifier;
    }

    public void setVerifier(String verifier) {
        this.verifier = verifier;
    }

    public int getState() {
        return state;
    }

    public void setState(int state) {
        this.state = state;
    }

    public int getUpdateStatus() {
        return updateStatus;
    }

    public void setUpdateStatus(int updateStatus) {
        this.updateStatus = updateStatus;
    }

    public String getUpdatedDateTime() {
        return updatedDateTime;
    }

    public void setUpdatedDateTime(String updatedDateTime) {
        this.updatedDateTime = updatedDateTime;
    }

    IotfFirmware copy() {
        IotfFirmware c = new IotfFirmware();
        c.version = version;
        c.name = name;
        c.uri = uri;
        c.verifier = verifier;
        c.state = state;
        c.updateStatus = updateStatus;
        c.updatedDateTime = updatedDateTime;
        return c;
    }

    @Override
    public String toString() {
        return "IotfFirmware[" + name + " " + version + " from " + uri + ", state " + state + ", updateStatus "
                + updateStatus + "]";
    }
}
