package io.cameliotf.iotf.mqtt;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Up while the MQTT connection of a consumer or producer is up; down, with the last error, otherwise. Its details
 * name the endpoint (secrets masked, as Camel shows endpoints), the client id and the server.
 */
final class IotfHealthCheck extends AbstractHealthCheck {

    private final Supplier<IotfConnection> connection;
    private final String endpoint;

    /** @param endpoint the endpoint as Camel shows it ({@code Endpoint.toString()}: secrets masked) */
    IotfHealthCheck(String id, String endpoint, Supplier<IotfConnection> connection) {
        super("camel", id);
        this.endpoint = endpoint;
        this.connection = connection;
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
