package io.cameliotf.iotf;

import io.cameliotf.iotf.rules.ValueRules;

/**
 * The rules of the gateway role (clientType=gateway, later contract 3.4), and of the options that belong to it,
 * checked with the others of {@link EndpointRules}: a gateway's identity is gatewayType and gatewayId (client id
 * g:org:gatewayType:gatewayId), it logs in with use-token-auth and its token, publishes events for itself and the
 * devices it serves (deviceType, deviceId), receives their commands and its notifications, and nothing else.
 */
final class GatewayRules {

    private GatewayRules() {
    }

    static void checkEndpoint(IotfKind kind, IotfConfiguration c) {
        if (!c.isGateway()) {
            require(c.getGatewayType() == null && c.getGatewayId() == null, "The options gatewayType and gatewayId "
                    + "are a gateway's identity: set clientType=gateway, or remove them (a device is named by "
                    + "deviceType and deviceId, an application by appId) [later contract 3.4]");
            require(kind != IotfKind.GATEWAY_NOTIFY, "iotf:gateway-notify receives the notifications of a gateway: it "
                    + "needs clientType=gateway with gatewayType, gatewayId and authToken [later contract 3.4]");
            return;
        }
        require(!c.isQuickstart(), "QuickStart has no gateways [later contract 3.4]: clientType=gateway needs a "
                + "registered organization");
        require(notEmpty(c.getGatewayType()) && notEmpty(c.getGatewayId()), "A gateway client (clientType=gateway) "
                + "needs the options gatewayType and gatewayId: its client id is g:org:gatewayType:gatewayId (deviceType "
                + "and deviceId name a device it serves) [later contract 3.4]");
        int max = EndpointRules.maxName(kind, c);
        ValueRules.name("The option gatewayType", c.getGatewayType(), max);
        ValueRules.name("The option gatewayId", c.getGatewayId(), max);
        require(!notEmpty(c.getAuthKey()), "The option authKey (not shown: it is secret) is for applications: a gateway "
                + "logs in with use-token-auth and its own token, the option authToken; remove authKey [later contract "
                + "3.4]");
        require(notEmpty(c.getAuthToken()), "A gateway of organization " + c.getOrg() + " needs the option authToken: "
                + "the token of the gateway " + c.getGatewayType() + "/" + c.getGatewayId() + " [later contract 3.4]");
        require(!c.isShared(), "The option shared is for applications only: gateways cannot share a client id");
        require(!kind.isRest(), "The REST API (iotf:" + kind.uriName() + ") takes an API key: use "
                + "clientType=application with authKey and authToken [3.1.1]");
    }

    static void checkConsumer(IotfKind kind, IotfConfiguration c) {
        if (!c.isGateway()) {
            return;
        }
        switch (kind) {
            case DEVICE_EVENT:
                throw new IllegalArgumentException("A gateway cannot receive events, not even its own or its devices' "
                        + "[later contract 3.4]: it publishes them (use iotf:device-event in to()); iotf:device-event "
                        + "consumers need clientType=application");
            case APP_STATUS:
                throw new IllegalArgumentException("Only applications receive application status messages [5.3.8]: "
                        + "use clientType=application");
            default:
                break;
        }
    }

    static void checkProducer(IotfKind kind, IotfConfiguration c) {
        if (kind == IotfKind.GATEWAY_NOTIFY) {
            throw new IllegalArgumentException("iotf:gateway-notify has no producer: the service publishes a gateway's "
                    + "notifications itself [later contract 3.4]");
        }
        if (c.isGateway() && c.getTransport() == IotfTransport.http) {
            // the contract has gateways post with the user g/org/gatewayType/gatewayId [later contract 2.11]; the
            // local service does not take such credentials yet, and what it cannot check is not offered
            throw new IllegalArgumentException("transport=http with clientType=gateway is not supported yet: the "
                    + "contract's gateway HTTP messaging (user g/org/gatewayType/gatewayId) [later contract 2.11] is not "
                    + "served by the local service; remove transport=http (a gateway publishes over MQTT)");
        }
        if (c.isGateway() && kind == IotfKind.COMMAND) {
            throw new IllegalArgumentException("A gateway does not send commands (the service disconnects a gateway "
                    + "that publishes one) [later contract 3.4]: iotf:command producers need clientType=application; "
                    + "a gateway receives commands (iotf:command in from())");
        }
    }

    private static boolean notEmpty(String value) {
        return value != null && !value.isEmpty();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
