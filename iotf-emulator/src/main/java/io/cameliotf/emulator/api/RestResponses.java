package io.cameliotf.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes answers. Only the headers an answer means to send leave the service: the request's headers (its
 * Authorization and cursorId among them) are dropped, and those set with {@link #header} are sent.
 */
public final class RestResponses {

    private static final String HEADERS = "io.cameliotf.responseHeaders";

    private RestResponses() {
    }

    /** A header of the answer to come. */
    public static void header(Exchange exchange, String name, String value) {
        @SuppressWarnings("unchecked")
        Map<String, String> headers = exchange.getProperty(HEADERS, Map.class);
        if (headers == null) {
            headers = new LinkedHashMap<>();
            exchange.setProperty(HEADERS, headers);
        }
        headers.put(name, value);
    }

    public static void ok(Exchange exchange, JsonNode body) {
        json(exchange, 200, body);
    }

    public static void json(Exchange exchange, int status, JsonNode body) {
        Message out = exchange.getMessage();
        keepResponseHeaders(out);
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setBody(body.toString());
    }

    public static void noContent(Exchange exchange) {
        status(exchange, 204);
    }

    /** An answer with no body. */
    public static void status(Exchange exchange, int status) {
        Message out = exchange.getMessage();
        keepResponseHeaders(out);
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setBody(null);
    }

    static void error(Exchange exchange, ApiException error) {
        json(exchange, error.status(), ApiErrors.body(error));
        if (error.status() == 401) {
            exchange.getMessage().setHeader("WWW-Authenticate", ApiAuthenticator.CHALLENGE);
        }
    }

    private static void keepResponseHeaders(Message out) {
        out.removeHeaders("*");
        @SuppressWarnings("unchecked")
        Map<String, String> headers = out.getExchange().getProperty(HEADERS, Map.class);
        if (headers != null) {
            headers.forEach(out::setHeader);
        }
    }
}
