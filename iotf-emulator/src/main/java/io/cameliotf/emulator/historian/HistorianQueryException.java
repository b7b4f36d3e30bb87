package io.cameliotf.emulator.historian;

/** A historian query that cannot be answered as asked; the message says what is wrong (the APIs answer 400). */
public final class HistorianQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HistorianQueryException(String message) {
        super(message);
    }
}
