package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * A managed device's firmware, {@code mgmt.firmware} (later contract 2.6, 3.5.7): the image (version, name, uri,
 * verifier), the download state (0 idle, 1 downloading, 2 downloaded) and the update status (0 success, 1 in progress,
 * 2 out of memory, 3 connection lost, 4 verification failed, 5 unsupported image, 6 invalid URI).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfFirmware implements IotfModel {

    /** state: no image downloaded (3.5.7). */
    public static final int IDLE = 0;
    /** state: the image is being downloaded. */
    public static final int DOWNLOADING = 1;
    /** state: the image is downloaded, ready to install. */
    public static final int DOWNLOADED = 2;

    private String version;
    private String name;
    @JsonAlias("url") // the swagger model's spelling (2.6)
    private String uri;
    private String verifier;
    private Integer state;
    private Integer updateStatus;
    private OffsetDateTime updatedDateTime;

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

    /** 0 idle, 1 downloading, 2 downloaded (3.5.7). */
    public Integer getState() {
        return state;
    }

    public void setState(Integer state) {
        this.state = state;
    }

    /** 0 success, 1 in progress, 2-6 the failures of 3.5.7. */
    public Integer getUpdateStatus() {
        return updateStatus;
    }

    public void setUpdateStatus(Integer updateStatus) {
        this.updateStatus = updateStatus;
    }

    public OffsetDateTime getUpdatedDateTime() {
        return updatedDateTime;
    }

    public void setUpdatedDateTime(OffsetDateTime updatedDateTime) {
        this.updatedDateTime = updatedDateTime;
    }

    /** The state, 0 (idle) when the service did not say. */
    public int stateOrIdle() {
        return state == null ? IDLE : state;
    }

    /** A copy, for a route to read while the device's own record goes on changing. */
    public IotfFirmware copy() {
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
