package io.cameliotf.emulator.store;

/**
 * The data directory cannot be used as it is (not writable, too little space, a damaged or missing data file): the
 * service does not start, and the message names the directory or file, the cause and what to do.
 */
public final class DataDirectoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataDirectoryException(String message) {
        super(message);
    }

    public DataDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
