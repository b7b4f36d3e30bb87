package io.cameliotf.emulator.auth;

import java.util.Objects;

/**
 * Who an MQTT client is, read from its client id [5.2.1, 5.3.1]:
 * {@code d:<org>:<type>:<id>} for a device, {@code a:<org>:<appId>} for an application and
 * {@code A:<org>:<appId>} for a scalable application whose connections share their subscriptions.
 */
public final class ClientIdentity {

    /** The three kinds of client the service knows. */
    public enum Kind {
        DEVICE, APPLICATION, SHARED_APPLICATION
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
     * @throws MalformedClientIdException when the id is not of one of the three forms, with a message saying why
     */
    public static ClientIdentity parse(String clientId) {
        if (clientId == null || clientId.length() < 3 || clientId.charAt(1) != ':') {
            throw new MalformedClientIdException(clientId,
                    "expected d:<org>:<type>:<id>, a:<org>:<appId> or A:<org>:<appId>");
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
            case 'd': {
                int sep = rest.indexOf(':');
                if (sep < 0) {
                    throw new MalformedClientIdException(clientId, "a device id has the form d:<org>:<type>:<id>");
                }
                String type = rest.substring(0, sep);
                String id = rest.substring(sep + 1);
                String problem = IotfNames.typeOrIdProblem(type);
                if (problem != null) {
                    throw new MalformedClientIdException(clientId, "the device type " + problem);
                }
                problem = IotfNames.typeOrIdProblem(id);
                if (problem != null) {
                    throw new MalformedClientIdException(clientId, "the device id " + problem);
                }
                return new ClientIdentity(Kind.DEVICE, clientId, org, type, id, null);
            }
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
                        "the first character must be 'd' (device), 'a' (application) or 'A' (scalable application)");
        }
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

    /** The device type, or null for applications. */
    public String deviceType() {
        return deviceType;
    }

    /** The device id, or null for applications. */
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

    public boolean isApplication() {
        return kind != Kind.DEVICE;
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
