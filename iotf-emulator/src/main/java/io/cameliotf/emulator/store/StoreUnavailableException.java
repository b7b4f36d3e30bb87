package io.cameliotf.emulator.store;

/**
 * The data file cannot be written (the disk is full, the directory became read-only, the file is damaged): nothing
 * of the failed unit of work was kept. The REST API answers 503 with the message, which names the file and the
 * cause but no SQL; the gateway refuses publishes it cannot keep.
 */
public final class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
