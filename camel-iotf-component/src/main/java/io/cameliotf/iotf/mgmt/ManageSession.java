package io.cameliotf.iotf.mgmt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.iotf.model.IotfDeviceInfo;
import io.cameliotf.iotf.mqtt.IotfConnection;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A managed device's standing with the service [later §3.5.3]: its manage request, sent once the consumer's
 * subscription is granted, again after every reconnect, 120 seconds before its lifetime ends (as IBM's SDKs do) and
 * after a reboot or factory reset (their completion, §3.5.6); unmanage when asked.
 */
final class ManageSession {

    private static final Logger LOG = LoggerFactory.getLogger(ManageSession.class);
    /** How long before the lifetime ends the manage request is sent again (IBM's iot-python managedClient). */
    static final int RENEW_BEFORE_SECONDS = 120;

    private final MgmtTarget target;
    private final IotfMgmtConfiguration options;
    private final MgmtRequests requests;
    private final ScheduledExecutorService worker;
    private final IotfDeviceInfo deviceInfo;
    private ScheduledFuture<?> renewal;
    private volatile boolean managed;

    ManageSession(MgmtTarget target, IotfMgmtConfiguration options, MgmtRequests requests,
            ScheduledExecutorService worker) {
        this.target = target;
        this.options = options;
        this.requests = requests;
        this.worker = worker;
        // a copy of its own: a firmware update sets its fwVersion, and a bean may be shared by several consumers
        this.deviceInfo = options.getMgmtDeviceInfo() == null ? null
                : MgmtJson.MAPPER.convertValue(options.getMgmtDeviceInfo(), IotfDeviceInfo.class);
    }

    /** The d of a manage request made from the options [later §3.5.3]. */
    static ObjectNode data(IotfMgmtConfiguration options, IotfDeviceInfo deviceInfo) {
        ObjectNode d = MgmtJson.MAPPER.createObjectNode();
        d.put("lifetime", options.getLifetime());
        ObjectNode supports = d.putObject("supports");
        supports.put("deviceActions", options.isSupportsDeviceActions());
        supports.put("firmwareActions", options.isSupportsFirmwareActions());
        options.bundles().forEach(bundle -> supports.put(bundle, true));
        if (deviceInfo != null) {
            d.set("deviceInfo", MgmtJson.tree(deviceInfo));
        }
        if (options.getMgmtMetadata() != null) {
            d.set("metadata", MgmtJson.tree(options.getMgmtMetadata()));
        }
        return d;
    }

    /** Sends manage and waits for its rc 200; schedules the renewal before the lifetime ends. */
    synchronized void manage(IotfConnection connection) throws IotfMgmtException {
        requests.call(connection, target, "manage", MgmtOperation.manage.op(), data(options, deviceInfo));
        managed = true;
        LOG.debug("Device {} is managed (lifetime {} s)", target, options.getLifetime());
        if (renewal != null) {
            renewal.cancel(false);
            renewal = null;
        }
        if (options.getLifetime() > 0) {
            renewal = worker.schedule(() -> manageNow(connection, "its lifetime ends"),
                    options.getLifetime() - RENEW_BEFORE_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** {@link #manage} on the worker thread, later (from Paho's thread on reconnect): a failure is logged. */
    void manageLater(IotfConnection connection, String why) {
        try {
            worker.execute(() -> manageNow(connection, why));
        } catch (RejectedExecutionException e) {
            LOG.debug("Not sending manage for {}: the consumer is stopping", target);
        }
    }

    /** {@link #manage}, logging a failure rather than throwing it. */
    void manageNow(IotfConnection connection, String why) {
        try {
            manage(connection);
        } catch (IotfMgmtException | RuntimeException e) {
            LOG.warn("Could not send manage for device {} ({}): {}", target, why, e.getMessage());
        }
    }

    /** Sends unmanage and waits for its rc 200 [later §3.5.3]. */
    synchronized void unmanage(IotfConnection connection) throws IotfMgmtException {
        cancelRenewal();
        requests.call(connection, target, "unmanage", MgmtOperation.unmanage.op(), null);
        managed = false;
    }

    /**
     * A firmware update succeeded: the service set deviceInfo.fwVersion from its notify [later §3.5.7 update step 3];
     * the next manage requests, when they send a deviceInfo, say so too rather than undo it.
     */
    synchronized void firmwareInstalled(String version) {
        if (deviceInfo != null) {
            deviceInfo.setFwVersion(version);
        }
    }

    /** The deviceInfo the manage requests send, with the fwVersion of an installed update. */
    synchronized IotfDeviceInfo deviceInfo() {
        return deviceInfo;
    }

    boolean isManaged() {
        return managed;
    }

    synchronized void cancelRenewal() {
        if (renewal != null) {
            renewal.cancel(false);
            renewal = null;
        }
    }
}
