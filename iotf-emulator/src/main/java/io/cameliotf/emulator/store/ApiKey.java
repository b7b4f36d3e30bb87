package io.cameliotf.emulator.store;

import java.time.Instant;
import java.util.List;

/**
 * An API key of an organization [2.3.2, 2.3.3; later contract 2.13]; only the salted hash of its token is kept.
 *
 * @param comment what the key is for, or null
 * @param roles the role ids it was given (recorded, not enforced)
 */
public record ApiKey(String key, String org, String tokenHash, Instant created, String comment, List<String> roles) {

    public ApiKey {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public ApiKey(String key, String org, String tokenHash, Instant created) {
        this(key, org, tokenHash, created, null, List.of());
    }

    @Override
    public String toString() {
        return "ApiKey[" + key + ", org " + org + "]";
    }
}
