package io.cameliotf.iotf;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an {@code iotf:} endpoint is about: the part of the URI after {@code iotf:}. */
public enum IotfKind {
    /** Device events [5.2.3, 5.3.3, 5.3.5]. */
    DEVICE_EVENT("device-event", 0),
    /** Device commands [5.2.4, 5.3.4, 5.3.6]. */
    COMMAND("command", 2),
    /** Device status messages [5.3.7]. */
    DEVICE_STATUS("device-status", 0),
    /** Application status messages [5.3.8]. */
    APP_STATUS("app-status", 0),
    /** The Device Management API [3.1]: a producer of operations. */
    REGISTRY("registry", 0),
    /** The Historical Event API [3.2]: queries (producer) and newly stored events (polling consumer). */
    HISTORIAN("historian", 0),
    /** A gateway's notifications: what the service refused it (later contract 3.4); consumer only. */
    GATEWAY_NOTIFY("gateway-notify", 0),
    /** Device management of a managed device or gateway [later §3.5]: its requests (consumer), its reports (producer). */
    DEVICE_MANAGEMENT("device-management", 1);

    /** The names, as the {@code @UriPath} lists them. */
    public static final String NAMES = "device-event,command,device-status,app-status,registry,historian,gateway-notify,"
            + "device-management";

    private final String uriName;
    private final int defaultQos;

    IotfKind(String uriName, int defaultQos) {
        this.uriName = uriName;
        this.defaultQos = defaultQos;
    }

    public String uriName() {
        return uriName;
    }

    /** The reference's advice [5.1.5]: QoS 0 for events sent on an interval, QoS 2 for commands. */
    public int defaultQos() {
        return defaultQos;
    }

    /** True for the kinds served by the REST API rather than MQTT. */
    public boolean isRest() {
        return this == REGISTRY || this == HISTORIAN;
    }

    public static IotfKind of(String name) {
        for (IotfKind kind : values()) {
            if (kind.uriName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown iotf endpoint kind '" + name + "': use one of "
                + Arrays.stream(values()).map(IotfKind::uriName).collect(Collectors.joining(", ")));
    }
}
