package io.cameliotf.emulator.store;

import java.time.Instant;

/**
 * A registered device [3.1.3]; only the salted hash of its token is kept [2.3.3].
 *
 * @param metadataJson the device's metadata as JSON text, or null when it has none
 * @param registeredBy who registered it (an API key, or "seed")
 * @param registeredByType what {@code registeredBy} is ("apiKey" or "seed")
 */
public record Device(String org, String type, String id, String tokenHash, String metadataJson,
        String registeredBy, String registeredByType, Instant registered) {

    /** The device's unique id in the service, {@code d:<org>:<type>:<id>}. */
    public String uuid() {
        return "d:" + org + ':' + type + ':' + id;
    }

    @Override
    public String toString() {
        return "Device[" + uuid() + "]";
    }
}
