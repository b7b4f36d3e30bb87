package io.cameliotf.iotf;

/** How a producer sends events and commands: over MQTT [5], or over HTTP(S) (later contract 2.11). */
public enum IotfTransport {
    /** MQTT, the service's own protocol. */
    mqtt,
    /** HTTP messaging: one HTTPS POST per message, for networks that block MQTT. */
    http
}
