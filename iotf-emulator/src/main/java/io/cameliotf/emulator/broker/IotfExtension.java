package io.cameliotf.emulator.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.client.ClientContext;
import com.hivemq.extension.sdk.api.client.parameter.InitializerInput;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import io.cameliotf.emulator.auth.CredentialCheck;
import io.cameliotf.emulator.events.EventHub;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.publish.PublishService;
import io.cameliotf.emulator.log.LogSafe;
import io.cameliotf.emulator.mgmt.ManagementInbox;
import io.cameliotf.emulator.registry.GatewayDevices;
import io.cameliotf.emulator.net.ClientOrigins;
import io.cameliotf.emulator.session.ClientStates;
import io.cameliotf.emulator.session.ConnectionListener;
import io.cameliotf.emulator.session.ConnectionState;
import io.cameliotf.emulator.session.Connections;
import io.cameliotf.emulator.status.StatusPublisher;
import io.cameliotf.emulator.topics.InternalTopics;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded HiveMQ extension that turns the broker into the IoTF gateway: authentication, topic spaces,
 * status messages and the event hook. HiveMQ's services are captured when the extension starts and not looked
 * up again, so a stopped instance never touches a newer one in the same JVM.
 */
public final class IotfExtension implements ExtensionMain {

    private static final Logger LOG = LoggerFactory.getLogger(IotfExtension.class);

    private final CredentialCheck check;
    private final EventHub events;
    private final ClientStates states;
    private final List<ConnectionListener> listeners;
    private final ClientOrigins origins;
    private final Clock clock;
    private final long queueSize;
    /** How long a held QoS 1 publish waits for the historian before it is refused. */
    private final Duration storeTimeout;
    private final GatewayDevices gatewayDevices;
    private final InternalTopics topics;
    private final Connections connections = new Connections();
    private volatile ScheduledExecutorService authExecutor;
    private volatile ClientService clientService;
    private volatile PublishService publishService;
    private volatile GatewayNotifier notifier;
    private volatile ManagementInbox management = ManagementInbox.NONE;

    /**
     * @param states where refused logins are recorded (it also hears connects and disconnects, as every listener)
     * @param listeners who hear of every authenticated connection's start and end, besides its status messages
     * @param gatewayDevices registers the devices gateways publish for
     * @param topics the broker's topic layout: which organization, if any, is at the root
     */
    public IotfExtension(CredentialCheck check, EventHub events, ClientStates states, List<ConnectionListener> listeners,
            ClientOrigins origins, Clock clock, long queueSize, Duration storeTimeout, GatewayDevices gatewayDevices,
            InternalTopics topics) {
        this.topics = topics;
        this.check = check;
        this.events = events;
        this.states = states;
        this.listeners = List.copyOf(listeners);
        this.origins = origins;
        this.clock = clock;
        this.queueSize = queueSize;
        this.storeTimeout = storeTimeout;
        this.gatewayDevices = gatewayDevices;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        // checks run on these threads, and throttled refusals are answered by their scheduler (LoginThrottle)
        authExecutor = Executors.newScheduledThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                daemonThreads("iotf-auth-"));
        clientService = Services.clientService();
        publishService = Services.publishService();
        notifier = new GatewayNotifier(publishService, clock, topics);
        IotfAuthenticator authenticator = new IotfAuthenticator(check, connections, states, origins, authExecutor,
                clock, queueSize, topics);
        ConnectRewriter connectRewriter = new ConnectRewriter(topics);
        List<ConnectionListener> all = new ArrayList<>(listeners);
        all.add(0, new StatusPublisher(publishService, topics));
        ConnectionLifecycle lifecycle = new ConnectionLifecycle(connections, all, clock);
        Services.securityRegistry().setAuthenticatorProvider(in -> authenticator);
        Services.securityRegistry().setAuthorizerProvider(in -> TopicAuthorizer.INSTANCE);
        Services.interceptorRegistry().setConnectInboundInterceptorProvider(in -> connectRewriter);
        Services.initializerRegistry().setClientInitializer(this::initialize);
        Services.eventRegistry().setClientLifecycleEventListener(in -> lifecycle);
    }

    private void initialize(InitializerInput input, ClientContext context) {
        ConnectionState state = connections.find(input.getConnectionInformation());
        if (state == null) {
            String clientId = input.getClientInformation().getClientId();
            LOG.error("No authenticated state for client {}; disconnecting it", LogSafe.of(clientId));
            clientService.disconnectClient(clientId);
            return;
        }
        TopicInterceptors interceptors = new TopicInterceptors(state, events, events::isActive, clock,
                (clientId, reason) -> clientService.disconnectClient(clientId, false,
                        DisconnectReasonCode.NOT_AUTHORIZED, reason), storeTimeout, notifier, gatewayDevices,
                management);
        context.addPublishInboundInterceptor(interceptors);
        // HiveMQ runs each publish interceptor as a hop through its extension executor, per message: a client that
        // sees the broker's topics as they are (an application of the root organization) gets no outbound one, and
        // its deliveries stay on the network thread. Its subscriptions are still checked and confined, once per
        // SUBSCRIBE, below; what it receives can only be what those filters match (InternalTopics).
        if (!state.topics().deliversUnchanged()) {
            context.addPublishOutboundInterceptor(interceptors);
        }
        context.addSubscribeInboundInterceptor(interceptors);
        context.addUnsubscribeInboundInterceptor(interceptors);
    }

    /**
     * Where device management requests go from now on (connections made before keep the previous inbox): set before
     * the broker starts. The device management engine publishes through {@link #publish}, so it is made after this.
     */
    public void management(ManagementInbox inbox) {
        this.management = inbox;
    }

    /**
     * Publishes into the broker as the service (HTTP messaging): the message reaches subscribers through their
     * outbound interceptors, like any other.
     */
    public CompletableFuture<Void> publish(String internalTopic, byte[] payload, int qos) {
        PublishService service = publishService;
        if (service == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the broker is not running"));
        }
        return service.publish(Builders.publish().topic(internalTopic).qos(Qos.valueOf(qos))
                .payload(ByteBuffer.wrap(payload)).build());
    }

    /**
     * Drops the live connections of {@code clientId} (for example when its device was deleted); a device's client id
     * names its gateway connections ({@code g:}) too.
     */
    public void disconnect(String clientId, String reason) {
        disconnectWhere(state -> state.identity().clientId().equals(clientId)
                || clientId.equals(state.identity().deviceClientId()), reason);
    }

    /** Drops every live connection that logged in with {@code apiKey} (it was revoked). */
    public void disconnectApiKey(String apiKey, String reason) {
        disconnectWhere(state -> state.identity().isApplication() && state.user().equals(apiKey), reason);
    }

    private void disconnectWhere(java.util.function.Predicate<ConnectionState> which, String reason) {
        ClientService service = clientService;
        if (service == null) {
            return;
        }
        for (ConnectionState state : connections.all()) {
            if (which.test(state)) {
                state.closeReason(reason);
                service.disconnectClient(state.brokerClientId(), false, DisconnectReasonCode.ADMINISTRATIVE_ACTION,
                        reason);
            }
        }
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        ExecutorService executor = authExecutor;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
