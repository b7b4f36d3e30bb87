package io.cameliotf.emulator.net;

import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.Set;

/**
 * MQTT over WebSocket (and secure WebSocket), on the paths clients use: {@code /} (IBM's Node libraries, mqtt.js)
 * and {@code /mqtt} (Paho), with the sub-protocols {@code mqtt} and {@code mqttv3.1} (later contract 3.1). The
 * WebSocket is ended here and its bytes go to the broker's internal bridge port, its origin recorded so that status
 * messages show the client's own address, port and transport.
 */
final class WebSocketBridge {

    static final Set<String> PATHS = Set.of("/", "/mqtt");
    static final List<String> SUB_PROTOCOLS = List.of("mqtt", "mqttv3.1");
    /** Frames up to a full MQTT packet at the service's payload limit, with room for its topic and header. */
    static final int MAX_FRAME = 256 * 1024;

    private final StreamBridge bridge;
    private final ClientOrigins origins;
    private final int brokerPort;

    WebSocketBridge(StreamBridge bridge, ClientOrigins origins, int brokerPort) {
        this.bridge = bridge;
        this.origins = origins;
        this.brokerPort = brokerPort;
    }

    /** @param secure whether the client came over TLS (to this listener, or to the multiplexer in front of it) */
    void handle(ServerWebSocket ws, boolean secure) {
        if (!PATHS.contains(ws.path())) {
            ws.reject(404);
            return;
        }
        ClientOrigin origin = new ClientOrigin(ws.remoteAddress() == null ? "" : ws.remoteAddress().hostAddress(),
                ws.localAddress() == null ? 0 : ws.localAddress().port(), secure, true);
        bridge.join(ws, ws, first -> StreamBridge.mqtt(first, origins, origin, brokerPort), ws::close);
    }
}
