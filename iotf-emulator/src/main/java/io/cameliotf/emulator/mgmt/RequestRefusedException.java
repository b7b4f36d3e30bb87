package io.cameliotf.emulator.mgmt;

import java.util.List;

/**
 * A device management request that cannot be initiated (later contract 2.14): 400 bad body, 403 a device not managed
 * or not supporting the action, 404 a device not registered, 409 a firmware request in the way; the message says
 * which devices, and {@code violations} lists every problem of a bad body.
 */
public final class RequestRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final List<String> violations;

    public RequestRefusedException(int status, String message, List<String> violations) {
        super(message);
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    public RequestRefusedException(int status, String message) {
        this(status, message, List.of());
    }

    public int status() {
        return status;
    }

    public List<String> violations() {
        return violations;
    }
}
