package io.cameliotf.iotf;

import io.cameliotf.iotf.rules.HttpFormats;
import io.cameliotf.iotf.rules.ValueRules;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rules an endpoint's options must follow, checked when the endpoint is created and when its consumer or
 * producer is: roles [2.1.4, 2.1.5], QuickStart [5.2.5, 5.3.9], names [3.1.6] and credentials. Every message names
 * the option to change, and none shows the value of a secret option (authKey, authToken).
 */
public final class EndpointRules {

    private EndpointRules() {
    }

    static void checkEndpoint(IotfKind kind, IotfConfiguration c) {
        require(c.getOrg() != null && !c.getOrg().isEmpty(), "The option org is required: the organization id, or "
                + "quickstart");
        for (int i = 0; i < c.getOrg().length(); i++) {
            require(Character.isLetterOrDigit(c.getOrg().charAt(i)) && c.getOrg().charAt(i) < 128, "The option org '"
                    + c.getOrg() + "' must be letters and digits only");
        }
        GatewayRules.checkEndpoint(kind, c);
        if (c.isGateway()) {
            checkFilterName("deviceType", c.getDeviceType(), maxName(kind, c));
            checkFilterName("deviceId", c.getDeviceId(), maxName(kind, c));
        } else if (c.isDevice()) {
            require(c.getDeviceType() != null && c.getDeviceId() != null, "A device client (clientType=device) needs "
                    + "the options deviceType and deviceId: its client id is d:org:deviceType:deviceId [5.2.1]");
            checkName("deviceType", c.getDeviceType(), maxName(kind, c));
            checkName("deviceId", c.getDeviceId(), maxName(kind, c));
            require(!c.isShared(), "The option shared is for applications only: devices cannot share a client id");
            require(c.isQuickstart() || notEmpty(c.getAuthToken()), "A device of organization " + c.getOrg()
                    + " needs the option authToken: the device's token [5.2.2]");
        } else {
            checkAppId(c.getAppId());
            checkFilterName("deviceType", c.getDeviceType(), maxName(kind, c));
            checkFilterName("deviceId", c.getDeviceId(), maxName(kind, c));
            if (!c.isQuickstart()) {
                require(notEmpty(c.getAuthKey()) && notEmpty(c.getAuthToken()), "An application of organization "
                        + c.getOrg() + " needs the options authKey (an API key, a-" + c.getOrg() + "-xxxxxxxxxx) and "
                        + "authToken (its token) [5.3.2]");
                require(c.getAuthKey().startsWith("a-" + c.getOrg() + "-"), "The option authKey (not shown: it is "
                        + "secret) is not an API key of organization " + c.getOrg() + ": API keys of " + c.getOrg()
                        + " look like a-" + c.getOrg() + "-xxxxxxxxxx [2.1.1, 5.3.2]");
            }
        }
        checkLevel("event", c.getEvent());
        checkLevel("command", c.getCommand());
        checkLevel("format", c.getFormat());
        checkLevel("watchAppId", c.getWatchAppId());
        require(c.getQos() == null || c.getQos() >= 0 && c.getQos() <= 2, "The option qos must be 0, 1 or 2, not "
                + c.getQos());
        String url = c.effectiveBrokerUrl();
        require(url.startsWith("tcp://") || url.startsWith("ssl://") || url.startsWith("ws://")
                || url.startsWith("wss://"), "The option brokerUrl '" + url + "' must start with tcp://, ssl://, ws:// "
                + "or wss://");
        require("memory".equals(c.getPersistence()) || "file".equals(c.getPersistence()), "The option persistence "
                + "must be memory or file, not '" + c.getPersistence() + "'");
        require(!"file".equals(c.getPersistence()) || notEmpty(c.getPersistenceDirectory()), "The option "
                + "persistence=file needs the option persistenceDirectory");
        require(c.getMaxInflight() > 0, "The option maxInflight must be at least 1");
        if (kind.isRest()) {
            require(!c.isDevice(), "The REST API (iotf:" + kind.uriName() + ") takes an API key: use "
                    + "clientType=application with authKey and authToken [3.1.1]");
            require(!c.isQuickstart(), "QuickStart has no REST API: iotf:" + kind.uriName() + " needs a registered "
                    + "organization");
            if (c.getTop() != null) {
                ValueRules.range("The option top", c.getTop(), 1, 100);
            }
            if (c.getPageSize() != null) {
                ValueRules.range("The option pageSize", c.getPageSize(), 1, 5000);
            }
            if (c.getSummarizeType() != null) {
                ValueRules.summarizeType("The option summarizeType", c.getSummarizeType());
            }
            require(c.getMaxResults() > 0, "The option maxResults must be at least 1");
            Long start = ValueRules.millis("The option start", c.getStart());
            Long end = ValueRules.millis("The option end", c.getEnd());
            require(start == null || end == null || start <= end, "The option start (" + c.getStart() + ") is after "
                    + "the option end (" + c.getEnd() + ")");
            if (!"now".equalsIgnoreCase(c.getSince())) {
                ValueRules.millis("The option since", c.getSince());
            }
            checkApiVersion(c);
        }
        checkTls(c);
        if (c.isQuickstart()) {
            require(!url.startsWith("ssl://") && !url.startsWith("wss://"), "QuickStart does not support TLS [5.2.5, "
                    + "5.3.9]: use a tcp:// or ws:// brokerUrl");
            require(c.isCleanSession(), "QuickStart does not keep durable sessions [5.2.5]: remove cleanSession=false");
            require(kind != IotfKind.COMMAND, "QuickStart has no commands [5.2.5, 5.3.9]: iotf:command needs a "
                    + "registered organization");
        }
    }

