package io.cameliotf.emulator.auth;

import java.util.Objects;

/**
 * Who an MQTT client is, read from its client id [5.2.1, 5.3.1]:
 * {@code d:<org>:<type>:<id>} for a device, {@code g:<org>:<type>:<id>} for a gateway (a registered device whose
 * type is of class Gateway, later contract 3.4), {@code a:<org>:<appId>} for an application and
 * {@code A:<org>:<appId>} for a scalable application whose connections share their subscriptions.
 */
public final class ClientIdentity {

    /** The kinds of client the service knows. */
    public enum Kind {
        DEVICE, GATEWAY, APPLICATION, SHARED_APPLICATION
    }

    private final Kind kind;
    private final String clientId;
    private final String org;
    private final String deviceType;
    private final String deviceId;
    private final String appId;

    private ClientIdentity(Kind kind, String clientId, String org, String deviceType, String deviceId, String appId) {
        this.kind = kind;
        this.clientId = clientId;
        this.org = org;
        this.deviceType = deviceType;
        this.deviceId = deviceId;
        this.appId = appId;
    }

    /**
     * Parses a client id.
     *
     * @throws MalformedClientIdException when the id is not of one of the four forms, with a message saying why
     */
    public static ClientIdentity parse(String clientId) {
        if (clientId == null || clientId.length() < 3 || clientId.charAt(1) != ':') {
            throw new MalformedClientIdException(clientId,
                    "expected d:<org>:<type>:<id>, g:<org>:<type>:<id>, a:<org>:<appId> or A:<org>:<appId>");
        }
        char kind = clientId.charAt(0);
        int orgEnd = clientId.indexOf(':', 2);
        if (orgEnd < 0) {
            throw new MalformedClientIdException(clientId, "no ':' after the organization");
        }
        String org = clientId.substring(2, orgEnd);
        String orgProblem = IotfNames.orgProblem(org);
        if (orgProblem != null) {
            throw new MalformedClientIdException(clientId, "the organization " + orgProblem);
        }
        String rest = clientId.substring(orgEnd + 1);
        switch (kind) {
            case 'd':
            case 'g':
                return device(kind == 'd' ? Kind.DEVICE : Kind.GATEWAY, clientId, org, rest);
            case 'a':
            case 'A': {
                String problem = IotfNames.appIdProblem(rest);
                if (problem != null) {
                    throw new MalformedClientIdException(clientId, "the application id " + problem);
                }
                return new ClientIdentity(kind == 'a' ? Kind.APPLICATION : Kind.SHARED_APPLICATION,
                        clientId, org, null, null, rest);
            }
            default:
                throw new MalformedClientIdException(clientId,
                        "the first character must be 'd' (device), 'g' (gateway), 'a' (application) or 'A' "
                                + "(scalable application)");
        }
    }

    /** A device or a gateway: {@code rest} is {@code <type>:<id>}. */
    private static ClientIdentity device(Kind kind, String clientId, String org, String rest) {
        String what = kind == Kind.DEVICE ? "device" : "gateway";
        int sep = rest.indexOf(':');
        if (sep < 0) {
            throw new MalformedClientIdException(clientId, "a " + what + " id has the form " + clientId.charAt(0)
                    + ":<org>:<type>:<id>");
        }
        String type = rest.substring(0, sep);
        String id = rest.substring(sep + 1);
        String problem = IotfNames.typeOrIdProblem(type);
        if (problem != null) {
            throw new MalformedClientIdException(clientId, "the " + what + " type " + problem);
        }
        problem = IotfNames.typeOrIdProblem(id);
        if (problem != null) {
            throw new MalformedClientIdException(clientId, "the " + what + " id " + problem);
        }
        return new ClientIdentity(kind, clientId, org, type, id, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The client id as the client sent it. */
    public String clientId() {
        return clientId;
    }

    public String org() {
        return org;
    }

    /** The device type (a gateway's own), or null for applications. */
    public String deviceType() {
        return deviceType;
    }

    /** The device id (a gateway's own), or null for applications. */
    public String deviceId() {
        return deviceId;
    }

    /** The application id, or null for devices. */
    public String appId() {
        return appId;
    }

    public boolean isDevice() {
        return kind == Kind.DEVICE;
    }

    public boolean isGateway() {
        return kind == Kind.GATEWAY;
    }

    /**
     * The client id of the registered device behind this client, {@code d:<org>:<type>:<id>} (a gateway is a
     * device too), or null for applications.
     */
    public String deviceClientId() {
        return deviceType == null ? null : "d:" + org + ':' + deviceType + ':' + deviceId;
    }

    public boolean isApplication() {
        return kind == Kind.APPLICATION || kind == Kind.SHARED_APPLICATION;
    }

    public boolean isShared() {
        return kind == Kind.SHARED_APPLICATION;
    }

    public boolean isQuickstart() {
        return IotfNames.QUICKSTART.equals(org);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientIdentity && ((ClientIdentity) o).clientId.equals(clientId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientId);
    }

    @Override
    public String toString() {
        return clientId;
    }
}
