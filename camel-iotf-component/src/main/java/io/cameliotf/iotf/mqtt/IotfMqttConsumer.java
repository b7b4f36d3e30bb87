package io.cameliotf.iotf.mqtt;

import io.cameliotf.iotf.IotfConfiguration;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.IotfEndpoint;
import io.cameliotf.iotf.IotfKind;
import io.cameliotf.iotf.payload.IotfGatewayNotification;
import io.cameliotf.iotf.payload.IotfPayloads;
import io.cameliotf.iotf.payload.IotfStatus;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * Receives device events, commands or status messages on its subscription of the shared connection. The route runs
 * on the connection's delivery thread, in the order the service delivers; at QoS 1 and 2 a message is acknowledged
 * only after its exchange completed, and a failed exchange leaves it unacknowledged (see {@link IotfConnection}).
 */
public class IotfMqttConsumer extends DefaultConsumer implements MessageHandler {

    private final IotfEndpoint endpoint;
    private final String filter;
    private final int qos;
    private volatile IotfConnection connection;
    private Subscriptions.Subscription subscription;

    public IotfMqttConsumer(IotfEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.filter = filter(endpoint.getIotfKind(), endpoint.getConfiguration());
        this.qos = endpoint.getConfiguration().effectiveQos(endpoint.getIotfKind());
    }

    /** The subscription of a consumer [5.2.4, 5.3.5-5.3.8]; unset filter options are '+'. */
    static String filter(IotfKind kind, IotfConfiguration c) {
        switch (kind) {
            case DEVICE_EVENT:
                return IotfTopics.event(IotfTopics.orAny(c.getDeviceType()), IotfTopics.orAny(c.getDeviceId()),
                        IotfTopics.orAny(c.getEvent()), IotfTopics.orAny(c.getFormat()));
            case COMMAND:
                if (c.getClientType() == io.cameliotf.iotf.IotfClientType.device) {
                    return IotfTopics.deviceCommands(IotfTopics.orAny(c.getCommand()), IotfTopics.orAny(c.getFormat()));
                }
                return IotfTopics.command(IotfTopics.orAny(c.getDeviceType()), IotfTopics.orAny(c.getDeviceId()),
                        IotfTopics.orAny(c.getCommand()), IotfTopics.orAny(c.getFormat()));
            case DEVICE_STATUS:
                return IotfTopics.deviceStatus(IotfTopics.orAny(c.getDeviceType()), IotfTopics.orAny(c.getDeviceId()));
            case APP_STATUS:
                return IotfTopics.appStatus(IotfTopics.orAny(c.getWatchAppId()));
            case GATEWAY_NOTIFY: // also the connection's own subscription (GatewayNotifications)
                return IotfTopics.gatewayNotify(c.getGatewayType(), c.getGatewayId());
            default:
                throw new IllegalArgumentException("No consumer for iotf:" + kind.uriName());
        }
    }

    public String getFilter() {
        return filter;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = endpoint.getComponent().getConnections().acquire(endpoint.connectionSettings());
        try {
            subscription = connection.subscribe(filter, qos, this);
        } catch (RuntimeException e) {
            endpoint.getComponent().getConnections().release(connection);
            connection = null;
            throw e;
        }
        if (endpoint.getComponent().isHealthCheckConsumerEnabled()) {
            setHealthCheck(IotfHealthCheck.consumer(getRouteId(), endpoint, () -> connection));
        }
    }

    @Override
    protected void doStop() throws Exception {
        IotfConnection c = connection;
        if (c != null) {
            c.unsubscribe(subscription);
            endpoint.getComponent().getConnections().release(c);
            connection = null;
        }
        super.doStop();
    }

    @Override
    public boolean onMessage(String topic, MqttMessage message) {
        Exchange exchange = createExchange(false);
        try {
            // text payloads are UTF-8 (later contract 3.2): bytes to String must not depend on the JVM's locale
            exchange.setProperty(ExchangePropertyKey.CHARSET_NAME, "UTF-8");
            populate(exchange.getIn(), topic, message);
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean ok = exchange.getException() == null;
        if (!ok) {
            getExceptionHandler().handleException("Failed to process the IoTF message received on " + topic, exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
        return ok;
    }

    private void populate(Message in, String topic, MqttMessage message) {
        IotfConfiguration c = endpoint.getConfiguration();
        byte[] payload = message.getPayload();
        IotfTopics.Incoming parts = IotfTopics.parse(topic);
        in.setHeader(IotfConstants.TOPIC, topic);
        in.setHeader(IotfConstants.QOS, message.getQos());
        in.setHeader(IotfConstants.DUPLICATE, message.isDuplicate());
        in.setHeader(IotfConstants.TIMESTAMP, System.currentTimeMillis());
        in.setHeader(IotfConstants.ORG, c.getOrg());
        in.setHeader(IotfConstants.CLIENT_ID, connection.clientId());
        boolean device = c.getClientType() == io.cameliotf.iotf.IotfClientType.device;
        setIfPresent(in, IotfConstants.DEVICE_TYPE, device ? c.getDeviceType() : parts.deviceType());
        setIfPresent(in, IotfConstants.DEVICE_ID, device ? c.getDeviceId() : parts.deviceId());
        setIfPresent(in, IotfConstants.EVENT, parts.event());
        setIfPresent(in, IotfConstants.COMMAND, parts.command());
        setIfPresent(in, IotfConstants.FORMAT, parts.format());
        setIfPresent(in, IotfConstants.APP_ID, parts.appId());
        IotfKind kind = endpoint.getIotfKind();
        if (kind == IotfKind.GATEWAY_NOTIFY) {
            // the device the refused topic names, not the gateway the notify topic names (later contract 3.4)
            IotfGatewayNotification notification = IotfGatewayNotification.parse(payload);
            in.removeHeader(IotfConstants.DEVICE_TYPE);
            in.removeHeader(IotfConstants.DEVICE_ID);
            setIfPresent(in, IotfConstants.DEVICE_TYPE, notification.getType());
            setIfPresent(in, IotfConstants.DEVICE_ID, notification.getId());
            in.setBody(notification);
        } else if (kind == IotfKind.DEVICE_STATUS || kind == IotfKind.APP_STATUS) {
            IotfStatus status = IotfStatus.parse(payload);
            in.setHeader(IotfConstants.STATUS_ACTION, status.getAction());
            in.setBody(status);
        } else {
            in.setHeader(IotfConstants.PAYLOAD_TYPE, IotfPayloads.classify(payload));
            in.setBody(payload);
        }
    }

    private static void setIfPresent(Message in, String header, String value) {
        if (value != null) {
            in.setHeader(header, value);
        }
    }
}
