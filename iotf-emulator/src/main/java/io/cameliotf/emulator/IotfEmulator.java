package io.cameliotf.emulator;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import io.cameliotf.emulator.api.ApiAuthenticator;
import io.cameliotf.emulator.api.ApiServices;
import io.cameliotf.emulator.api.RestApi;
import io.cameliotf.emulator.api.RestServer;
import io.cameliotf.emulator.broker.BrokerConfig;
import io.cameliotf.emulator.broker.BrokerStartup;
import io.cameliotf.emulator.broker.PersistenceSettings;
import io.cameliotf.emulator.broker.IotfExtension;
import io.cameliotf.emulator.auth.TokenHasher;
import io.cameliotf.emulator.console.Console;
import io.cameliotf.emulator.console.ConsoleAdmin;
import io.cameliotf.emulator.console.ConsoleEndpoints;
import io.cameliotf.emulator.events.EventHub;
import io.cameliotf.emulator.events.EventSink;
import io.cameliotf.emulator.historian.Historian;
import io.cameliotf.emulator.historian.HistorianQueries;
import io.cameliotf.emulator.store.DataDirectory;
import io.cameliotf.emulator.lec.LastEventCache;
import io.cameliotf.emulator.messaging.HttpMessaging;
import io.cameliotf.emulator.mgmt.DeviceManagement;
import io.cameliotf.emulator.net.ClientOrigins;
import io.cameliotf.emulator.net.Listeners;
import io.cameliotf.emulator.registry.ApiKeys;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.registry.Provisioning;
import io.cameliotf.emulator.registry.SeedResult;
import io.cameliotf.emulator.seed.Seed;
import io.cameliotf.emulator.seed.SeedParser;
import io.cameliotf.emulator.session.ClientStates;
import io.cameliotf.emulator.store.RegistryStore;
import io.cameliotf.emulator.tls.TlsMaterial;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local IoTF service: an embedded HiveMQ broker turned into the IoTF MQTT gateway, with its registry.
 * <pre>
 * try (IotfEmulator iotf = IotfEmulator.builder().seed(Path.of("seed.json")).build().start()) {
 *     String url = iotf.mqttUrl(); // tcp://127.0.0.1:1883
 * }
 * </pre>
 * Ports set to 0 are chosen free at start. Only one instance should run in a JVM at a time (HiveMQ's extension
 * services are per JVM); stop one before starting the next.
 */
public final class IotfEmulator implements AutoCloseable {

    /** The domain of IBM's hosted service, which old devices have configured [5.1.1]. */
    public static final String DEFAULT_DOMAIN = "internetofthings.ibmcloud.com";
    /** Messages buffered per subscriber before the oldest are discarded [5.1.5]. */
    public static final long SUBSCRIBER_QUEUE_SIZE = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(IotfEmulator.class);
    /**
     * How long a stop of the broker may take (it takes seconds). HiveMQ's stop can hang on a store a full disk damaged;
     * then the broker is left behind and the historian and the registry are still closed properly, within what a
     * service manager allows a stop (systemd: 90 s) before it kills the process.
     */
    private static final long BROKER_STOP_SECONDS = 30;
    /** How long a broker that did not start is given to stop. */
    private static final long FAILED_START_STOP_SECONDS = 5;

    private final IotfEmulatorBuilder settings;
    private final Clock clock = Clock.systemUTC();
    private final EventHub events = new EventHub();
    private Seed seed;
    private Path workDirectory;
    private Engines engines;
    private TlsMaterial tls;
    private EmbeddedHiveMQ hivemq;
    private RestServer rest;
    private DeviceManagement management;
    private Listeners listeners;
    private Console console;
    private final ClientOrigins origins = new ClientOrigins();
    private int mqttPort;
    private int mqttsPort;
    private int wsPort;
    private int wssPort;
    private int bridgePort;
    private int httpPort;
    private int httpsPort;
    private volatile boolean running;

    IotfEmulator(IotfEmulatorBuilder settings) {
        this.settings = settings;
    }

    public static IotfEmulatorBuilder builder() {
        return new IotfEmulatorBuilder();
    }

