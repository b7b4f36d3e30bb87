package io.cameliotf.emulator.net;

/**
 * Where a bridged MQTT connection really came from, for its status messages and connection state: the broker sees
 * it arrive from this service on the internal bridge port.
 *
 * @param address the client's IP address
 * @param port the service port it connected to
 * @param secure whether it came over TLS
 * @param webSocket whether it spoke MQTT over WebSocket
 */
public record ClientOrigin(String address, int port, boolean secure, boolean webSocket) {
}
