package io.cameliotf.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes answers. Only the headers an answer means to send leave the service: the request's headers (its
 * Authorization and cursorId among them) are dropped, and those set with {@link #header} are sent.
 */
final class RestResponses {

    private static final String HEADERS = "io.cameliotf.responseHeaders";

    private RestResponses() {
    }

    /** A header of the answer to come. */
    static void header(Exchange exchange, String name, String value) {
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> headers = exchange.getProperty(HEADERS, java.util.Map.class);
        if (headers == null) {
            headers = new java.util.LinkedHashMap<>();
            exchange.setProperty(HEADERS, headers);
        }
        headers.put(name, value);
    }

    static void ok(Exchange exchange, JsonNode body) {
        json(exchange, 200, body);
    }

    static void json(Exchange exchange, int status, JsonNode body) {
        Message out = exchange.getMessage();
        keepResponseHeaders(out);
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setBody(body.toString());
    }

    static void noContent(Exchange exchange) {
        Message out = exchange.getMessage();
        keepResponseHeaders(out);
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 204);
        out.setBody(null);
    }

    static void error(Exchange exchange, int status, String message) {
        json(exchange, status, ApiJson.error(status, message));
        if (status == 401) {
            exchange.getMessage().setHeader("WWW-Authenticate", ApiAuthenticator.CHALLENGE);
        }
    }

    private static void keepResponseHeaders(Message out) {
        out.removeHeaders("*");
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> headers = out.getExchange().getProperty(HEADERS, java.util.Map.class);
        if (headers != null) {
            headers.forEach(out::setHeader);
        }
    }
}
