package io.cameliotf.iotf.mqtt;

import io.cameliotf.iotf.payload.IotfGatewayNotification;
import io.cameliotf.iotf.payload.IotfPayloadException;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway connection's own subscription to its notify topic {@code iot-2/type/<gwType>/id/<gwId>/notify} (later
 * contract 3.4, QoS 0 as IBM's Python SDK): made with the connection, whether or not a route consumes it, so that
 * every refused publish or subscribe of the gateway is logged at WARN (the notification's fields: topics, device,
 * RC and the service's reason, none of them secret), counted, and the last one kept for the dev console and the
 * health checks. Routes that want them too consume {@code iotf:gateway-notify}.
 */
public final class GatewayNotifications implements MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayNotifications.class);

    private final String clientId;
    private final String topic;
    private final LongAdder count = new LongAdder();
    private volatile IotfGatewayNotification last;

    private GatewayNotifications(String clientId, String topic) {
        this.clientId = clientId;
        this.topic = topic;
    }

    /** The notifications of the gateway of {@code clientId} (g:org:type:id), or null for any other client. */
    static GatewayNotifications of(String clientId) {
        String[] parts = clientId.split(":", -1);
        if (parts.length != 4 || !"g".equals(parts[0])) {
            return null;
        }
        return new GatewayNotifications(clientId, IotfTopics.gatewayNotify(parts[2], parts[3]));
    }

    /**
     * What to add to the report of a lost connection or a failed publish of {@code clientId}: for a gateway, that the
     * service disconnects it for a publish outside its topic space (later contract 3.4; a notification, if one was
     * sent, is logged); nothing for other clients.
     */
    static String lostHint(String clientId) {
        return clientId.startsWith("g:") ? " (the service disconnects a gateway that publishes outside its topic "
                + "space: its type, id, event or format not allowed [later contract 3.4])" : "";
    }

    /** The notify topic this gateway subscribes to. */
    String topic() {
        return topic;
    }

    @Override
    public boolean onMessage(String topic, MqttMessage message) {
        count.increment();
        try {
            IotfGatewayNotification n = IotfGatewayNotification.parse(message.getPayload());
            last = n;
            LOG.warn("The IoTF service refused gateway {}: {}", clientId, n);
        } catch (IotfPayloadException e) {
            LOG.warn("The IoTF service sent gateway {} a notification that is not one ({}): {}", clientId,
                    e.getMessage(), topic);
        }
        return true;
    }

    /** How many notifications the gateway received on this connection. */
    long count() {
        return count.sum();
    }

    /** The last notification, or null. */
    IotfGatewayNotification last() {
        return last;
    }
}
