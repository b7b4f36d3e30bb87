package io.cameliotf.emulator.topics;

/**
 * The topics inside the broker. Like a mountpoint, every topic of an organization is stored under
 * {@code <org>/}, so identical topic strings of two organizations never meet [2.1.1, 2.3.6]; clients
 * never see this prefix. Device events and commands are stored in the application form
 * ({@code <org>/iot-2/type/<t>/id/<i>/evt/<e>/fmt/<f>}), whoever published them.
 * <p>
 * One organization may be kept at the root instead (its topics are stored as its clients write them, without a
 * prefix), so that its applications' topics are the broker's and their deliveries need no rewriting hook. This
 * cannot let it meet a mounted organization: every topic a client can reach starts with {@code iot-2/},
 * {@code iotdm-1/} or {@code iotdevice-1/} inside its organization's space, and a mount is an organization id
 * (letters and digits only) and a {@code /}, so no topic or filter of one space matches one of another.
 */
public final class InternalTopics {

    /** Every organization mounted under its id: the layout of a service without a root organization. */
    public static final InternalTopics ALL_MOUNTED = new InternalTopics(null);

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

    /** The organization at the root, or null. */
    private final String rootOrg;

    private InternalTopics(String rootOrg) {
        this.rootOrg = rootOrg;
    }

    /** The layout with {@code rootOrg} at the root (every other organization mounted), or all mounted for null. */
    public static InternalTopics withRoot(String rootOrg) {
        return rootOrg == null ? ALL_MOUNTED : new InternalTopics(rootOrg);
    }

    /** The organization kept at the root, or null when every organization is mounted. */
    public String rootOrg() {
        return rootOrg;
    }

    /** Whether {@code org}'s topics are stored as its clients write them (no mount). */
    public boolean isRoot(String org) {
        return org.equals(rootOrg);
    }

    /** The prefix every topic of {@code org} carries inside the broker: empty for the root organization. */
    public String mount(String org) {
        return isRoot(org) ? "" : org + '/';
    }

    /** The prefix of everything addressed to or coming from one device. */
    public String devicePrefix(String org, String type, String id) {
        return mount(org) + "iot-2/type/" + type + "/id/" + id + '/';
    }

    /** Where status messages of a device are published [5.3.7]. */
    public String deviceStatus(String org, String type, String id) {
        return devicePrefix(org, type, id) + "mon";
    }

    /** Where status messages of an application are published [5.3.8]. */
    public String appStatus(String org, String appId) {
        return mount(org) + "iot-2/app/" + appId + "/mon";
    }

    /** An event of one device, as stored inside the broker whoever published it [5.2.3, 5.3.3]. */
    public String event(String org, String type, String id, String event, String format) {
        return devicePrefix(org, type, id) + "evt/" + event + "/fmt/" + format;
    }

    /** Where the service tells a gateway of its refused publishes and subscriptions (later contract 3.4). */
    public String gatewayNotify(String org, String type, String id) {
        return devicePrefix(org, type, id) + "notify";
    }

    /** A command to one device [5.3.4]. */
    public String command(String org, String type, String id, String command, String format) {
        return devicePrefix(org, type, id) + "cmd/" + command + "/fmt/" + format;
    }

    /**
     * Where the service's device management messages to a device connected on its own go
     * ({@code <mount>iotdm-1/device/<t>/<d>/}, then the client's topic after {@code iotdm-1/}). Only that device's
     * subscriptions to {@code iotdm-1/...} are mounted here, so nobody else receives them.
     */
    public String dmToDevice(String org, String type, String id) {
        return mount(org) + "iotdm-1/device/" + type + '/' + id + '/';
    }

    /**
     * Where the service's device management messages to a gateway go, for itself and the devices it manages
     * ({@code <mount>iotdm-1/gateway/<gwType>/<gwId>/}, then {@code type/<t>/id/<d>/...}): only that gateway's
     * subscriptions to {@code iotdm-1/type/...} are mounted here.
     */
    public String dmToGateway(String org, String gatewayType, String gatewayId) {
        return mount(org) + "iotdm-1/gateway/" + gatewayType + '/' + gatewayId + '/';
    }
}
