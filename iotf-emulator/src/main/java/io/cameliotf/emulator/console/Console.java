package io.cameliotf.emulator.console;

import io.cameliotf.emulator.api.SessionCallers;
import io.cameliotf.emulator.auth.CredentialCheck;
import io.cameliotf.emulator.auth.TokenHasher;
import io.cameliotf.emulator.events.EventSink;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.session.ClientStates;
import io.cameliotf.emulator.session.ConnectionListener;
import io.cameliotf.emulator.store.RegistryStore;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Supplier;

/**
 * The local service's web console, where the hosted service had its browser-based GUI for managing an organization's
 * devices and API keys [2.3.2, 2.3.3]; see docs/emulator.md, "The web console". Wired here: its sessions (which the REST API takes as callers, {@link #callers()}),
 * what it hears of events and connections ({@link #eventSinks()}, {@link #connectionListener()}) and its routes
 * ({@link #mount}). The pages are static files; everything they show comes from the REST API and from here.
 */
public final class Console implements AutoCloseable {

    private final ConsoleSessions sessions = new ConsoleSessions();
    private final ConsoleCallers callers;
    private final EventRates rates = new EventRates(System::currentTimeMillis);
    private final EventStreams streams = new EventStreams();
    private final StatusLog status = new StatusLog(streams::status);
    private final CredentialCheck check;
    private final ConsoleAdmin admin;
    private final TokenHasher hasher;
    private final RegistryStore registry;
    private final DeviceRegistry devices;
    private final Overview overview;
    private Vertx vertx;
    private long sweeper = -1;

    /**
     * @param admin the administrator, or null for none (then only API keys sign in)
     * @param endpoints where the service listens, asked when a page needs it (the ports are known once it started)
     */
    public Console(ConsoleAdmin admin, CredentialCheck check, TokenHasher hasher, RegistryStore registry,
            DeviceRegistry devices, ClientStates states, Supplier<ConsoleEndpoints> endpoints) {
        this.admin = admin;
        this.check = check;
        this.hasher = hasher;
        this.registry = registry;
        this.devices = devices;
        this.callers = new ConsoleCallers(sessions, registry);
        this.overview = new Overview(states, devices, rates, endpoints);
    }

    /** The REST API's callers by session cookie. */
    public SessionCallers callers() {
        return callers;
    }

    /** What the event hook feeds: the overview's rates and the live streams. */
    public List<EventSink> eventSinks() {
        return List.of(rates, streams);
    }

    /** What hears of connects and disconnects: the status log (and through it the live streams). */
    public ConnectionListener connectionListener() {
        return status;
    }

    /** Ends the sessions of an API key that was revoked or deleted (their streams close). */
    public void apiKeyDeleted(String apiKey) {
        sessions.endApiKey(apiKey);
    }

    /** Whether an administrator can sign in. */
    public boolean hasAdmin() {
        return admin != null;
    }

    /** Adds the console's routes to the REST API's router, and the sweep of idle sessions. */
    public void mount(Router router, Vertx vertx) {
        this.vertx = vertx;
        ConsoleSignIn signIn = new ConsoleSignIn(check, admin, hasher, sessions, vertx);
        new ConsoleRoutes(sessions, callers, signIn, overview, status, streams, registry, devices).mount(router);
        sweeper = vertx.setPeriodic(60_000, id -> sessions.sweep());
    }

    /** Ends every session and stream. */
    @Override
    public void close() {
        if (vertx != null && sweeper >= 0) {
            vertx.cancelTimer(sweeper);
        }
        sessions.endAll();
    }
}
