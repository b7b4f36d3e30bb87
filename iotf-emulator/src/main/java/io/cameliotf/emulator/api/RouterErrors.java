package io.cameliotf.emulator.api;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerRequest;

/**
 * What the answers that no route gives say: those of Vert.x's router (a status without a route's own error) and of
 * the HTTP codec (a request it could not read). Both are written in the API's error shape ({@link ApiErrors}) by
 * {@link RestServer}, so that a client never gets an empty body, an HTML page or plain text [later contract 1.4].
 */
final class RouterErrors {

    private RouterErrors() {
    }

    /** The status of a request the codec could not read: 414 for a request line, 431 for headers, else 400. */
    static int status(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return 414;
        }
        return cause instanceof TooLongHttpHeaderException ? 431 : 400;
    }

    /** A message for {@code status}; {@code request} (when the router has one) names the method and path. */
    static String message(int status, HttpServerRequest request) {
        String what = request == null ? "The request" : request.method() + " " + request.path();
        switch (status) {
            case 400:
                return what + " is not a valid HTTP request (a malformed request line, header or percent-encoding)";
            case 401:
                return what + " needs HTTP Basic authentication: an API key and its token [3.1.1]";
            case 403:
                return what + " is not allowed for these credentials";
            case 406:
                return what + " asks (Accept) for a form this API does not answer in: it answers application/json";
            case 408:
                return "The request did not arrive in time";
            case 411:
                return what + " needs a Content-Length";
            case 414:
                return "The request URI is longer than " + RestServer.MAX_URI + " characters";
            case 415:
                return what + " has a Content-Type this API does not take: send application/json";
            case 431:
                return "The request's headers are too large";
            case 501:
                return what + " uses a feature of HTTP this service does not implement";
            case 503:
                return "The service is not available at the moment; try again";
            default:
                return what + " was refused (HTTP " + status + ")";
        }
    }
}
