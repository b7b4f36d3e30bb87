package io.cameliotf.emulator.registry;

/**
 * The outcome of one item of a bulk add or remove (later contract 2.4).
 *
 * @param token the token of a device added (generated or as given), or null
 * @param problem why the item failed, or null when it succeeded
 */
public record BulkResult(String type, String id, String token, String problem) {

    public boolean success() {
        return problem == null;
    }

    @Override
    public String toString() {
        return "BulkResult[" + type + "/" + id + ", " + (problem == null ? "ok" : problem) + "]";
    }
}
