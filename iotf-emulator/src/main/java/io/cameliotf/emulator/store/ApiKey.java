package io.cameliotf.emulator.store;

import java.time.Instant;

/** An API key of an organization; only the salted hash of its token is kept [2.3.3]. */
public record ApiKey(String key, String org, String tokenHash, Instant created) {

    @Override
    public String toString() {
        return "ApiKey[" + key + ", org " + org + "]";
    }
}