    /**
     * Starts the service and returns once every listener accepts connections.
     *
     * @throws EmulatorException when the seed is invalid, a port is taken or the broker does not start; nothing
     *         is left running then
     */
    public synchronized IotfEmulator start() {
        if (running) {
            throw new IllegalStateException("The IoTF emulator is already running");
        }
        // check everything that can be wrong before anything is opened or written
        seed = settings.seedFile != null ? SeedParser.parse(settings.seedFile) : settings.seed;
        mqttPort = port(settings.mqttPort, "MQTT (--mqtt-port)");
        mqttsPort = port(settings.mqttsPort, "MQTT over TLS (--mqtts-port)");
        httpPort = listenerPort(settings.httpPort, "HTTP (--http-port)");
        httpsPort = listenerPort(settings.httpsPort, "HTTPS (--https-port)");
        if (!settings.sharedPorts) {
            wsPort = listenerPort(settings.wsPort, "MQTT over WebSocket (--ws-port)");
            wssPort = listenerPort(settings.wssPort, "MQTT over secure WebSocket (--wss-port)");
        }
        bridgePort = loopbackPort();
        try {
            workDirectory = Files.createTempDirectory("iotf-emulator-");
            Files.createDirectories(workDirectory.resolve("extensions"));
            Path data = settings.dataDirectory;
            if (data != null) {
                DataDirectory.check(data, PersistenceSettings.requiredFreeBytes());
            }
            engines = new Engines(settings, data, clock, events);
            if (seed != null) {
                SeedResult result = engines.provisioning.apply(seed);
                LOG.info("Seed {}: {}", seed.source(), result);
            }
            console = new Console(consoleAdmin(), engines.credentials, new TokenHasher(settings.hashIterations),
                    engines.registry, engines.devices, engines.clientStates, this::consoleEndpoints);
            console.eventSinks().forEach(events::add);
            engines.onApiKeyDeleted(console::apiKeyDeleted);
            tls = settings.tlsKeystore != null
                    ? TlsMaterial.load(settings.tlsKeystore, settings.tlsKeystorePassword, tlsDirectory(data))
                    : TlsMaterial.selfSigned(tlsDirectory(data), settings.domain, settings.bindAddress);
            Path conf = workDirectory.resolve("conf");
            // on shared ports the multiplexers take MQTT and hand it to the bridge listener
            BrokerConfig.write(conf, new BrokerConfig.Ports(settings.bindAddress, settings.sharedPorts ? null : mqttPort,
                    settings.sharedPorts ? null : mqttsPort, bridgePort), tls, SUBSCRIBER_QUEUE_SIZE, data != null);
            IotfExtension extension = new IotfExtension(engines.credentials, events, engines.clientStates,
                    List.of(engines.clientStates, engines.usage, console.connectionListener()), origins, clock, SUBSCRIBER_QUEUE_SIZE,
                    settings.storeTimeout, engines.gatewayDevices);
            engines.onRevocation(extension::disconnect, extension::disconnectApiKey);
            management = new DeviceManagement(engines.database, engines.devices, engines.clientStates,
                    extension::publish, clock);
            extension.management(management.inbox());
            engines.onDeviceDeleted(management::deviceDeleted);
            Path brokerData = Files.createDirectories(data != null ? data.resolve("broker") : workDirectory.resolve("broker"));
            hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(brokerData)
                    .withExtensionsFolder(workDirectory.resolve("extensions"))
                    .withEmbeddedExtension(EmbeddedExtension.builder().withId("iotf-gateway")
                            .withName("IoTF gateway").withVersion("1.0").withAuthor("camel-iotf")
                            .withPriority(1000).withStartPriority(1000).withExtensionMain(extension).build())
                    .withoutLoggingBootstrap()
                    .build();
            BrokerStartup.await(hivemq.start(), settings.startTimeout, data == null ? null : brokerData);
            rest = new RestServer(new RestApi(new ApiServices(new ApiAuthenticator(engines.credentials, settings.domain,
                    console.callers()),
                    engines.registry, engines.devices, engines.apiKeys, new HistorianQueries(engines.eventStore),
                    engines.lastEvents, engines.clientStates, engines.usage,
                    new HttpMessaging(extension::publish, events, clock, settings.storeTimeout), management,
                    settings.historian, settings.retentionAge, clock)));
            rest.start();
            console.mount(rest.router(), rest.vertx());
            listeners = new Listeners(rest.vertx(), rest::handler, tls, settings.bindAddress, bridgePort, origins);
            if (settings.sharedPorts) {
                // IBM's layout: MQTT, WebSocket and HTTP on each of the four ports (later contract 3.1, 2.11)
                mqttPort = listeners.shared(mqttPort, false);
                mqttsPort = listeners.shared(mqttsPort, true);
                httpPort = listeners.shared(httpPort, false);
                httpsPort = listeners.shared(httpsPort, true);
                wsPort = mqttPort;
                wssPort = mqttsPort;
            } else {
                httpPort = listeners.http(httpPort, false);
                httpsPort = listeners.http(httpsPort, true);
                wsPort = listeners.http(wsPort, false);
                wssPort = listeners.http(wssPort, true);
            }
            running = true;
            LOG.info("IoTF local service running: MQTT {}, MQTT/TLS {}, WebSocket {}, REST {} and {}, console {}",
                    mqttUrl(), mqttsUrl(), wsUrl(), httpUrl(), httpsUrl(), consoleUrl());
            return this;
        } catch (BrokerStartup.BrokerStartException e) {
            // a broker that did not start may never stop: waiting for it as long as for a clean stop would hang here
            cleanUp(FAILED_START_STOP_SECONDS);
            throw new EmulatorException(e.getMessage(), e);
        } catch (Exception e) {
            cleanUp(BROKER_STOP_SECONDS);
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new EmulatorException("The IoTF emulator did not start: " + rootMessage(e), e);
        }
    }

