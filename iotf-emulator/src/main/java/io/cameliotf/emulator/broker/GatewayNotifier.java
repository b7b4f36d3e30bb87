package io.cameliotf.emulator.broker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.publish.PublishService;
import io.cameliotf.emulator.auth.ClientIdentity;
import io.cameliotf.emulator.log.LogSafe;
import io.cameliotf.emulator.status.StatusMessages;
import io.cameliotf.emulator.topics.InternalTopics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a gateway what the service refused it, on its notify topic {@code iot-2/type/<gwType>/id/<gwId>/notify}
 * (later contract 3.4), QoS 0: {@code Request} ({@code publish} or {@code subscribe}), {@code Time}, {@code Topic},
 * {@code Type} and {@code Id} (when the topic names a device), {@code Client}, {@code RC} and {@code Message}.
 * The contract leaves RC's values open: this service sends {@value #NOT_AUTHORIZED}, MQTT's refusal code.
 */
final class GatewayNotifier {

    static final int NOT_AUTHORIZED = 0x80;
    private static final Logger LOG = LoggerFactory.getLogger(GatewayNotifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublishService publishService;
    private final Clock clock;
    private final InternalTopics topics;

    GatewayNotifier(PublishService publishService, Clock clock, InternalTopics topics) {
        this.topics = topics;
        this.publishService = publishService;
        this.clock = clock;
    }

    /** Notifies {@code client} if it is a gateway; other clients have no notify topic. */
    void refused(ClientIdentity client, String request, String topic, String message) {
        if (!client.isGateway()) {
            return;
        }
        String internal = topics.gatewayNotify(client.org(), client.deviceType(), client.deviceId());
        publishService.publish(Builders.publish().topic(internal).qos(Qos.AT_MOST_ONCE)
                .payload(ByteBuffer.wrap(json(client, request, topic, message))).build())
                .whenComplete((ok, e) -> {
                    if (e != null) {
                        LOG.warn("Could not notify gateway {}: {}", LogSafe.of(client.clientId()), e.toString());
                    }
                });
    }

    byte[] json(ClientIdentity client, String request, String topic, String message) {
        ObjectNode json = JSON.createObjectNode();
        json.put("Request", request);
        json.put("Time", StatusMessages.format(clock.instant()));
        json.put("Topic", topic);
        String[] levels = topic.split("/", -1);
        if (levels.length > 4 && "iot-2".equals(levels[0]) && "type".equals(levels[1]) && "id".equals(levels[3])) {
            json.put("Type", levels[2]);
            json.put("Id", levels[4]);
        }
        json.put("Client", client.clientId());
        json.put("RC", NOT_AUTHORIZED);
        json.put("Message", message);
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
