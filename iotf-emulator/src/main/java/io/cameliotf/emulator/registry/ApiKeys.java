package io.cameliotf.emulator.registry;

import io.cameliotf.emulator.auth.TokenHasher;
import io.cameliotf.emulator.store.ApiKey;
import io.cameliotf.emulator.store.Database;
import io.cameliotf.emulator.store.RegistryStore;
import java.time.Clock;
import java.util.List;

/**
 * API keys of organizations [2.3.2, 2.3.3; later contract 2.13]: created with a token that is returned once and
 * kept only salted and hashed, listed (never with a token), and individually revoked: a deleted key's token stops
 * working at once, on MQTT and REST, and its live connections are dropped. Roles are recorded, not enforced.
 */
public final class ApiKeys {

    /** The longest comment a key may carry. */
    public static final int MAX_COMMENT = 1_024;

    private final RegistryStore store;
    private final TokenHasher hasher;
    private final Clock clock;
    private final Revocations revocations;

    public ApiKeys(Database db, TokenHasher hasher, Clock clock, Revocations revocations) {
        this.store = new RegistryStore(db);
        this.hasher = hasher;
        this.clock = clock;
        this.revocations = revocations;
    }

    /** Generates a new API key {@code a-<org>-<10 characters>} and its token for {@code org}. */
    public ApiKeyCredentials create(String org) {
        return create(org, null, List.of());
    }

    /** As {@link #create(String)}, with a comment and roles to record. */
    public ApiKeyCredentials create(String org, String comment, List<String> roles) {
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new RegistryException(RegistryException.Kind.INVALID, "The comment has " + comment.length()
                    + " characters; at most " + MAX_COMMENT + " are allowed");
        }
        for (String role : roles) {
            if (role == null || role.isBlank() || role.length() > 64 || role.contains(",")) {
                throw new RegistryException(RegistryException.Kind.INVALID, "The role '" + role
                        + "' is not a role id (for example PD_STANDARD_APP)");
            }
        }
        String key = "a-" + org + "-" + hasher.newAlphanumeric(10);
        String token = hasher.newToken(Provisioning.TOKEN_LENGTH);
        ApiKey record = new ApiKey(key, org, hasher.hash(token), clock.instant(), comment, roles);
        store.database().transaction(c -> {
            if (store.organization(c, org).isEmpty()) {
                throw new RegistryException(RegistryException.Kind.NOT_FOUND, "Organization " + org + " does not exist");
            }
            store.insertApiKey(c, record);
            return null;
        });
        return new ApiKeyCredentials(org, key, token);
    }

    /** The keys of an organization, oldest first (hashes only). */
    public List<ApiKey> list(String org) {
        return store.apiKeys(org);
    }

    public ApiKey get(String org, String key) {
        return store.apiKey(key).filter(k -> k.org().equals(org)).orElseThrow(() -> notFound(org, key));
    }

    /** Revokes a key: its token no longer works anywhere and its live connections are dropped. */
    public void delete(String org, String key) {
        if (!store.database().transaction(c -> store.deleteApiKey(c, org, key))) {
            throw notFound(org, key);
        }
        revocations.apiKeyDeleted(key);
    }

    private static RegistryException notFound(String org, String key) {
        return new RegistryException(RegistryException.Kind.NOT_FOUND, "Organization " + org + " has no API key " + key);
    }
}
