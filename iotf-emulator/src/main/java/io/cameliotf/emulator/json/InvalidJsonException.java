package io.cameliotf.emulator.json;

/** JSON that {@link StrictJson} refuses; the message completes "The body is not valid JSON: ...". */
public final class InvalidJsonException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidJsonException(String message) {
        super(message);
    }
}
