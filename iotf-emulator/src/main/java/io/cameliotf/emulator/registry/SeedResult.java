package io.cameliotf.emulator.registry;

/** What applying a seed added; entries already present are left exactly as they were. */
public record SeedResult(int organizationsAdded, int apiKeysAdded, int devicesAdded, int alreadyPresent) {

    @Override
    public String toString() {
        return organizationsAdded + " organizations, " + apiKeysAdded + " API keys and " + devicesAdded
                + " devices added; " + alreadyPresent + " entries already present and unchanged";
    }
}
