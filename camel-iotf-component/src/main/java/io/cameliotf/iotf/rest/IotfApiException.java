package io.cameliotf.iotf.rest;

import io.cameliotf.iotf.rules.Secrets;

/**
 * The IoTF REST API answered with an error: its status code, the request's method and path, and the service's
 * message (and, in API v0002, its message id such as CUDRS0007E). A 401 says that the API key or its token is wrong;
 * neither is ever shown (an API key shows as a-org-****, also where the service's message quotes it). The component
 * does not retry: Camel's error handler decides.
 */
public class IotfApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String method;
    private final String path;
    private final String serviceMessage;
    private final String messageId;

    /**
     * @param user the user name of the call (an API key, or use-token-auth), shown masked
     */
    public IotfApiException(int statusCode, String method, String path, String serviceMessage, String messageId,
            String user) {
        super(describe(statusCode, method, path, serviceMessage, user));
        this.statusCode = statusCode;
        this.method = method;
        this.path = path;
        this.serviceMessage = serviceMessage;
        this.messageId = messageId;
    }

    /** {@code cause} with what to fix in this call: {@code hint} takes the place of the general explanation. */
    private IotfApiException(IotfApiException cause, String hint) {
        super("The IoTF API answered " + cause.method + " " + cause.path + " with " + cause.statusCode
                + (cause.messageId == null ? "" : " (" + cause.messageId + ")") + ": " + hint + ". The service said: "
                + cause.serviceMessage, cause);
        this.statusCode = cause.statusCode;
        this.method = cause.method;
        this.path = cause.path;
        this.serviceMessage = cause.serviceMessage;
        this.messageId = cause.messageId;
    }

    /**
     * This error, explained for the operation that met it: what is wrong and what to fix, with the contract's
     * section (the status, message id and the service's message are kept).
     */
    public IotfApiException explained(String hint) {
        return new IotfApiException(this, hint);
    }

    private static String describe(int status, String method, String path, String message, String user) {
        String what = "The IoTF API answered " + method + " " + path + " with " + status;
        String who = user != null && user.startsWith("a-") ? "the API key " + Secrets.mask(user) : "the device";
        if (status == 401) {
            return what + ": " + who + " or its token is wrong (authKey, authToken; neither is shown). The service "
                    + "said: " + message;
        }
        if (status == 403) {
            return what + ": " + who + " may not do this (its organization, or its role). The service said: " + message;
        }
        return what + ": " + message;
    }

    public int getStatusCode() {
        return statusCode;
    }

    public String getMethod() {
        return method;
    }

    public String getPath() {
        return path;
    }

    /** The service's own message (from its JSON answer, or the body as text), with secrets masked. */
    public String getServiceMessage() {
        return serviceMessage;
    }

    /** The service's message id (exception.id of API v0002, for example CUDRS0007E), or null. */
    public String getMessageId() {
        return messageId;
    }
}
