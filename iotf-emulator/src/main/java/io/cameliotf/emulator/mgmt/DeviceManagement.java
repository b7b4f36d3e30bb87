package io.cameliotf.emulator.mgmt;

import io.cameliotf.emulator.auth.ClientIdentity;
import io.cameliotf.emulator.messaging.BrokerPublisher;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.session.ClientStates;
import io.cameliotf.emulator.store.Database;
import io.cameliotf.emulator.store.ManagementStore;
import io.cameliotf.emulator.store.MgmtRequestStore;
import io.cameliotf.emulator.topics.InternalTopics;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Device management of the local service (later contract 3.5, 2.6, 2.7, 2.14), wired on one database: the protocol
 * the broker hands {@code iotdevice-1/...} requests to ({@link #inbox()}), the managed devices, diagnostics and the
 * request engine the REST API shows. The service's messages to devices go through {@code publisher}.
 */
public final class DeviceManagement implements AutoCloseable {

    private final ExecutorService protocolThread = Executors.newSingleThreadExecutor(daemon("iotf-dm"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("iotf-dm-timer"));
    private final Management management;
    private final Diagnostics diagnostics;
    private final RequestEngine requests;
    private final RequestQueries queries;
    private final DeviceProtocol protocol;

    public DeviceManagement(Database db, DeviceRegistry registry, ClientStates states, BrokerPublisher publisher,
            InternalTopics topics, Clock clock) {
        ManagementStore store = new ManagementStore(db);
        DeviceChannel channel = new DeviceChannel(publisher, topics);
        this.management = new Management(store, registry, db, states, channel, clock);
        this.diagnostics = new Diagnostics(store, registry, clock);
        MgmtRequestStore requestStore = new MgmtRequestStore(db);
        this.queries = new RequestQueries(requestStore);
        this.requests = new RequestEngine(requestStore, management, registry, channel, clock, timer, queries);
        this.protocol = new DeviceProtocol(management, diagnostics, requests, channel, protocolThread, clock);
    }

    /** Where the broker hands device management requests. */
    public ManagementInbox inbox() {
        return protocol;
    }

    public Management management() {
        return management;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public RequestEngine requests() {
        return requests;
    }

    public RequestQueries queries() {
        return queries;
    }

    /** A device was deleted from the registry (its client id): its management state and diagnostics go. */
    public void deviceDeleted(String clientId) {
        ClientIdentity device = ClientIdentity.parse(clientId);
        management.forget(device.org(), device.deviceType(), device.deviceId());
    }

    /** Finishes the requests devices sent so far (briefly), then stops. */
    @Override
    public void close() {
        timer.shutdownNow();
        protocolThread.shutdown();
        try {
            protocolThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
