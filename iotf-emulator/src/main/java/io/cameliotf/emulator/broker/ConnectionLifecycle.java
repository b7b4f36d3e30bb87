package io.cameliotf.emulator.broker;

import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ClientInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionLostInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ServerInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.packets.general.DisconnectedReasonCode;
import io.cameliotf.emulator.session.ConnectionListener;
import io.cameliotf.emulator.session.ConnectionState;
import io.cameliotf.emulator.session.Connections;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * HiveMQ's lifecycle events of a connection, turned into exactly one "connected" and one "disconnected" per
 * authenticated connection for every {@link ConnectionListener}: status messages [5.3.7, 5.3.8], connection states
 * (later contract 2.9), usage (2.16).
 * Refused logins have no {@link ConnectionState} and do neither; a second disconnect event for the same connection
 * finds its state already removed.
 */
final class ConnectionLifecycle implements ClientLifecycleEventListener {

    private final Connections connections;
    private final List<ConnectionListener> listeners;
    private final Clock clock;

    ConnectionLifecycle(Connections connections, List<ConnectionListener> listeners, Clock clock) {
        this.connections = connections;
        this.listeners = List.copyOf(listeners);
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
            Instant now = clock.instant();
            listeners.forEach(l -> l.connected(state, now));
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
        Instant now = clock.instant();
        listeners.forEach(l -> l.disconnected(state, now, why, closeCode));
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
