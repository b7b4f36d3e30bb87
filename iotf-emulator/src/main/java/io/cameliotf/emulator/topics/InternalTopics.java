package io.cameliotf.emulator.topics;

/**
 * The topics inside the broker. Like a mountpoint, every topic of an organization is stored under
 * {@code <org>/}, so identical topic strings of two organizations never meet [2.1.1, 2.3.6]; clients
 * never see this prefix. Device events and commands are stored in the application form
 * ({@code <org>/iot-2/type/<t>/id/<i>/evt/<e>/fmt/<f>}), whoever published them.
 */
public final class InternalTopics {

    /**
     * What a publish or subscription outside the client's topic space is rewritten to. It cannot be produced
     * by mounting a client topic (organization ids have no '$'), and the authorizer refuses it.
     */
    public static final String DENIED = "$iotf/denied";

    static final String IOT2 = "iot-2/";
    /** What devices publish device management requests under (later contract 3.5.1). */
    static final String IOTDEVICE = "iotdevice-1/";
    /** What devices subscribe to for the service's device management messages (later contract 3.5.1). */
    static final String IOTDM = "iotdm-1/";

    private InternalTopics() {
    }

    /** The prefix every topic of {@code org} carries inside the broker. */
    public static String mount(String org) {
        return org + '/';
    }

    /** The prefix of everything addressed to or coming from one device. */
    public static String devicePrefix(String org, String type, String id) {
        return org + "/iot-2/type/" + type + "/id/" + id + '/';
    }

    /** Where status messages of a device are published [5.3.7]. */
    public static String deviceStatus(String org, String type, String id) {
        return devicePrefix(org, type, id) + "mon";
    }

    /** Where status messages of an application are published [5.3.8]. */
    public static String appStatus(String org, String appId) {
        return org + "/iot-2/app/" + appId + "/mon";
    }

    /** An event of one device, as stored inside the broker whoever published it [5.2.3, 5.3.3]. */
    public static String event(String org, String type, String id, String event, String format) {
        return devicePrefix(org, type, id) + "evt/" + event + "/fmt/" + format;
    }

    /** Where the service tells a gateway of its refused publishes and subscriptions (later contract 3.4). */
    public static String gatewayNotify(String org, String type, String id) {
        return devicePrefix(org, type, id) + "notify";
    }

    /** A command to one device [5.3.4]. */
    public static String command(String org, String type, String id, String command, String format) {
        return devicePrefix(org, type, id) + "cmd/" + command + "/fmt/" + format;
    }

    /**
     * Where the service's device management messages to a device connected on its own go
     * ({@code <org>/iotdm-1/device/<t>/<d>/}, then the client's topic after {@code iotdm-1/}). Only that device's
     * subscriptions to {@code iotdm-1/...} are mounted here, so nobody else receives them.
     */
    public static String dmToDevice(String org, String type, String id) {
        return org + "/iotdm-1/device/" + type + '/' + id + '/';
    }

    /**
     * Where the service's device management messages to a gateway go, for itself and the devices it manages
     * ({@code <org>/iotdm-1/gateway/<gwType>/<gwId>/}, then {@code type/<t>/id/<d>/...}): only that gateway's
     * subscriptions to {@code iotdm-1/type/...} are mounted here.
     */
    public static String dmToGateway(String org, String gatewayType, String gatewayId) {
        return org + "/iotdm-1/gateway/" + gatewayType + '/' + gatewayId + '/';
    }
}
