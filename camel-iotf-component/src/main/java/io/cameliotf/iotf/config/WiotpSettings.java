package io.cameliotf.iotf.config;

import io.cameliotf.iotf.IotfClientType;

/**
 * What one configuration source (a configuration file, the environment) says, in the terms of IBM's SDKs and
 * already checked, each value with its origin. {@link OptionFiller} turns it into options; a null field means the
 * source does not say. The readers fill it; nothing else changes it.
 */
public final class WiotpSettings {

    /** The source as a whole, for messages: {@code configFile /etc/app.yaml}, {@code the environment}. */
    final String source;

    /** device or application, when the source says which (an identity, a section, an API key). */
    Setting<IotfClientType> clientType;
    Setting<String> orgId;
    Setting<String> typeId;
    Setting<String> deviceId;
    Setting<String> appId;
    Setting<String> authKey;
    Setting<String> authToken;
    Setting<String> domain;
    /** options.mqtt.port: with transport, the broker URL the SDKs build. */
    Setting<Integer> port;
    /** options.mqtt.transport: tcp or websockets. */
    Setting<String> transport;
    /** options.mqtt.caFile; {@link WiotpValues#OS_TRUST_STORE} for the default trust store. */
    Setting<String> caFile;
    /** options.mqtt.cleanStart, which is MQTT 3.1.1's clean session flag. */
    Setting<Boolean> cleanStart;
    Setting<Integer> keepAlive;
    /** Applications only: options.mqtt.sharedSubscription (iot-java) or an instanceId (iot-python). */
    Setting<Boolean> shared;

    WiotpSettings(String source) {
        this.source = source;
    }

    @Override
    public String toString() {
        return "WiotpSettings[" + source + "]";
    }
}
