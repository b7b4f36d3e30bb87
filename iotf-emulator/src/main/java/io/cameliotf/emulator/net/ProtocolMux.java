package io.cameliotf.emulator.net;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * One port that speaks MQTT and HTTP alike, as IBM's hosted service did on 1883, 8883, 80 and 443 (later contract
 * 3.1, 2.11): MQTT, MQTT over WebSocket, HTTP messaging and the REST API share it. It ends TLS itself (on a secure
 * port), then looks at the first bytes: an MQTT CONNECT goes to the broker's internal bridge port; HTTP (a WebSocket
 * upgrade, an API call) goes to an internal HTTP listener, with a PROXY protocol header so that it sees the client's
 * own address and this port. Anything else is closed.
 * <p>
 * This costs a plain MQTT client a hop through this process: the layout is off by default (see docs/emulator.md).
 */
final class ProtocolMux implements AutoCloseable {

    private final Vertx vertx;
    private final StreamBridge bridge;
    private final ClientOrigins origins;
    private final int brokerPort;
    private final int httpPort;
    private final boolean secure;
    private final NetServerOptions options;
    private NetServer server;

    /**
     * @param options where to listen, and TLS for a secure port
     * @param httpPort the internal HTTP listener for this port's HTTP traffic (it must take the PROXY protocol)
     */
    ProtocolMux(Vertx vertx, StreamBridge bridge, ClientOrigins origins, int brokerPort, int httpPort,
            NetServerOptions options) {
        this.vertx = vertx;
        this.bridge = bridge;
        this.origins = origins;
        this.brokerPort = brokerPort;
        this.httpPort = httpPort;
        this.secure = options.isSsl();
        this.options = options.setTcpNoDelay(true);
    }

    /** Listens; returns the port. */
    int start() throws Exception {
        server = vertx.createNetServer(options).connectHandler(this::accept);
        return server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();
    }

    private void accept(NetSocket socket) {
        SocketAddress remote = socket.remoteAddress();
        SocketAddress local = socket.localAddress();
        ClientOrigin origin = new ClientOrigin(remote.hostAddress(), local.port(), secure, false);
        bridge.join(socket, socket, first -> {
            int b = first.getByte(0) & 0xFF;
            if (b == MqttConnect.CONNECT) {
                return StreamBridge.mqtt(first, origins, origin, brokerPort);
            }
            if (b >= 'A' && b <= 'Z') {
                return StreamBridge.route(httpPort, proxyHeader(remote, local));
            }
            socket.close(); // neither MQTT nor HTTP (for example TLS on a plain port)
            return null;
        }, socket::close);
    }

    /** A PROXY protocol v1 header naming the client and this port. */
    static Buffer proxyHeader(SocketAddress remote, SocketAddress local) {
        String family = remote.hostAddress().contains(":") ? "TCP6" : "TCP4";
        return Buffer.buffer("PROXY " + family + " " + remote.hostAddress() + " " + local.hostAddress() + " "
                + remote.port() + " " + local.port() + "\r\n");
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // stopping anyway
            }
            server = null;
        }
    }
}
