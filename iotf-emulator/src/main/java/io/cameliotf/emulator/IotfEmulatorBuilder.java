package io.cameliotf.emulator;

import io.cameliotf.emulator.auth.LoginThrottle;
import io.cameliotf.emulator.auth.TokenHasher;
import io.cameliotf.emulator.console.ConsoleAdmin;
import io.cameliotf.emulator.historian.Durability;
import io.cameliotf.emulator.seed.Seed;
import io.cameliotf.emulator.seed.SeedParser;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The settings of a local IoTF service; every one has a default. {@code IotfEmulator.builder()...build()}.
 */
public final class IotfEmulatorBuilder {

    Path seedFile;
    Seed seed;
    Path dataDirectory;
    String bindAddress = "127.0.0.1";
    int mqttPort = 1883;
    int mqttsPort = 8883;
    int wsPort = 8000;
    int wssPort = 8001;
    boolean sharedPorts;
    int httpPort = 8080;
    int httpsPort = 8443;
    String domain = IotfEmulator.DEFAULT_DOMAIN;
    Path tlsKeystore;
    String tlsKeystorePassword;
    int hashIterations = TokenHasher.DEFAULT_ITERATIONS;
    LoginThrottle.Settings loginThrottle = LoginThrottle.Settings.DEFAULT;
    boolean historian = true;
    Duration retentionAge = Duration.ofDays(30);
    long retentionEvents = 10_000_000;
    int historianQueue = 200_000;
    Durability durability = Durability.WRITTEN;
    Duration storeTimeout = Duration.ofSeconds(30);
    Duration startTimeout = Duration.ofSeconds(120);
    int lastEventEntries = 500_000;
    long lastEventBytes = 256L * 1024 * 1024;
    ConsoleAdmin consoleAdmin;

    IotfEmulatorBuilder() {
    }

    /** A seed file to apply at start (adds what is missing, changes nothing else). */
    public IotfEmulatorBuilder seed(Path file) {
        this.seedFile = file;
        this.seed = null;
        return this;
    }

    /** A seed already parsed (see {@link SeedParser}). */
    public IotfEmulatorBuilder seed(Seed seed) {
        this.seed = seed;
        this.seedFile = null;
        return this;
    }

    /** Where to keep the registry, the historian and durable sessions; in memory when not set. */
    public IotfEmulatorBuilder dataDirectory(Path dir) {
        this.dataDirectory = dir;
        return this;
    }

    /** The address every listener binds to (default 127.0.0.1). */
    public IotfEmulatorBuilder bindAddress(String address) {
        this.bindAddress = address;
        return this;
    }

    /** Plain MQTT port (default 1883; 0 picks a free port). */
    public IotfEmulatorBuilder mqttPort(int port) {
        this.mqttPort = checkPort(port, "mqttPort");
        return this;
    }

    /** MQTT over TLS port (default 8883; 0 picks a free port). */
    public IotfEmulatorBuilder mqttsPort(int port) {
        this.mqttsPort = checkPort(port, "mqttsPort");
        return this;
    }

    /** MQTT over WebSocket port (default 8000; 0 picks a free port), paths {@code /} and {@code /mqtt}. */
    public IotfEmulatorBuilder wsPort(int port) {
        this.wsPort = checkPort(port, "wsPort");
        return this;
    }

    /** MQTT over secure WebSocket port (default 8001; 0 picks a free port), paths {@code /} and {@code /mqtt}. */
    public IotfEmulatorBuilder wssPort(int port) {
        this.wssPort = checkPort(port, "wssPort");
        return this;
    }

    /**
     * Whether MQTT, MQTT over WebSocket and HTTP (REST API, HTTP messaging) share each of the four ports, as on
     * IBM's hosted service (later contract 3.1): the MQTT port, the MQTT over TLS port, the HTTP port and the
     * HTTPS port. Off by default: it puts a hop through this process in front of every MQTT connection.
     */
    public IotfEmulatorBuilder sharedPorts(boolean shared) {
        this.sharedPorts = shared;
        return this;
    }

    /**
     * IBM's port layout: shared ports 1883 (plain), 8883 (TLS), 80 (plain) and 443 (TLS), each taking MQTT,
     * WebSocket and HTTP, so that IBM's clients connect with their defaults. Binding 80 and 443 needs root (or
     * the capability to bind low ports).
     */
    public IotfEmulatorBuilder ibmPorts() {
        this.sharedPorts = true;
        this.mqttPort = 1883;
        this.mqttsPort = 8883;
        this.httpPort = 80;
        this.httpsPort = 443;
        return this;
    }

    /** REST API port over HTTP (default 8080; 0 picks a free port). */
    public IotfEmulatorBuilder httpPort(int port) {
        this.httpPort = checkPort(port, "httpPort");
        return this;
    }

    /** REST API port over HTTPS (default 8443; 0 picks a free port). */
    public IotfEmulatorBuilder httpsPort(int port) {
        this.httpsPort = checkPort(port, "httpsPort");
        return this;
    }

