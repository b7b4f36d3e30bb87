package io.cameliotf.emulator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The error body of both API versions, in the later contract's shape (1.4), which IBM's clients read:
 * <pre>
 * {"message": "CUDRS0007E: The field 'type' must be a string, not number",
 *  "exception": {"id": "CUDRS0007E", "properties": []},
 *  "status": 400}
 * </pre>
 * {@code status} repeats the HTTP status, as API v0001 answers of this service always had it. Message ids are the
 * hosted service's where one is known ({@code CUDRS0007E}, a request that is not valid); the others are this
 * service's own, {@code CUDLS0<status>E}. Messages never hold a stack trace, SQL or a class name.
 */
public final class ApiErrors {

    /** The hosted service's id of a request that is not valid. */
    public static final String INVALID_REQUEST = "CUDRS0007E";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiErrors() {
    }

    static String defaultId(int status) {
        return status == 400 ? INVALID_REQUEST : "CUDLS0" + status + "E";
    }

    public static ObjectNode body(ApiException e) {
        ObjectNode json = body(e.status(), e.id(), e.getMessage(), e.properties());
        if (!e.violations().isEmpty()) {
            // each problem of a request that is not valid, in the hosted service's shape (later contract 1.4)
            var violations = json.putArray("violations");
            for (String v : e.violations()) {
                ObjectNode item = violations.addObject();
                item.put("message", INVALID_REQUEST + ": " + v);
                ObjectNode exception = item.putObject("exception");
                exception.put("id", INVALID_REQUEST);
                exception.putArray("properties").add(v);
            }
        }
        return json;
    }

    public static ObjectNode body(int status, String message) {
        return body(status, defaultId(status), message, List.of());
    }

    private static ObjectNode body(int status, String id, String message, List<String> properties) {
        ObjectNode json = JSON.createObjectNode();
        json.put("message", id + ": " + message);
        ObjectNode exception = json.putObject("exception");
        exception.put("id", id);
        properties.forEach(exception.putArray("properties")::add);
        json.put("status", status);
        return json;
    }
}
