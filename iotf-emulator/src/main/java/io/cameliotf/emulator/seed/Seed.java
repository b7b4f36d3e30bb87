package io.cameliotf.emulator.seed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The organizations, API keys and devices a seed file provides. Tokens are in plain text here, as in the file;
 * the registry keeps only their salted hashes.
 */
public record Seed(String source, List<Org> organizations, Admin consoleAdmin) {

    /** A seed without a console administrator. */
    public Seed(String source, List<Org> organizations) {
        this(source, organizations, null);
    }

    /**
     * The web console's administrator ({@code "console": {"admin": {...}}}): its user and either the password's
     * PBKDF2 hash, as {@code TokenHasher} makes it, or the password itself (hashed when the service starts).
     */
    public record Admin(String user, String passwordHash, String password) {
        @Override
        public String toString() {
            return "Admin[" + user + ", password ****]";
        }
    }

    /** An organization of the seed. */
    public record Org(String id, String name, List<Key> apiKeys, List<SeedDevice> devices) {

        public Key apiKey(int index) {
            return apiKeys.get(index);
        }

        public SeedDevice device(String type, String id) {
            return devices.stream().filter(d -> d.type().equals(type) && d.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no device " + type + "/" + id + " in org " + this.id));
        }
    }

    /** An API key and its token. */
    public record Key(String key, String token) {
        @Override
        public String toString() {
            return "Key[" + key + ", token ****]";
        }
    }

    /** A device, its token and optional metadata (null when absent). */
    public record SeedDevice(String type, String id, String token, JsonNode metadata) {
        @Override
        public String toString() {
            return "SeedDevice[" + type + "/" + id + ", token ****]";
        }
    }

    public Org organization(String id) {
        return organizations.stream().filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no organization " + id + " in seed " + source));
    }
}
