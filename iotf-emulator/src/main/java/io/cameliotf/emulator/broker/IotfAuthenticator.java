package io.cameliotf.emulator.broker;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import com.hivemq.extension.sdk.api.client.parameter.Listener;
import com.hivemq.extension.sdk.api.client.parameter.ListenerType;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.packets.general.MqttVersion;
import io.cameliotf.emulator.auth.AuthResult;
import io.cameliotf.emulator.auth.CredentialCheck;
import io.cameliotf.emulator.auth.Refusal;
import io.cameliotf.emulator.auth.SharedClientIds;
import io.cameliotf.emulator.session.ConnectionState;
import io.cameliotf.emulator.session.Connections;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HiveMQ's view of {@link CredentialCheck}: runs the (slow, PBKDF2) check on its own executor, never on the
 * broker's network threads, then accepts the client with the service's queue size or refuses it with the
 * CONNACK code that fits.
 */
final class IotfAuthenticator implements SimpleAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(IotfAuthenticator.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final CredentialCheck check;
    private final Connections connections;
    private final ExecutorService executor;
    private final Clock clock;
    private final long queueSize;

    IotfAuthenticator(CredentialCheck check, Connections connections, ExecutorService executor, Clock clock,
            long queueSize) {
        this.check = check;
        this.connections = connections;
        this.executor = executor;
        this.clock = clock;
        this.queueSize = queueSize;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        Async<SimpleAuthOutput> async = output.async(TIMEOUT, TimeoutFallback.FAILURE,
                ConnackReasonCode.SERVER_UNAVAILABLE, "authentication timed out");
        try {
            executor.execute(() -> {
                try {
                    authenticate(input, output);
                } catch (RuntimeException e) {
                    LOG.error("Authentication of {} failed unexpectedly", input.getClientInformation().getClientId(), e);
                    output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "internal error");
                } finally {
                    async.resume();
                }
            });
        } catch (RejectedExecutionException e) {
            output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "the service is stopping");
            async.resume();
        }
    }

    private void authenticate(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        String clientId = SharedClientIds.original(input.getClientInformation().getClientId());
        String username = connect.getUserName().orElse(null);
        String password = connect.getPassword().map(IotfAuthenticator::utf8).orElse(null);
        AuthResult result = check.check(clientId, username, password, connect.getCleanStart());
        if (!result.isAccepted()) {
            LOG.info("Refused connection of {}: {} (CONNACK {})", clientId, result.reason(),
                    result.refusal().connackCode());
            output.failAuthentication(reasonCode(result), result.reason());
            return;
        }
        ConnectionInformation connection = input.getConnectionInformation();
        Listener listener = connection.getListener().orElse(null);
        ListenerType type = listener == null ? ListenerType.TCP_LISTENER : listener.getListenerType();
        ConnectionState state = new ConnectionState(result.identity(), input.getClientInformation().getClientId(),
                username == null ? "" : username,
                !connect.getCleanStart(), clock.instant(),
                connection.getInetAddress().map(a -> a.getHostAddress()).orElse(""),
                listener == null ? 0 : listener.getPort(),
                type == ListenerType.TLS_TCP_LISTENER || type == ListenerType.TLS_WEBSOCKET_LISTENER,
                protocol(connection.getMqttVersion(), type));
        connections.register(connection, state);
        // the service buffers up to 5,000 messages per subscriber, dropping the oldest first [5.1.5]
        output.getClientSettings().setClientQueueSizeMaximum(queueSize);
        output.authenticateSuccessfully();
        LOG.debug("Accepted connection of {}", clientId);
    }

    private static ConnackReasonCode reasonCode(AuthResult result) {
        return result.refusal() == Refusal.IDENTIFIER_REJECTED ? ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID
                : ConnackReasonCode.NOT_AUTHORIZED;
    }

    /** The protocol as IBM's status messages named it, for example {@code mqtt4-tcp} for MQTT 3.1.1 over TCP. */
    static String protocol(MqttVersion version, ListenerType listener) {
        String v = version == MqttVersion.V_3_1 ? "mqtt3" : version == MqttVersion.V_5 ? "mqtt5" : "mqtt4";
        switch (listener) {
            case TLS_TCP_LISTENER:
                return v + "-ssl";
            case WEBSOCKET_LISTENER:
                return v + "-ws";
            case TLS_WEBSOCKET_LISTENER:
                return v + "-wss";
            default:
                return v + "-tcp";
        }
    }

    private static String utf8(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
