package io.cameliotf.iotf.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.iotf.model.IotfFirmware;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's side of the firmware state machine [later §3.5.7], so that a route only downloads and installs:
 * mgmt.firmware as the service sets it (device/update), its state (0 idle, 1 downloading, 2 downloaded) and
 * updateStatus, the checks that answer 400 (download while not idle or without uri, update before a download), and
 * the notifications around the route: state 1 then 2 (or 0 and a failure's updateStatus) around a download,
 * updateStatus 1 then 0 (or a failure's) around an update. Runs on the consumer's worker thread only.
 */
final class FirmwareFlow {

    static final String FIELD = "mgmt.firmware";
    private static final Logger LOG = LoggerFactory.getLogger(FirmwareFlow.class);

    private final MgmtReplies replies;
    private final RouteRunner route;
    private final Consumer<String> installed;
    private IotfFirmware firmware = idle();

    /** @param installed told the version of a successful update (the device's deviceInfo.fwVersion) */
    FirmwareFlow(MgmtReplies replies, RouteRunner route, Consumer<String> installed) {
        this.replies = replies;
        this.route = route;
        this.installed = installed;
    }

    /** The service set mgmt.firmware (a device/update) [later §3.5.7 download step 1]. */
    void set(JsonNode value) {
        IotfFirmware given = MgmtJson.MAPPER.convertValue(value, IotfFirmware.class);
        if (firmware.stateOrIdle() != IotfFirmware.IDLE && given.stateOrIdle() == IotfFirmware.IDLE) {
            given.setState(firmware.getState()); // the device's state is its own, not the service's
        }
        firmware = given;
    }

    JsonNode current() {
        return MgmtJson.tree(firmware);
    }

    /** firmware/download [later §3.5.7]: 202, then state 1, the route, state 2 (or 0 and its failure). */
    void download(String reqId) {
        if (firmware.stateOrIdle() != IotfFirmware.IDLE) {
            replies.respond(reqId, ResponseCodes.BAD_REQUEST, "Cannot download: the firmware state is "
                    + firmware.stateOrIdle() + ", not 0 (idle) [later §3.5.7]", null);
            return;
        }
        if (firmware.getUri() == null || firmware.getUri().isBlank()) {
            replies.respond(reqId, ResponseCodes.BAD_REQUEST, "Cannot download: mgmt.firmware has no uri [later "
                    + "§3.5.7]", null);
            return;
        }
        replies.respond(reqId, ResponseCodes.ACCEPTED, null, null);
        change(IotfFirmware.DOWNLOADING, 0);
        Exchange done = route.run("firmware/download", firmware.copy());
        if (done.getException() == null) {
            change(IotfFirmware.DOWNLOADED, 0);
        } else {
            int status = updateStatus(done.getException(), IotfFirmwareException.CONNECTION_LOST);
            LOG.warn("The firmware download of {} failed (updateStatus {}): {}", firmware, status,
                    ResponseCodes.describe(done.getException()));
            change(IotfFirmware.IDLE, status);
        }
    }

    /** firmware/update [later §3.5.7]: 202, then updateStatus 1, the route, updateStatus 0 and state 0 (or a failure). */
    void update(String reqId) {
        if (firmware.stateOrIdle() != IotfFirmware.DOWNLOADED) {
            replies.respond(reqId, ResponseCodes.BAD_REQUEST, "Cannot update: the firmware state is "
                    + firmware.stateOrIdle() + ", not 2 (downloaded): download it first [later §3.5.7]", null);
            return;
        }
        replies.respond(reqId, ResponseCodes.ACCEPTED, null, null);
        change(IotfFirmware.DOWNLOADED, 1);
        Exchange done = route.run("firmware/update", firmware.copy());
        if (done.getException() == null) {
            change(IotfFirmware.IDLE, 0);
            // the device now runs the new version: its deviceInfo.fwVersion [later §3.5.7 update step 3]
            installed.accept(firmware.getVersion());
        } else {
            int status = updateStatus(done.getException(), IotfFirmwareException.UNSUPPORTED_IMAGE);
            LOG.warn("The firmware update to {} failed (updateStatus {}): {}", firmware, status,
                    ResponseCodes.describe(done.getException()));
            change(IotfFirmware.IDLE, status);
        }
    }

    IotfFirmware firmware() {
        return firmware.copy();
    }

    private void change(int state, int updateStatus) {
        firmware.setState(state);
        firmware.setUpdateStatus(updateStatus);
        firmware.setUpdatedDateTime(OffsetDateTime.now(ZoneOffset.UTC));
        // the whole of mgmt.firmware, one notify per change: a complex field changes atomically [later §3.5.5]
        replies.notifyField(FIELD, current());
    }

    private static IotfFirmware idle() {
        IotfFirmware f = new IotfFirmware();
        f.setState(IotfFirmware.IDLE);
        f.setUpdateStatus(0);
        return f;
    }

    private static int updateStatus(Throwable error, int otherwise) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IotfFirmwareException) {
                return ((IotfFirmwareException) t).getUpdateStatus();
            }
        }
        return otherwise;
    }
}
