package io.cameliotf.emulator.messaging;

/** A message sent over HTTP that was not accepted; {@link #kind()} says why (the API maps it to a status code). */
public final class MessagingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a message was refused. */
    public enum Kind {
        INVALID, TOO_LARGE, UNSUPPORTED, UNAVAILABLE
    }

    private final Kind kind;

    public MessagingException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
