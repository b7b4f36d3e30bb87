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
import io.cameliotf.emulator.auth.LoginThrottle;
import io.cameliotf.emulator.auth.Refusal;
import io.cameliotf.emulator.auth.SharedClientIds;
import io.cameliotf.emulator.log.LogSafe;
import io.cameliotf.emulator.net.ClientOrigin;
import io.cameliotf.emulator.net.ClientOrigins;
import io.cameliotf.emulator.session.ClientStates;
import io.cameliotf.emulator.session.ConnectionState;
import io.cameliotf.emulator.session.Connections;
import io.cameliotf.emulator.topics.ClientTopics;
import io.cameliotf.emulator.topics.InternalTopics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HiveMQ's view of {@link CredentialCheck}: runs the (slow, PBKDF2) check on its own executor, never on the
 * broker's network threads, then accepts the client with the service's queue size or refuses it with the
 * CONNACK code that fits. Failed logins go through the {@link LoginThrottle}: a refusal for bad credentials of a
 * throttled identity or address is answered later, by the same executor's scheduler, and a client refused for its
 * credentials learns only that (the log says which credential was wrong).
 */
final class IotfAuthenticator implements SimpleAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(IotfAuthenticator.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final CredentialCheck check;
    private final Connections connections;
    private final ClientStates states;
    private final ClientOrigins origins;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final long queueSize;
    private final InternalTopics topics;

    IotfAuthenticator(CredentialCheck check, Connections connections, ClientStates states, ClientOrigins origins,
            ScheduledExecutorService executor, Clock clock, long queueSize, InternalTopics topics) {
        this.topics = topics;
        this.check = check;
        this.connections = connections;
        this.states = states;
        this.origins = origins;
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
                    authenticate(input, output, async);
                } catch (RuntimeException e) {
                    LOG.error("Authentication of {} failed unexpectedly",
                            LogSafe.of(input.getClientInformation().getClientId()), e);
                    output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "internal error");
                    async.resume();
                }
            });
        } catch (RejectedExecutionException e) {
            output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "the service is stopping");
            async.resume();
        }
    }

    /** Decides, and answers (resuming {@code async}) at once or, for a throttled refusal, later on the scheduler. */
    private void authenticate(SimpleAuthInput input, SimpleAuthOutput output, Async<SimpleAuthOutput> async) {
        ConnectPacket connect = input.getConnectPacket();
        String clientId = SharedClientIds.original(input.getClientInformation().getClientId());
        ConnectionInformation connection = input.getConnectionInformation();
        ClientOrigin origin = origin(connection, clientId);
        if (origin == null) {
            LOG.info("Refused connection of {} on the internal bridge port: it did not come through a listener of "
                    + "the service", LogSafe.of(clientId));
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "connect to the service's own ports");
            async.resume();
            return;
        }
        String username = connect.getUserName().orElse(null);
        String password = connect.getPassword().map(IotfAuthenticator::utf8).orElse(null);
        String identity = CredentialCheck.identity(clientId, username);
        LoginThrottle.Attempt attempt = null;
        if (!check.knownGood(identity, password)) {
            attempt = check.throttle().attempt(identity, origin.address());
            if (attempt.busy()) {
                // not checked at all: the answer says nothing about the token, and costs no PBKDF2. CONNACK 3
                // (server unavailable), on which IBM's clients retry, rather than 5, on which they give up for good
                LOG.info("Refused connection of {} from {} unchecked: too many failed logins of it are being answered",
                        LogSafe.of(clientId), origin.address());
                output.failAuthentication(ConnackReasonCode.SERVER_BUSY, "too many failed logins; try again later");
                async.resume();
                return;
            }
        }
        AuthResult result = check.check(clientId, username, password, connect.getCleanStart());
        if (!result.isAccepted()) {
            refuse(result, clientId, origin, output, async, attempt);
            return;
        }
        ConnectionState state = new ConnectionState(result.identity(),
                ClientTopics.of(result.identity(), topics), input.getClientInformation().getClientId(),
                username == null ? "" : username, !connect.getCleanStart(), clock.instant(), origin.address(),
                origin.port(), origin.secure(), protocol(connection.getMqttVersion(), origin.webSocket()));
        connections.register(connection, state);
        // the service buffers up to 5,000 messages per subscriber, dropping the oldest first [5.1.5]
        output.getClientSettings().setClientQueueSizeMaximum(queueSize);
        output.authenticateSuccessfully();
        async.resume();
        LOG.debug("Accepted connection of {}", LogSafe.of(clientId));
    }

    /**
     * Refuses: at once, or, when bad credentials of a throttled identity or address are the reason, after the
     * throttle's delay, on the scheduler (no thread waits in between; HiveMQ's async output holds the CONNACK).
     */
    private void refuse(AuthResult result, String clientId, ClientOrigin origin, SimpleAuthOutput output,
            Async<SimpleAuthOutput> async, LoginThrottle.Attempt attempt) {
        long delay = result.badCredentials() && attempt != null ? attempt.refused() : 0;
        LOG.info("Refused connection of {} from {}: {} (CONNACK {}{})", LogSafe.of(clientId), origin.address(),
                LogSafe.of(result.reason()), result.refusal().connackCode(), delay > 0 ? ", answered after " + delay
                        + " ms" : "");
        if (result.identity() != null) {
            states.refused(result.identity(), origin.address(), clock.instant(), result.reason());
        }
        Runnable answer = () -> {
            output.failAuthentication(reasonCode(result), result.clientReason());
            async.resume();
        };
        if (delay == 0) {
            answer.run();
            return;
        }
        try {
            executor.schedule(() -> {
                try {
                    answer.run();
                } finally {
                    attempt.answered();
                }
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            attempt.answered();
            answer.run(); // stopping: answer now
        }
    }

    private static ConnackReasonCode reasonCode(AuthResult result) {
        return result.refusal() == Refusal.IDENTIFIER_REJECTED ? ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID
                : ConnackReasonCode.NOT_AUTHORIZED;
    }

    /**
     * Where a connection came from: the listener's own address and port, or, on the internal bridge port, what the
     * bridge recorded (null when nothing did: the connection did not come through the service's listeners).
     */
    private ClientOrigin origin(ConnectionInformation connection, String clientId) {
        Listener listener = connection.getListener().orElse(null);
        if (listener != null && BrokerConfig.BRIDGE_LISTENER.equals(listener.getName())) {
            return origins.take(clientId);
        }
        return new ClientOrigin(connection.getInetAddress().map(a -> a.getHostAddress()).orElse(""),
                listener == null ? 0 : listener.getPort(),
                listener != null && listener.getListenerType() == ListenerType.TLS_TCP_LISTENER, false);
    }

    /**
     * The protocol as the status messages name it (later contract 3.3): {@code mqtt3}, {@code mqtt4} (MQTT 3.1.1) or
     * {@code mqtt5}, and {@code mqtt3-ws}, {@code mqtt4-ws} or {@code mqttv5-ws} over WebSocket; TLS is told by
     * {@code Secure}.
     */
    static String protocol(MqttVersion version, boolean webSocket) {
        if (version == MqttVersion.V_5) {
            return webSocket ? "mqttv5-ws" : "mqtt5";
        }
        String v = version == MqttVersion.V_3_1 ? "mqtt3" : "mqtt4";
        return webSocket ? v + "-ws" : v;
    }

    private static String utf8(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
