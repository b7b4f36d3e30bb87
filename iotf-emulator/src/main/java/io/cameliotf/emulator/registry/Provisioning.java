package io.cameliotf.emulator.registry;

import io.cameliotf.emulator.auth.IotfNames;
import io.cameliotf.emulator.auth.TokenHasher;
import io.cameliotf.emulator.seed.Seed;
import io.cameliotf.emulator.store.ApiKey;
import io.cameliotf.emulator.store.Device;
import io.cameliotf.emulator.store.Organization;
import io.cameliotf.emulator.store.RegistryStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Changes to the registry: organizations, API keys and devices, from a seed file, from the Java API or from the
 * REST API [3.1]. Tokens are generated here, returned once, and stored only salted and hashed [2.3.3, 3.1.6].
 * Each operation is one transaction.
 */
public final class Provisioning {

    /** Tokens generated for devices and API keys have this many characters. */
    public static final int TOKEN_LENGTH = 18;

    private final RegistryStore store;
    private final TokenHasher hasher;
    private final Clock clock;
    private final List<Consumer<String>> revocationListeners = new CopyOnWriteArrayList<>();

    public Provisioning(RegistryStore store, TokenHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    public RegistryStore store() {
        return store;
    }

    /** Called with the client id of every deleted device, so its live connection can be dropped. */
    public void onRevocation(Consumer<String> listener) {
        revocationListeners.add(listener);
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
            int devices = 0;
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
                    if (store.device(c, org.id(), d.type(), d.id()).isEmpty()) {
                        store.insertDevice(c, new Device(org.id(), d.type(), d.id(), hasher.hash(d.token()),
                                d.metadata() == null ? null : d.metadata().toString(), "seed", "seed", now));
                        devices++;
                    } else {
                        present++;
                    }
                }
            }
            return new SeedResult(orgs, keys, devices, present);
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

    /** Generates a new API key {@code a-<org>-<10 characters>} and its token for {@code org}. */
    public ApiKeyCredentials createApiKey(String org) {
        String key = "a-" + org + "-" + hasher.newAlphanumeric(10);
        String token = hasher.newToken(TOKEN_LENGTH);
        String hash = hasher.hash(token);
        Instant now = clock.instant();
        store.database().transaction(c -> {
            requireOrganization(c, org);
            store.insertApiKey(c, new ApiKey(key, org, hash, now));
            return null;
        });
        return new ApiKeyCredentials(org, key, token);
    }

    /**
     * Registers a device [3.1.6].
     *
     * @param metadataJson its metadata as JSON object text, or null
     * @param token its token, or null to generate one
     * @param registeredBy who registers it (an API key), shown in the device's {@code registration.auth}
     */
    public DeviceCredentials registerDevice(String org, String type, String id, String metadataJson, String token,
            String registeredBy) {
        checkTypeAndId(type, id);
        String plain = token == null ? hasher.newToken(TOKEN_LENGTH) : token;
        Device device = new Device(org, type, id, hasher.hash(plain), metadataJson,
                registeredBy == null ? "api" : registeredBy, registeredBy == null ? "api" : "apiKey", clock.instant());
        store.database().transaction(c -> {
            requireOrganization(c, org);
            if (store.device(c, org, type, id).isPresent()) {
                throw new RegistryException(RegistryException.Kind.CONFLICT,
                        "Device " + type + "/" + id + " is already registered in organization " + org);
            }
            store.insertDevice(c, device);
            return null;
        });
        return new DeviceCredentials(device, plain);
    }

    /** Replaces the metadata of a device [3.1.7]. */
    public Device updateMetadata(String org, String type, String id, String metadataJson) {
        return store.database().transaction(c -> {
            if (!store.updateDeviceMetadata(c, org, type, id, metadataJson)) {
                throw notFound(org, type, id);
            }
            return store.device(c, org, type, id).orElseThrow();
        });
    }

    /** Deletes a device [3.1.9]: its token stops working at once and its live connection is dropped. */
    public void deleteDevice(String org, String type, String id) {
        boolean deleted = store.database().transaction(c -> store.deleteDevice(c, org, type, id));
        if (!deleted) {
            throw notFound(org, type, id);
        }
        String clientId = "d:" + org + ':' + type + ':' + id;
        revocationListeners.forEach(l -> l.accept(clientId));
    }

    private void requireOrganization(java.sql.Connection c, String org) throws java.sql.SQLException {
        if (store.organization(c, org).isEmpty()) {
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "Organization " + org + " does not exist");
        }
    }

    private static void checkTypeAndId(String type, String id) {
        String problem = IotfNames.typeOrIdProblem(type);
        if (problem != null) {
            throw new RegistryException(RegistryException.Kind.INVALID, "Device type '" + type + "' " + problem);
        }
        problem = IotfNames.typeOrIdProblem(id);
        if (problem != null) {
            throw new RegistryException(RegistryException.Kind.INVALID, "Device id '" + id + "' " + problem);
        }
    }

    private static RegistryException notFound(String org, String type, String id) {
        return new RegistryException(RegistryException.Kind.NOT_FOUND,
                "Device " + type + "/" + id + " is not registered in organization " + org);
    }
}
