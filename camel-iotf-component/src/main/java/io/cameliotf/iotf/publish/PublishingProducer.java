package io.cameliotf.iotf.publish;

import io.cameliotf.iotf.IotfClientType;
import io.cameliotf.iotf.IotfConfiguration;
import io.cameliotf.iotf.IotfEndpoint;
import io.cameliotf.iotf.IotfKind;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * What the producers of events and commands share, whatever carries the message (MQTT or HTTP messaging): the
 * address of each message and the bytes of its body, by the same rules.
 */
public abstract class PublishingProducer extends DefaultProducer {

    protected final IotfEndpoint endpoint;
    protected final IotfConfiguration config;
    protected final IotfKind kind;
    private final IotfClientType client;

    protected PublishingProducer(IotfEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.kind = endpoint.getIotfKind();
        this.client = config.getClientType();
    }

    /** Where the message of {@code exchange} goes, from its headers or the endpoint's options. */
    protected PublishAddress address(Exchange exchange) {
        return PublishAddress.of(exchange.getMessage(), kind, config, client);
    }

    /** The bytes to send for the body of {@code exchange}. */
    protected byte[] payload(Exchange exchange) throws Exception {
        return OutgoingPayload.of(exchange, config.isWrapPayload());
    }
}
