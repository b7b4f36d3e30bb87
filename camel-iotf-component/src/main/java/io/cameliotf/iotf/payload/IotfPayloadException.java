package io.cameliotf.iotf.payload;

/** A payload that cannot be converted as asked; the message says what is wrong and where. */
public class IotfPayloadException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public IotfPayloadException(String message) {
        super(message);
    }

    public IotfPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
