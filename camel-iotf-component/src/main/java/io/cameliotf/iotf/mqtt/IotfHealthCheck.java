package io.cameliotf.iotf.mqtt;

import io.cameliotf.iotf.IotfEndpoint;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.util.URISupport;

/**
 * Up while the MQTT connection of a consumer or producer is up; down, with the last error, otherwise. A readiness
 * check only, as camel-kafka's: a lost connection is made again by itself, and restarting the application would not
 * bring the service back sooner. Its details name the endpoint (secrets masked), the client id and the server.
 */
final class IotfHealthCheck extends AbstractHealthCheck {

    private final Supplier<IotfConnection> connection;
    private final String endpoint;

    private IotfHealthCheck(String id, String endpoint, Supplier<IotfConnection> connection) {
        super("camel", id);
        this.endpoint = endpoint;
        this.connection = connection;
    }

    /**
     * The check of a consumer. Camel's consumers repository reports it as {@code consumer:<routeId>}, with the
     * route's endpoint in {@code endpoint.uri}; its own id says the same.
     */
    static IotfHealthCheck consumer(String routeId, IotfEndpoint endpoint, Supplier<IotfConnection> connection) {
        return new IotfHealthCheck("consumer:" + routeId, masked(endpoint), connection);
    }

    /**
     * The check of a producer: {@code producer:} and its endpoint's URI, secrets masked (stable from run to run, and
     * one per endpoint, however many routes send to it).
     */
    static IotfHealthCheck producer(IotfEndpoint endpoint, Supplier<IotfConnection> connection) {
        String uri = masked(endpoint);
        return new IotfHealthCheck("producer:" + uri, uri, connection);
    }

    /**
     * The endpoint's URI with the values of secret options (authKey, authToken) masked, as Camel masks them, and
     * readable: {@code brokerUrl=tcp://host:1883}, not Camel's {@code tcp%3A%2F%2Fhost%3A1883}.
     */
    static String masked(IotfEndpoint endpoint) {
        String sanitized = URISupport.sanitizeUri(endpoint.getEndpointUri());
        // percent escapes only: a '+' (a wildcard) is already escaped in Camel's form and stays what it is
        return URLDecoder.decode(sanitized.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("iotf.endpoint", endpoint);
        IotfConnection c = connection.get();
        if (c == null) {
            builder.down().message("Not started");
            return;
        }
        builder.detail("iotf.clientId", c.clientId());
        builder.detail("iotf.brokerUrl", c.settings().brokerUrl());
        builder.detail("iotf.reconnects", c.stats().reconnects());
        if (c.stats().isGateway()) { // refusals do not make a gateway down: they are shown, as the dev console does
            builder.detail("iotf.gatewayNotifications", c.stats().gatewayNotifications());
            if (c.stats().lastGatewayNotification() != null) {
                builder.detail("iotf.lastGatewayNotification", c.stats().lastGatewayNotification().toString());
            }
        }
        if (c.isConnected()) {
            builder.up();
        } else {
            builder.down().message("Not connected to the IoTF service as " + c.clientId());
            if (c.lastError() != null) {
                builder.error(c.lastError());
            }
        }
    }
}