    /** Stops the broker and closes the database; everything accepted is kept in the data directory. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        cleanUp(BROKER_STOP_SECONDS);
        LOG.info("IoTF local service stopped");
    }

    @Override
    public void close() {
        stop();
    }

    private void cleanUp(long brokerStopSeconds) {
        // the listeners and the broker first (no new events), then the API; then the historian and the last event
        // cache write what they accepted, and the store closes
        if (listeners != null) {
            listeners.close();
            listeners = null;
        }
        if (hivemq != null) {
            try {
                hivemq.stop().get(brokerStopSeconds, TimeUnit.SECONDS);
                hivemq.close(); // also ends HiveMQ's own (non-daemon) executor, so that the JVM can exit
            } catch (TimeoutException e) {
                LOG.warn("The broker did not stop within {} s; it is left behind (a store damaged by a full disk can "
                        + "make HiveMQ hang while it stops); the historian and the registry are closed as on any stop",
                        brokerStopSeconds);
            } catch (ExecutionException e) {
                LOG.warn("The broker did not stop cleanly: {}", rootMessage(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            hivemq = null;
        }
        if (rest != null) {
            rest.close();
            rest = null;
        }
        if (console != null) {
            console.eventSinks().forEach(events::remove);
            console.close();
            console = null;
        }
        if (management != null) {
            management.close();
            management = null;
        }
        if (engines != null) {
            engines.close();
            engines = null;
        }
        if (workDirectory != null) {
            deleteRecursively(workDirectory);
            workDirectory = null;
        }
    }

    public boolean isRunning() {
        return running;
    }

    public String bindAddress() {
        return settings.bindAddress;
    }

    /** The host clients should connect to: the bind address, or 127.0.0.1 when bound to every interface. */
    public String host() {
        String bind = settings.bindAddress;
        return "0.0.0.0".equals(bind) || "::".equals(bind) ? "127.0.0.1" : bind;
    }

    public String domain() {
        return settings.domain;
    }

    public int mqttPort() {
        return mqttPort;
    }

    public int mqttsPort() {
        return mqttsPort;
    }

    /** The port of MQTT over WebSocket (on shared ports, the plain MQTT port). */
    public int wsPort() {
        return wsPort;
    }

    /** The port of MQTT over secure WebSocket (on shared ports, the MQTT over TLS port). */
    public int wssPort() {
        return wssPort;
    }

    /**
     * The broker's internal port on 127.0.0.1, where the WebSocket bridge and the shared ports hand MQTT connections
     * over; it refuses any other connection. For diagnostics.
     */
    public int bridgePort() {
        return bridgePort;
    }

    /** Whether MQTT, WebSocket and HTTP share every port, as on IBM's hosted service. */
    public boolean sharedPorts() {
        return settings.sharedPorts;
    }

    public int httpPort() {
        return httpPort;
    }

    public int httpsPort() {
        return httpsPort;
    }

    public String mqttUrl() {
        return "tcp://" + host() + ':' + mqttPort;
    }

    public String mqttsUrl() {
        return "ssl://" + host() + ':' + mqttsPort;
    }

    public String wsUrl() {
        return "ws://" + host() + ':' + wsPort + "/mqtt";
    }

    /** MQTT over secure WebSocket, {@code wss://127.0.0.1:8001/mqtt} ({@code /} works as well). */
    public String wssUrl() {
        return "wss://" + host() + ':' + wssPort + "/mqtt";
    }

    /** The base URL of API v0001 over HTTP, for example {@code http://127.0.0.1:8080/api/v0001}. */
    public String httpUrl() {
        return httpUrl("v0001");
    }

    /** The base URL of API v0001 over HTTPS. */
    public String httpsUrl() {
        return httpsUrl("v0001");
    }

    /** The base URL of an API version ({@code v0001} or {@code v0002}) over HTTP. */
    public String httpUrl(String apiVersion) {
        return "http://" + host() + ':' + httpPort + "/api/" + apiVersion;
    }

    /** The base URL of an API version over HTTPS. */
    public String httpsUrl(String apiVersion) {
        return "https://" + host() + ':' + httpsPort + "/api/" + apiVersion;
    }

    /**
     * The web console, {@code http://127.0.0.1:8080/}: sign in with an API key and its token, or as the administrator
     * ({@link IotfEmulatorBuilder#consoleAdmin}). Also on the HTTPS port.
     */
    public String consoleUrl() {
        return "http://" + host() + ':' + httpPort + '/';
    }

