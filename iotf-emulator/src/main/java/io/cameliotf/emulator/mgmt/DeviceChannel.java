package io.cameliotf.emulator.mgmt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.auth.ClientIdentity;
import io.cameliotf.emulator.log.LogSafe;
import io.cameliotf.emulator.messaging.BrokerPublisher;
import io.cameliotf.emulator.store.ManagedDevice;
import io.cameliotf.emulator.topics.InternalTopics;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's messages to managed devices, {@code iotdm-1/...} (later contract 3.5.1): to a device connected on its
 * own, or to the gateway it is managed through (gateway form {@code iotdm-1/type/<t>/id/<d>/...}). Always QoS 1
 * (3.5.2),
 * so that a device with a durable session ({@code cleansession=false}) gets what was sent while it was away.
 */
final class DeviceChannel {

    /** QoS of every device management message of the service (later contract 3.5.2). */
    static final int QOS = 1;
    private static final Logger LOG = LoggerFactory.getLogger(DeviceChannel.class);

    private final BrokerPublisher publisher;
    private final InternalTopics topics;

    DeviceChannel(BrokerPublisher publisher, InternalTopics topics) {
        this.publisher = publisher;
        this.topics = topics;
    }

    /**
     * Who receives the service's messages for a device.
     *
     * @param gatewayType null when the device itself does
     */
    record Route(String org, String gatewayType, String gatewayId) {

        /** The client a request came from: a device answers itself, a gateway for the devices behind it. */
        static Route of(ClientIdentity client) {
            return client.isGateway() ? new Route(client.org(), client.deviceType(), client.deviceId())
                    : new Route(client.org(), null, null);
        }

        static Route of(ManagedDevice m) {
            return new Route(m.org(), m.gatewayType(), m.gatewayId());
        }

        /** The client id of who receives the messages of device {@code type}/{@code id}. */
        String clientId(String type, String id) {
            return gatewayType == null ? "d:" + org + ':' + type + ':' + id
                    : "g:" + org + ':' + gatewayType + ':' + gatewayId;
        }
    }

    /** Sends {@code message} on {@code iotdm-1/<path>} to device {@code type}/{@code id} through {@code route}. */
    void send(Route route, String type, String id, String path, ObjectNode message) {
        String topic = route.gatewayType() == null ? topics.dmToDevice(route.org(), type, id) + path
                : topics.dmToGateway(route.org(), route.gatewayType(), route.gatewayId()) + "type/" + type
                        + "/id/" + id + '/' + path;
        publisher.publish(topic, message.toString().getBytes(StandardCharsets.UTF_8), QOS).whenComplete((ok, e) -> {
            if (e != null) {
                LOG.warn("Could not send iotdm-1/{} to {}/{} of organization {}: {}", LogSafe.of(path),
                        LogSafe.of(type), LogSafe.of(id), route.org(), e.toString());
            }
        });
    }

    void send(ManagedDevice m, String path, ObjectNode message) {
        send(Route.of(m), m.type(), m.id(), path, message);
    }
}
