package io.cameliotf.iotf.rest;

/**
 * The IoTF REST API answered with an error: its status code, the request's method and path, and the service's
 * message. A 401 says that the API key or its token is wrong, never showing the token. The component does not
 * retry: Camel's error handler decides.
 */
public class IotfApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String method;
    private final String path;
    private final String serviceMessage;

    public IotfApiException(int statusCode, String method, String path, String serviceMessage, String apiKey) {
        super(describe(statusCode, method, path, serviceMessage, apiKey));
        this.statusCode = statusCode;
        this.method = method;
        this.path = path;
        this.serviceMessage = serviceMessage;
    }

    private static String describe(int status, String method, String path, String message, String apiKey) {
        String what = "The IoTF API answered " + method + " " + path + " with " + status;
        if (status == 401) {
            return what + ": the API key " + apiKey + " or its token is wrong (authKey, authToken; the token is not "
                    + "shown). The service said: " + message;
        }
        if (status == 403) {
            return what + ": the API key " + apiKey + " may not act on this organization. The service said: " + message;
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

    /** The service's own message (from its JSON answer, or the body as text). */
    public String getServiceMessage() {
        return serviceMessage;
    }
}
