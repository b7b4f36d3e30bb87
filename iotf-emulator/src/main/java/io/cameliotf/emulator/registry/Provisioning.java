package io.cameliotf.emulator.registry;

import io.cameliotf.emulator.auth.IotfNames;
import io.cameliotf.emulator.auth.TokenHasher;
import io.cameliotf.emulator.seed.Seed;
import io.cameliotf.emulator.store.ApiKey;
import io.cameliotf.emulator.store.Database;
import io.cameliotf.emulator.store.Device;
import io.cameliotf.emulator.store.DeviceStore;
import io.cameliotf.emulator.store.DeviceTypeStore;
import io.cameliotf.emulator.store.Organization;
import io.cameliotf.emulator.store.RegistryStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Organizations, and what a seed file adds [2.1.1]. Devices and device types are in {@link DeviceRegistry}, API
 * keys in {@link ApiKeys}. Tokens of a seed are stored only salted and hashed [2.3.3].
 */
public final class Provisioning {

    /** Tokens generated for devices and API keys have this many characters. */
    public static final int TOKEN_LENGTH = 18;

    private final RegistryStore store;
    private final DeviceStore devices;
    private final DeviceTypeStore types;
    private final TokenHasher hasher;
    private final Clock clock;

    public Provisioning(Database db, TokenHasher hasher, Clock clock) {
        this.store = new RegistryStore(db);
        this.devices = new DeviceStore(db);
        this.types = new DeviceTypeStore(db);
        this.hasher = hasher;
        this.clock = clock;
    }

    public RegistryStore store() {
        return store;
    }

    /**
     * Adds what the seed has and the registry lacks, in one transaction; changes nothing that exists (an existing
     * device keeps its token and metadata).
     */
    public SeedResult apply(Seed seed) {
        Instant now = clock.instant();
        return store.database().transaction(c -> {
            int orgs = 0;
            int keys = 0;
            int added = 0;
            int present = 0;
            for (Seed.Org org : seed.organizations()) {
                if (store.organization(c, org.id()).isEmpty()) {
                    store.insertOrganization(c, new Organization(org.id(), org.name(), now, now));
                    orgs++;
                } else {
                    present++;
                }
                for (Seed.Key key : org.apiKeys()) {
                    Optional<ApiKey> existing = store.apiKey(c, key.key());
                    if (existing.isEmpty()) {
                        store.insertApiKey(c, new ApiKey(key.key(), org.id(), hasher.hash(key.token()), now));
                        keys++;
                    } else if (!existing.get().org().equals(org.id())) {
                        throw new RegistryException(RegistryException.Kind.CONFLICT, "Seed " + seed.source()
                                + ": API key " + key.key() + " already belongs to organization " + existing.get().org());
                    } else {
                        present++;
                    }
                }
                for (Seed.SeedDevice d : org.devices()) {
                    if (devices.device(c, org.id(), d.type(), d.id()).isEmpty()) {
                        types.ensure(c, org.id(), d.type(), now);
                        devices.insert(c, Device.registered(org.id(), d.type(), d.id(), hasher.hash(d.token()),
                                d.metadata() == null ? null : d.metadata().toString(), null, "seed", "seed", now));
                        added++;
                    } else {
                        present++;
                    }
                }
            }
            return new SeedResult(orgs, keys, added, present);
        });
    }

    public Organization createOrganization(String id, String name) {
        String problem = IotfNames.orgProblem(id);
        if (problem != null) {
            throw new RegistryException(RegistryException.Kind.INVALID, "Organization id '" + id + "' " + problem);
        }
        if (IotfNames.QUICKSTART.equals(id)) {
            throw new RegistryException(RegistryException.Kind.CONFLICT, "'quickstart' is built in");
        }
        Instant now = clock.instant();
        Organization org = new Organization(id, name == null ? id : name, now, now);
        return store.database().transaction(c -> {
            if (store.organization(c, id).isPresent()) {
                throw new RegistryException(RegistryException.Kind.CONFLICT, "Organization " + id + " already exists");
            }
            store.insertOrganization(c, org);
            return org;
        });
    }
}