    /** The console over HTTPS. */
    public String consoleHttpsUrl() {
        return "https://" + host() + ':' + httpsPort + '/';
    }

    /** The console's administrator: the builder's, else the seed's (a plain password in the seed hashed now). */
    private ConsoleAdmin consoleAdmin() {
        if (settings.consoleAdmin != null) {
            return settings.consoleAdmin;
        }
        Seed.Admin admin = seed == null ? null : seed.consoleAdmin();
        if (admin == null) {
            return null;
        }
        return admin.passwordHash() != null ? ConsoleAdmin.hashed(admin.user(), admin.passwordHash())
                : ConsoleAdmin.of(admin.user(), admin.password().toCharArray(), new TokenHasher(settings.hashIterations));
    }

    private ConsoleEndpoints consoleEndpoints() {
        return new ConsoleEndpoints(host(), settings.domain, mqttPort, mqttsPort, httpPort, httpsPort);
    }

    /** The last event cache. */
    public LastEventCache lastEvents() {
        return engines.lastEvents;
    }

    /** The connection state of every client seen. */
    public ClientStates clientStates() {
        return engines.clientStates;
    }

    /** The historian, or null when it is off. */
    public Historian historian() {
        return engines.historian;
    }

    /** The TLS certificate and key of the service. */
    public TlsMaterial tls() {
        return tls;
    }

    /** Organizations, and the seed. */
    public Provisioning provisioning() {
        return engines.provisioning;
    }

    /** Device types and devices: what both REST API versions change. */
    public DeviceRegistry devices() {
        return engines.devices;
    }

    /** API keys: create, list, revoke. */
    public ApiKeys apiKeys() {
        return engines.apiKeys;
    }

    /** Organizations and API keys as stored. */
    public RegistryStore registry() {
        return engines.registry;
    }

    /** The seed the service started with (with its plain-text tokens), or null. */
    public Seed seed() {
        return seed;
    }

    /** Where the service keeps its data, or null when it keeps it in memory. */
    public Path dataDirectory() {
        return settings.dataDirectory;
    }

    /** Adds a sink that receives every accepted device event; see {@link EventSink}. */
    public void addEventSink(EventSink sink) {
        events.add(sink);
    }

    public void removeEventSink(EventSink sink) {
        events.remove(sink);
    }

    /** What listens where, for people: one line per listener. */
    public Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("MQTT", mqttUrl());
        endpoints.put("MQTT over TLS", mqttsUrl() + "  (certificate: " + tls.certificatePemFile() + ")");
        endpoints.put("MQTT over WebSocket", wsUrl() + "  (or path /)");
        endpoints.put("MQTT over secure WebSocket", wssUrl() + "  (or path /)");
        endpoints.put("REST API", httpUrl("v0002") + "  and /api/v0001");
        endpoints.put("REST API over TLS", httpsUrl("v0002") + "  and /api/v0001");
        endpoints.put("HTTP events", httpsUrl("v0002") + "/device/types/<t>/devices/<d>/events/<e>");
        if (settings.sharedPorts) {
            endpoints.put("Port layout", "shared: MQTT, WebSocket and HTTP on each of " + mqttPort + ", " + mqttsPort
                    + " (TLS), " + httpPort + " and " + httpsPort + " (TLS)");
        }
        endpoints.put("Historian", engines.historian == null ? "off" : "on, keeping events for " + settings.retentionAge.toDays()
                + " days, at most " + settings.retentionEvents + " events; " + engines.historian.durability().description());
        endpoints.put("Data", engines.database.description());
        return endpoints;
    }

    private Path tlsDirectory(Path data) {
        return data != null ? data.resolve("tls") : workDirectory.resolve("tls");
    }

    /** A free port on loopback, for the broker's internal bridge listener. */
    private static int loopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmulatorException("No free port on the loopback interface: " + e.getMessage(), e);
        }
    }

    /**
     * A port of a listener that Vert.x binds (HTTP, WebSocket, shared ports): a fixed one is checked now, 0 stays 0
     * and Vert.x picks a free port when it binds. A port picked now would be free for the seconds the broker takes to
     * start, and any socket of this JVM (a client's ephemeral port) could take it meanwhile.
     */
    private int listenerPort(int requested, String what) {
        return requested == 0 ? 0 : port(requested, what);
    }

    private int port(int requested, String what) {
        InetAddress address;
        try {
            address = InetAddress.getByName(settings.bindAddress);
        } catch (IOException e) {
            throw new EmulatorException("The bind address " + settings.bindAddress + " (--bind) is not valid: "
                    + e.getMessage(), e);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, requested));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmulatorException("The " + what + " port " + requested + " on " + settings.bindAddress
                    + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", dir, e.toString());
        }
    }
}
