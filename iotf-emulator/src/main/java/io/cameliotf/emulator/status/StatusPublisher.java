package io.cameliotf.emulator.status;

import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.publish.PublishService;
import io.cameliotf.emulator.auth.ClientIdentity;
import io.cameliotf.emulator.log.LogSafe;
import io.cameliotf.emulator.session.ConnectionState;
import io.cameliotf.emulator.topics.InternalTopics;
import java.nio.ByteBuffer;
import io.cameliotf.emulator.session.ConnectionListener;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a client's status messages, on {@code iot-2/type/<t>/id/<i>/mon} for devices and
 * {@code iot-2/app/<appId>/mon} for applications [5.3.7, 5.3.8]. The broker's lifecycle events decide when (one
 * Connect and one Disconnect per authenticated connection; refused logins publish nothing).
 */
public final class StatusPublisher implements ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(StatusPublisher.class);

    private final PublishService publishService;
    private final InternalTopics internal;

    public StatusPublisher(PublishService publishService, InternalTopics internal) {
        this.publishService = publishService;
        this.internal = internal;
    }

    @Override
    public void connected(ConnectionState state, Instant time) {
        publish(state, StatusMessages.connect(state, time));
    }

    @Override
    public void disconnected(ConnectionState state, Instant time, String reason, int closeCode) {
        publish(state, StatusMessages.disconnect(state, time, reason, closeCode));
    }

    private void publish(ConnectionState state, byte[] json) {
        ClientIdentity id = state.identity();
        String topic = id.isApplication() ? internal.appStatus(id.org(), id.appId())
                : internal.deviceStatus(id.org(), id.deviceType(), id.deviceId());
        publishService.publish(Builders.publish().topic(topic).qos(Qos.AT_LEAST_ONCE)
                .payload(ByteBuffer.wrap(json)).build())
                .whenComplete((ok, e) -> {
                    if (e != null) {
                        LOG.warn("Could not publish the status of {}: {}", LogSafe.of(id.clientId()), e.toString());
                    }
                });
    }
}
