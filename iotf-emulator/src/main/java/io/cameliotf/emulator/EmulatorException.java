package io.cameliotf.emulator;

/** The local service could not start or do what was asked; the message says why. */
public final class EmulatorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
