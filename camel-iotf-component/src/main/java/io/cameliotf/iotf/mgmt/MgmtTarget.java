package io.cameliotf.iotf.mgmt;

/**
 * The device a management message is about, and the topics that carry it [later §3.5.1]: a device's own short form
 * ({@code iotdevice-1/<op>}, {@code iotdm-1/...}), or a gateway's form per target device
 * ({@code iotdevice-1/type/<t>/id/<d>/<op>}, {@code iotdm-1/type/<t>/id/<d>/...}), for the gateway itself or a device it
 * serves. Plain string building, no regular expressions.
 *
 * @param gateway true when the connection is a gateway's (the typed form)
 */
public record MgmtTarget(String deviceType, String deviceId, boolean gateway) {

    /** The topic the device publishes {@code op} (mgmt/manage, add/diag/log, response, notify, ...) on. */
    public String request(String op) {
        return gateway ? "iotdevice-1/type/" + deviceType + "/id/" + deviceId + "/" + op : "iotdevice-1/" + op;
    }

    /** What the device subscribes to: every management message of the service for it [later §3.5.1]. */
    public String subscription() {
        return serverPrefix() + "#";
    }

    /** What a producer subscribes to for the service's answers: its own, or (gateway) those of any device it serves. */
    String responses() {
        return gateway ? "iotdm-1/type/+/id/+/response" : "iotdm-1/response";
    }

    /** The part of a service topic after this target's prefix (response, observe, mgmt/initiate/device/reboot, ...). */
    String suffix(String topic) {
        String prefix = serverPrefix();
        return topic.startsWith(prefix) ? topic.substring(prefix.length()) : null;
    }

    private String serverPrefix() {
        return gateway ? "iotdm-1/type/" + deviceType + "/id/" + deviceId + "/" : "iotdm-1/";
    }

    @Override
    public String toString() {
        return deviceType + "/" + deviceId;
    }
}
