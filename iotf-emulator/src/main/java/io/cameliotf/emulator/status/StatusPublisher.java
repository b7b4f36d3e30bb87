package io.cameliotf.emulator.status;

import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ClientInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionLostInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ServerInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.packets.general.DisconnectedReasonCode;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.publish.PublishService;
import io.cameliotf.emulator.auth.ClientIdentity;
import io.cameliotf.emulator.session.ConnectionState;
import io.cameliotf.emulator.session.Connections;
import io.cameliotf.emulator.topics.InternalTopics;
import java.nio.ByteBuffer;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes exactly one Connect status message per authenticated connection and exactly one Disconnect when
 * it ends, on {@code iot-2/type/<t>/id/<i>/mon} for devices and {@code iot-2/app/<appId>/mon} for applications
 * [5.3.7, 5.3.8]. Refused logins have no {@link ConnectionState} and publish nothing; a second disconnect event
 * for the same connection finds its state already removed.
 */
public final class StatusPublisher implements ClientLifecycleEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(StatusPublisher.class);

    private final Connections connections;
    private final PublishService publishService;
    private final Clock clock;

    public StatusPublisher(Connections connections, PublishService publishService, Clock clock) {
        this.connections = connections;
        this.publishService = publishService;
        this.clock = clock;
    }

    @Override
    public void onMqttConnectionStart(ConnectionStartInput input) {
        // nothing is known about the client before it authenticates
    }

    @Override
    public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
        ConnectionState state = connections.find(input.getConnectionInformation());
        if (state != null && state.claimConnectAnnouncement()) {
            publish(state, StatusMessages.connect(state, clock.instant()));
        }
    }

    @Override
    public void onClientInitiatedDisconnect(ClientInitiatedDisconnectInput input) {
        disconnected(input, "The client disconnected.", 0);
    }

    @Override
    public void onConnectionLost(ConnectionLostInput input) {
        disconnected(input, "The connection was lost: it closed without a DISCONNECT, or its keep-alive expired.", 128);
    }

    @Override
    public void onServerInitiatedDisconnect(ServerInitiatedDisconnectInput input) {
        DisconnectedReasonCode code = input.getReasonCode().orElse(DisconnectedReasonCode.UNSPECIFIED_ERROR);
        String reason;
        switch (code) {
            case SESSION_TAKEN_OVER:
                reason = "The client ID was reused by another connection, which took this one over.";
                break;
            case SERVER_SHUTTING_DOWN:
                reason = "The service is shutting down.";
                break;
            default:
                reason = input.getReasonString().orElse("The service closed the connection (" + code + ").");
        }
        disconnected(input, reason, closeCode(code));
    }

    @Override
    public void onDisconnect(DisconnectEventInput input) {
        disconnected(input, input.getReasonString().orElse("The connection ended."), 128);
    }

    private void disconnected(DisconnectEventInput input, String reason, int closeCode) {
        ConnectionState state = connections.remove(input.getConnectionInformation());
        if (state == null) {
            return; // a refused login, or this connection was already reported
        }
        String why = state.closeReason() != null ? state.closeReason() : reason;
        publish(state, StatusMessages.disconnect(state, clock.instant(), why, closeCode));
    }

    private void publish(ConnectionState state, byte[] json) {
        ClientIdentity id = state.identity();
        String topic = id.isDevice() ? InternalTopics.deviceStatus(id.org(), id.deviceType(), id.deviceId())
                : InternalTopics.appStatus(id.org(), id.appId());
        publishService.publish(Builders.publish().topic(topic).qos(Qos.AT_LEAST_ONCE)
                .payload(ByteBuffer.wrap(json)).build())
                .whenComplete((ok, e) -> {
                    if (e != null) {
                        LOG.warn("Could not publish the status of {}: {}", id.clientId(), e.toString());
                    }
                });
    }

    /** The MQTT 5 reason code number, which the status message reports as {@code CloseCode}. */
    static int closeCode(DisconnectedReasonCode code) {
        switch (code) {
            case NORMAL_DISCONNECTION:
            case SUCCESS:
                return 0;
            case NOT_AUTHORIZED:
                return 0x87;
            case SERVER_SHUTTING_DOWN:
                return 0x8B;
            case KEEP_ALIVE_TIMEOUT:
                return 0x8D;
            case SESSION_TAKEN_OVER:
                return 0x8E;
            case ADMINISTRATIVE_ACTION:
                return 0x98;
            default:
                return 0x80;
        }
    }
}
