package io.cameliotf.emulator.registry;

/** A registry operation that cannot be done; {@link #kind()} says why (the REST API maps it to a status code). */
public final class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why an operation was refused. */
    public enum Kind {
        INVALID, NOT_FOUND, CONFLICT
    }

    private final Kind kind;

    public RegistryException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
