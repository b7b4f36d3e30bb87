package io.cameliotf.emulator.api;

import java.util.List;

/**
 * An answer other than success: the HTTP status, the message id and a message that says what is wrong, and the
 * values the message names ({@code exception.properties} of the later contract's error body, 1.4).
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String id;
    private final List<String> properties;
    private List<String> violations = List.of();

    /** An error with the default message id of its status ({@link ApiErrors}). */
    public ApiException(int status, String message, String... properties) {
        super(message);
        this.status = status;
        this.id = ApiErrors.defaultId(status);
        this.properties = List.of(properties);
    }

    public int status() {
        return status;
    }

    public String id() {
        return id;
    }

    public List<String> properties() {
        return properties;
    }

    /** What is wrong with the body, one message each ({@code violations} of a 400, later contract 1.4). */
    public List<String> violations() {
        return violations;
    }

    public ApiException withViolations(List<String> list) {
        this.violations = List.copyOf(list);
        return this;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message, String... properties) {
        return new ApiException(404, message, properties);
    }
}