    /** Every listener on a free port. */
    public IotfEmulatorBuilder freePorts() {
        mqttPort = 0;
        mqttsPort = 0;
        wsPort = 0;
        wssPort = 0;
        httpPort = 0;
        httpsPort = 0;
        return this;
    }

    /** The domain the generated certificate covers as {@code *.messaging.<domain>} (default IBM's). */
    public IotfEmulatorBuilder domain(String domain) {
        this.domain = domain;
        return this;
    }

    /** Use this PKCS#12 or JKS keystore for TLS instead of a generated certificate. */
    public IotfEmulatorBuilder tlsKeystore(Path keystore, String password) {
        this.tlsKeystore = keystore;
        this.tlsKeystorePassword = password;
        return this;
    }

    /**
     * How failed logins are slowed down ({@link LoginThrottle.Settings#DEFAULT} unless set;
     * {@link LoginThrottle.Settings#OFF} for none, as for a benchmark of refusals).
     */
    public IotfEmulatorBuilder loginThrottle(LoginThrottle.Settings settings) {
        this.loginThrottle = java.util.Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** PBKDF2 iterations for newly hashed tokens (default {@value TokenHasher#DEFAULT_ITERATIONS}). */
    public IotfEmulatorBuilder hashIterations(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("hashIterations must be at least 1, was " + iterations);
        }
        this.hashIterations = iterations;
        return this;
    }

    /** Whether to store events for the Historical Event API (default on). */
    public IotfEmulatorBuilder historian(boolean on) {
        this.historian = on;
        return this;
    }

    /**
     * When a device event is acknowledged relative to storing it (default {@link Durability#WRITTEN}: after it is
     * written to the data file). Without a data directory nothing is kept past an exit, so this has no effect.
     */
    public IotfEmulatorBuilder durability(Durability durability) {
        this.durability = java.util.Objects.requireNonNull(durability, "durability");
        return this;
    }

    /**
     * How long a device event whose acknowledgement waits for the historian (a QoS 1 or 2 publish, an HTTP event) may
     * wait before it is refused (default 30 s): the MQTT 3 client is disconnected without a PUBACK, an MQTT 5 client
     * gets a negative one, HTTP answers 503. The historian answers sooner (a batch it cannot write is refused at
     * once); this bounds a writer that hangs. An event refused this way may still be stored later, and stored again
     * when its publisher sends it again.
     */
    public IotfEmulatorBuilder storeTimeout(Duration timeout) {
        this.storeTimeout = positive(timeout, "storeTimeout");
        return this;
    }

    /**
     * How long the broker may take to start (default 120 s; a healthy start takes a few seconds, and one still running
     * after 15 s is logged). A start that runs out of time fails with a message naming the broker's folder: HiveMQ
     * opens its persistence first, and a store damaged by a full disk or a crash makes it wait forever.
     */
    public IotfEmulatorBuilder startTimeout(Duration timeout) {
        this.startTimeout = positive(timeout, "startTimeout");
        return this;
    }

    private static Duration positive(Duration timeout, String option) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(option + " needs a positive duration, not " + timeout);
        }
        return timeout;
    }

    /** How long the historian keeps events (default 30 days) and how many at most (default 10,000,000). */
    public IotfEmulatorBuilder retention(Duration maxAge, long maxEvents) {
        if (maxAge.isNegative() || maxAge.isZero() || maxEvents < 1) {
            throw new IllegalArgumentException("retention needs a positive age and at least 1 event");
        }
        this.retentionAge = maxAge;
        this.retentionEvents = maxEvents;
        return this;
    }

    /** Events the historian may hold before writing them (default 200,000); beyond it publishers wait. */
    public IotfEmulatorBuilder historianQueue(int capacity) {
        this.historianQueue = capacity;
        return this;
    }

    /**
     * Bounds of the last event cache: at most {@code entries} events (one per event id of a device; default
     * 500,000) and {@code bytes} of payloads (default 256 MiB); what was updated longest ago goes first.
     */
    public IotfEmulatorBuilder lastEventCache(int entries, long bytes) {
        if (entries < 1 || bytes < 1) {
            throw new IllegalArgumentException("the last event cache needs room for at least one event");
        }
        this.lastEventEntries = entries;
        this.lastEventBytes = bytes;
        return this;
    }

    /**
     * The web console's administrator, who signs in to every organization. The password is hashed now (PBKDF2, as
     * tokens are) and not kept; wipe the array afterwards if you like. Overrides the seed's {@code console.admin}.
     *
     * @throws IllegalArgumentException when the user or the password is empty or has a control character
     */
    public IotfEmulatorBuilder consoleAdmin(String user, char[] password) {
        this.consoleAdmin = ConsoleAdmin.of(user, password, new TokenHasher(hashIterations));
        return this;
    }

    public IotfEmulator build() {
        return new IotfEmulator(this);
    }

    private static int checkPort(int port, String name) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be a port number from 0 to 65535, was " + port);
        }
        return port;
    }
}
