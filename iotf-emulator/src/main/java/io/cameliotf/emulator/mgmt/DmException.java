package io.cameliotf.emulator.mgmt;

/**
 * A device management request the service refuses, with the response code of the later contract (3.5.2) it answers
 * on {@code iotdm-1/response} and a message that says what is wrong.
 */
final class DmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Bad request, wrong state, value out of range. */
    static final int BAD_REQUEST = 400;
    /** Unknown device, topic, attribute, or a field that is not observed. */
    static final int NOT_FOUND = 404;
    /** The service could not do it (its data directory could not be written). */
    static final int INTERNAL = 500;

    private final int rc;

    DmException(int rc, String message) {
        super(message);
        this.rc = rc;
    }

    int rc() {
        return rc;
    }
}
