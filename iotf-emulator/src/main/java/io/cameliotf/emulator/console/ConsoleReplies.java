package io.cameliotf.emulator.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.Json;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * How the console's own endpoints answer: JSON with the security headers; errors as {@code {"message": ..., "status":
 * n}} (the message is for people, and shown by the console as it is).
 */
final class ConsoleReplies {

    private ConsoleReplies() {
    }

    static void json(RoutingContext ctx, int status, JsonNode body) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        ConsoleHeaders.json(response, "application/json").setStatusCode(status).end(body.toString());
    }

    static void error(RoutingContext ctx, int status, String message) {
        json(ctx, status, errorBody(status, message));
    }

    static ObjectNode errorBody(int status, String message) {
        ObjectNode body = Json.object();
        body.put("message", message);
        body.put("status", status);
        return body;
    }
}
