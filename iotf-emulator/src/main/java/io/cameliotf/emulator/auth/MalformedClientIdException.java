package io.cameliotf.emulator.auth;

/** A client id that is not of any form the service knows [5.2.1, 5.3.1]. */
public final class MalformedClientIdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MalformedClientIdException(String clientId, String problem) {
        super("Malformed client id '" + clientId + "': " + problem);
    }
}
