package io.cameliotf.iotf.mgmt;

import io.cameliotf.iotf.IotfConstants;
import org.apache.camel.Exchange;

/**
 * What a route's outcome answers the service [later §3.5.2, §3.5.6, §3.5.8]: the rc the route set in
 * CamelIotfMgmtResponseCode (with CamelIotfMgmtResponseMessage), else the action's success code when it completed;
 * when it threw: 501 for UnsupportedOperationException, 400 for IllegalArgumentException, else 500, each with the
 * exception's message.
 */
final class ResponseCodes {

    static final int OK = 200;
    static final int ACCEPTED = 202;
    static final int CHANGED = 204;
    static final int BAD_REQUEST = 400;
    static final int NOT_FOUND = 404;
    static final int FAILED = 500;
    static final int NOT_IMPLEMENTED = 501;

    private ResponseCodes() {
    }

    record Reply(int rc, String message) {
        boolean ok() {
            return rc < 300;
        }
    }

    static Reply of(Exchange exchange, int success) {
        Integer chosen = exchange.getMessage().getHeader(IotfConstants.MGMT_RESPONSE_CODE, Integer.class);
        String message = exchange.getMessage().getHeader(IotfConstants.MGMT_RESPONSE_MESSAGE, String.class);
        Throwable error = exchange.getException();
        if (chosen != null) {
            return new Reply(chosen, message != null ? message : error != null ? describe(error) : null);
        }
        if (error == null) {
            return new Reply(success, message);
        }
        int rc = error instanceof UnsupportedOperationException ? NOT_IMPLEMENTED
                : error instanceof IllegalArgumentException ? BAD_REQUEST : FAILED;
        return new Reply(rc, describe(error));
    }

    static String describe(Throwable error) {
        return error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
    }
}
