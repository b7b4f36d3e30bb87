package io.cameliotf.iotf.mqtt;

/** The connection to the IoTF service could not be made, was refused, or is not there when a message is sent. */
public class IotfConnectionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IotfConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
