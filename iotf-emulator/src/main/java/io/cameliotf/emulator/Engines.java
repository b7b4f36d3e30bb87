package io.cameliotf.emulator;

import io.cameliotf.emulator.auth.ClientIdentity;
import io.cameliotf.emulator.auth.CredentialCheck;
import io.cameliotf.emulator.auth.LoginThrottle;
import io.cameliotf.emulator.auth.TokenHasher;
import io.cameliotf.emulator.auth.VerifiedTokens;
import io.cameliotf.emulator.broker.PersistenceSettings;
import io.cameliotf.emulator.events.EventHub;
import io.cameliotf.emulator.historian.Durability;
import io.cameliotf.emulator.historian.Historian;
import io.cameliotf.emulator.lec.LastEventCache;
import io.cameliotf.emulator.registry.ApiKeys;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.registry.GatewayDevices;
import io.cameliotf.emulator.registry.Provisioning;
import io.cameliotf.emulator.registry.Revocations;
import io.cameliotf.emulator.session.ClientStates;
import io.cameliotf.emulator.store.Database;
import io.cameliotf.emulator.store.DeviceTypeStore;
import io.cameliotf.emulator.store.EventStore;
import io.cameliotf.emulator.store.HighWaterMark;
import io.cameliotf.emulator.store.LastEventStore;
import io.cameliotf.emulator.store.RegistryStore;
import io.cameliotf.emulator.usage.UsageMeter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.BiConsumer;

/**
 * The service's domain engines on one database, wired together: the registry and its credential check, the
 * historian and the last event cache (both fed from the event hub), connection states and usage. Everything that
 * neither the broker nor HTTP owns; {@link IotfEmulator} adds those around it.
 */
final class Engines implements AutoCloseable {

    final Database database;
    final RegistryStore registry;
    final Provisioning provisioning;
    final DeviceRegistry devices;
    final ApiKeys apiKeys;
    final CredentialCheck credentials;
    final EventStore eventStore;
    final Historian historian;
    final LastEventCache lastEvents;
    final ClientStates clientStates = new ClientStates();
    final UsageMeter usage;
    final GatewayDevices gatewayDevices;
    private final Revocations revocations = new Revocations();
    private final VerifiedTokens verified = new VerifiedTokens();
    private final EventHub events;
    /** The historian's journal in the data directory (docs/emulator.md, "Guarantees"). */
    static final String JOURNAL_DIRECTORY = "historian-journal";
    /** The system property that turns the journal on (experimental, see docs/emulator.md). */
    static final String JOURNAL_PROPERTY = "iotf.historianJournal";

    /** Opens the database in {@code data} (in memory when null) and starts the writers. */
    Engines(IotfEmulatorBuilder settings, Path data, Clock clock, EventHub events) {
        this.events = events;
        // HiveMQ reads its persistence settings once, when the broker starts, from per-JVM fields: they must be set
        // before IotfEmulator builds the broker, and this is where the start first has the data directory (the
        // broker's files are in its broker/ folder)
        PersistenceSettings.apply(data == null ? null : data.resolve("broker"));
        TokenHasher hasher = new TokenHasher(settings.hashIterations);
        database = Database.open(data);
        registry = new RegistryStore(database);
        provisioning = new Provisioning(database, hasher, clock);
        devices = new DeviceRegistry(database, hasher, clock, revocations);
        gatewayDevices = new GatewayDevices(devices, revocations);
        apiKeys = new ApiKeys(database, hasher, clock, revocations);
        credentials = new CredentialCheck(registry, devices.store(), new DeviceTypeStore(database), hasher,
                verified, new LoginThrottle(settings.loginThrottle));
        eventStore = new EventStore(database);
        HighWaterMark mark = null;
        if (data != null) {
            database.verify();
            mark = new HighWaterMark(data, eventStore);
            mark.verify(clock.millis(), settings.retentionAge);
        }
        // in memory nothing survives an exit, so acknowledgements need not wait for the historian
        Durability durability = data == null ? Durability.FAST : settings.durability;
        // written: acknowledged once in the historian's journal, stored from there in large batches (one client's
        // publishes no longer wait for a commit each); synced waits for the forced commit, fast for nothing
        // off by default until a full disk is understood: with the journal's retries, a registry change answered 201
        // after a full disk was missing after a restart in DiskFullTest (docs/emulator.md, "Guarantees")
        boolean journaled = Boolean.getBoolean(JOURNAL_PROPERTY);
        Path journal = journaled && data != null && durability == Durability.WRITTEN ? data.resolve(JOURNAL_DIRECTORY)
                : null;
        historian = settings.historian ? new Historian(eventStore, database, durability, journal, clock,
                settings.retentionAge, settings.retentionEvents, settings.historianQueue) : null;
        if (historian != null) {
            historian.noteProgressIn(mark);
            events.add(historian);
        }
        lastEvents = new LastEventCache(new LastEventStore(database), settings.lastEventEntries, settings.lastEventBytes);
        events.add(lastEvents);
        usage = new UsageMeter(eventStore, clock);
    }

    /**
     * What follows a revoked credential, besides the registry forgetting it: the token cache forgets it, a deleted
     * device's cached events go, and {@code disconnect} drops live connections (client id or API key, and why).
     */
    void onRevocation(BiConsumer<String, String> disconnectDevice, BiConsumer<String, String> disconnectApiKey) {
        revocations.onDeviceDeleted(clientId -> {
            verified.forget(clientId);
            ClientIdentity device = ClientIdentity.parse(clientId);
            lastEvents.forgetDevice(device.org(), device.deviceType(), device.deviceId());
            disconnectDevice.accept(clientId, "The device " + clientId + " was deleted from the registry.");
        });
        revocations.onApiKeyDeleted(key -> {
            verified.forget(key);
            disconnectApiKey.accept(key, "The API key " + key + " was revoked.");
        });
    }

    /** Also tells {@code listener} every API key deleted (revoked). */
    void onApiKeyDeleted(java.util.function.Consumer<String> listener) {
        revocations.onApiKeyDeleted(listener);
    }

    /** Also tells {@code listener} the client id of every device deleted from the registry. */
    void onDeviceDeleted(java.util.function.Consumer<String> listener) {
        revocations.onDeviceDeleted(listener);
    }

    /** Stores everything the historian and the last event cache accepted, then closes the database. */
    @Override
    public void close() {
        if (historian != null) {
            events.remove(historian);
            historian.close();
        }
        events.remove(lastEvents);
        lastEvents.close();
        database.close();
    }
}
