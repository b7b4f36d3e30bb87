package io.cameliotf.emulator.net;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins a client's stream to an internal port of the service: the first bytes are read first (to decide where the
 * stream goes, and to learn an MQTT client's id), then everything is piped both ways with back-pressure, and either
 * side closing closes the other. Used by the WebSocket bridge and the port multiplexer alike.
 */
final class StreamBridge {

    private static final Logger LOG = LoggerFactory.getLogger(StreamBridge.class);

    /** Decides, from the first bytes, where a stream goes and what to send ahead of them. */
    interface Route {
        /** The internal port to connect to. */
        int port();

        /** Bytes to send before the client's own (a PROXY protocol header), or null. */
        Buffer preamble();
    }

    private final NetClient client;

    StreamBridge(Vertx vertx) {
        this.client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(10_000));
    }

    /**
     * Reads {@code from} until {@code decide} can tell where it goes (it gets the bytes so far and returns null to ask
     * for more), then connects, sends the preamble and the bytes read, and pipes both ways.
     *
     * @param from the client's side (a socket, or a WebSocket), read from
     * @param to the same client's side, written to with the internal side's bytes
     * @param closeClient closes the client's side when the internal port cannot be reached
     */
    void join(ReadStream<Buffer> from, WriteStream<Buffer> to, Function<Buffer, Route> decide, Runnable closeClient) {
        Buffer first = Buffer.buffer();
        boolean[] decided = {false};
        from.handler(data -> {
            if (decided[0]) {
                return; // not reached: the stream is paused from the decision until the pipe takes over
            }
            first.appendBuffer(data);
            Route route = decide.apply(first);
            if (route == null) {
                return;
            }
            decided[0] = true;
            from.pause();
            client.connect(route.port(), "127.0.0.1").onSuccess(internal -> {
                if (route.preamble() != null) {
                    internal.write(route.preamble());
                }
                internal.write(first);
                from.handler(null);
                from.pipeTo(internal);
                internal.pipeTo(to);
            }).onFailure(e -> {
                LOG.warn("The internal port {} did not accept a bridged connection: {}", route.port(), e.getMessage());
                closeClient.run();
            });
        });
    }

    /**
     * The route of an MQTT stream to the broker's internal bridge port, once its CONNECT can be read: its origin is
     * recorded under its client id first, so the broker's authenticator finds it. Null while more bytes are needed.
     */
    static Route mqtt(Buffer first, ClientOrigins origins, ClientOrigin origin, int brokerPort) {
        byte[] bytes = first.getBytes();
        if (!MqttConnect.decided(bytes, bytes.length)) {
            return null;
        }
        String clientId = MqttConnect.clientId(bytes, bytes.length);
        if (clientId != null) {
            origins.record(clientId, origin);
        }
        return route(brokerPort, null);
    }

    static Route route(int port, Buffer preamble) {
        return new Route() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public Buffer preamble() {
                return preamble;
            }
        };
    }

    void close() {
        client.close();
    }
}
