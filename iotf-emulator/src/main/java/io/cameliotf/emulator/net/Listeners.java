package io.cameliotf.emulator.net;

import io.cameliotf.emulator.tls.TlsMaterial;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.JksOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.core.net.TCPSSLOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The service's HTTP-speaking listeners, on one Vert.x: every HTTP listener serves the REST API (its handler comes
 * from the API layer) and MQTT over WebSocket on {@code /} and {@code /mqtt}; a {@link ProtocolMux} port adds MQTT
 * itself. TLS is 1.2 or 1.3, with the certificate of the MQTT listeners.
 */
public final class Listeners implements AutoCloseable {

    /** The longest request line and headers taken; longer URIs get the API's 414 rather than the HTTP codec's. */
    private static final int MAX_INITIAL_LINE = 65_536;
    private static final Set<String> TLS_VERSIONS = Set.of("TLSv1.2", "TLSv1.3");

    private final Vertx vertx;
    private final Function<Boolean, Handler<HttpServerRequest>> rest;
    private final TlsMaterial tls;
    private final String bindAddress;
    private final StreamBridge bridge;
    private final WebSocketBridge webSockets;
    private final ClientOrigins origins;
    private final int brokerPort;
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<ProtocolMux> muxes = new ArrayList<>();
    private final int[] internalHttp = {-1, -1};

    /**
     * @param rest the REST API's request handler, for a listener whose clients come over TLS ({@code true}) or not
     * @param brokerPort the broker's internal bridge port, where bridged MQTT connections go
     */
    public Listeners(Vertx vertx, Function<Boolean, Handler<HttpServerRequest>> rest, TlsMaterial tls,
            String bindAddress, int brokerPort, ClientOrigins origins) {
        this.vertx = vertx;
        this.rest = rest;
        this.tls = tls;
        this.bindAddress = bindAddress;
        this.brokerPort = brokerPort;
        this.origins = origins;
        this.bridge = new StreamBridge(vertx);
        this.webSockets = new WebSocketBridge(bridge, origins, brokerPort);
    }

    /** An HTTP (or, with {@code secure}, HTTPS) listener on the bind address: REST API and MQTT over WebSocket. */
    public int http(int port, boolean secure) throws Exception {
        HttpServerOptions options = httpOptions().setHost(bindAddress).setPort(port);
        if (secure) {
            tls(options);
        }
        return listen(options, secure);
    }

    /**
     * A port for MQTT and HTTP alike (see {@link ProtocolMux}); with {@code secure}, TLS is ended on it.
     *
     * @return the port
     */
    public int shared(int port, boolean secure) throws Exception {
        NetServerOptions options = new NetServerOptions().setHost(bindAddress).setPort(port);
        if (secure) {
            tls(options);
        }
        ProtocolMux mux = new ProtocolMux(vertx, bridge, origins, brokerPort, internalHttp(secure), options);
        muxes.add(mux);
        return mux.start();
    }

    /** The loopback HTTP listener behind the multiplexers of one kind (plain or secure), started on first use. */
    private int internalHttp(boolean secure) throws Exception {
        int i = secure ? 1 : 0;
        if (internalHttp[i] < 0) {
            internalHttp[i] = listen(httpOptions().setHost("127.0.0.1").setPort(0).setUseProxyProtocol(true), secure);
        }
        return internalHttp[i];
    }

    private int listen(HttpServerOptions options, boolean secure) throws Exception {
        Handler<HttpServerRequest> api = rest.apply(secure);
        // requests the HTTP codec cannot read go to the API's handler too, which answers them in its error shape
        HttpServer server = vertx.createHttpServer(options).requestHandler(api).invalidRequestHandler(api)
                .webSocketHandler(ws -> webSockets.handle(ws, secure));
        servers.add(server);
        return server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();
    }

    private static HttpServerOptions httpOptions() {
        return new HttpServerOptions().setMaxInitialLineLength(MAX_INITIAL_LINE).setMaxHeaderSize(MAX_INITIAL_LINE)
                .setTcpNoDelay(true).setHttp2ClearTextEnabled(false) // HTTP/1.1, as the hosted service spoke
                .setWebSocketSubProtocols(WebSocketBridge.SUB_PROTOCOLS)
                .setMaxWebSocketFrameSize(WebSocketBridge.MAX_FRAME).setMaxWebSocketMessageSize(WebSocketBridge.MAX_FRAME);
    }

    private void tls(TCPSSLOptions options) {
        String keystore = tls.keystore().toAbsolutePath().toString();
        KeyCertOptions keys = keystore.toLowerCase(Locale.ROOT).endsWith(".jks")
                ? new JksOptions().setPath(keystore).setPassword(tls.password())
                : new PfxOptions().setPath(keystore).setPassword(tls.password());
        options.setSsl(true).setKeyCertOptions(keys).setEnabledSecureTransportProtocols(TLS_VERSIONS);
    }

    @Override
    public void close() {
        muxes.forEach(ProtocolMux::close);
        muxes.clear();
        for (HttpServer server : servers) {
            try {
                server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // stopping anyway
            }
        }
        servers.clear();
        bridge.close();
    }
}