    static void checkConsumer(IotfKind kind, IotfConfiguration c) {
        require(c.getTransport() != IotfTransport.http || kind.isRest(), "The option transport=http is for producers "
                + "(HTTP messaging only publishes): an iotf:" + kind.uriName() + " consumer receives over MQTT, so "
                + "remove transport=http from its endpoint");
        GatewayRules.checkConsumer(kind, c);
        switch (kind) {
            case REGISTRY:
                throw new IllegalArgumentException("iotf:registry has no consumer: it performs operations (use it in to())");
            case DEVICE_EVENT:
                require(!c.isDevice(), "A device cannot receive events, not even its own [2.1.4]: iotf:device-event "
                        + "consumers need clientType=application");
                requireQuickstartType(c);
                break;
            case DEVICE_STATUS:
                require(!c.isDevice(), "Only applications receive device status messages [5.3.7]: use "
                        + "clientType=application");
                requireQuickstartType(c);
                break;
            case APP_STATUS:
                require(!c.isDevice(), "Only applications receive application status messages [5.3.8]: use "
                        + "clientType=application");
                require(!c.isQuickstart() || isLiteral(c.getWatchAppId()), "QuickStart allows no '+' for the "
                        + "application id [5.3.9]: set the option watchAppId");
                break;
            default:
                break;
        }
    }

    static void checkProducer(IotfKind kind, IotfConfiguration c) {
        if (c.getTransport() == IotfTransport.http && !kind.isRest() && c.getFormat() != null) {
            HttpFormats.contentType("The option format", c.getFormat());
        }
        GatewayRules.checkProducer(kind, c);
        switch (kind) {
            case COMMAND:
                require(!c.isDevice(), "Only applications send commands [2.1.5]: iotf:command producers need "
                        + "clientType=application");
                break;
            case DEVICE_STATUS:
            case APP_STATUS:
                throw new IllegalArgumentException("iotf:" + kind.uriName() + " has no producer: the service publishes "
                        + "status messages itself [5.3.7, 5.3.8]");
            default:
                break;
        }
    }

    /** The longest name the endpoint's contract allows: 32 in API v0001 [3.1.6], else 36 (later contract 3.1). */
    static int maxName(IotfKind kind, IotfConfiguration c) {
        return kind.isRest() && c.effectiveApiVersion() == IotfApiVersion.v0001 ? ValueRules.MAX_NAME_V0001
                : ValueRules.MAX_NAME;
    }

    private static void checkApiVersion(IotfConfiguration c) {
        String api = c.effectiveApiBaseUrl();
        require(api.startsWith("http://") || api.startsWith("https://"), "The option apiBaseUrl '" + api
                + "' must start with http:// or https://");
        String named = IotfConfiguration.versionIn(c.getApiBaseUrl());
        require(named == null || c.getApiVersion() == null || named.equals(c.getApiVersion().name()), "The option "
                + "apiBaseUrl ends with /api/" + named + " while the option apiVersion is " + c.getApiVersion()
                + ": leave the /api/... part out of apiBaseUrl, or make them agree");
        require(named == null || named.equals("v0001") || named.equals("v0002"), "The option apiBaseUrl names API "
                + named + ", which this component does not speak: use v0001 or v0002");
    }

    private static void checkTls(IotfConfiguration c) {
        if (c.getCaFile() == null) {
            return;
        }
        require(c.getSslContextParameters() == null, "Set the option caFile or the option sslContextParameters, not "
                + "both: caFile makes the trust of a TLS context of its own");
        require(Files.isReadable(Path.of(c.getCaFile())), "The option caFile '" + c.getCaFile() + "' is not a readable "
                + "file: give the path of a PEM file of the service's certificate or its CA");
    }

    private static void requireQuickstartType(IotfConfiguration c) {
        require(!c.isQuickstart() || isLiteral(c.getDeviceType()), "QuickStart allows no '+' for the device type "
                + "[5.3.9]: set the option deviceType");
    }

    private static void checkName(String option, String value, int maxLength) {
        ValueRules.name("The option " + option, value, maxLength);
    }

    private static void checkFilterName(String option, String value, int maxLength) {
        if (isLiteral(value)) {
            checkName(option, value, maxLength);
        }
    }

    private static void checkLevel(String option, String value) {
        if (isLiteral(value)) {
            ValueRules.level("The option " + option, value);
        }
    }

    private static void checkAppId(String appId) {
        String problem = ValueRules.levelProblem(appId);
        require(problem == null, "The option appId '" + appId + "' " + problem + " (it is a level of "
                + "iot-2/app/<appId>/mon)");
    }

    /** Set, and not the wildcard. */
    private static boolean isLiteral(String value) {
        return value != null && !value.isEmpty() && !"+".equals(value);
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
