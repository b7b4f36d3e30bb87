package io.cameliotf.emulator.api.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.ApiAuthenticator;
import io.cameliotf.emulator.api.ApiCaller;
import io.cameliotf.emulator.api.ApiException;
import io.cameliotf.emulator.api.Json;
import io.cameliotf.emulator.api.Requests;
import io.cameliotf.emulator.api.RestResponses;
import io.cameliotf.emulator.registry.ApiKeyCredentials;
import io.cameliotf.emulator.registry.ApiKeys;
import io.cameliotf.emulator.store.ApiKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * API keys in API v0002 (later contract 2.13) [2.3.2, 2.3.3]: create (the token is in this answer only), list and get
 * (never a token), and revoke. Success codes are those of IBM's Java SDK: 200 for create and delete.
 */
public final class ApiKeysApi {

    private final ApiAuthenticator auth;
    private final ApiKeys keys;

    public ApiKeysApi(ApiAuthenticator auth, ApiKeys keys) {
        this.auth = auth;
        this.keys = keys;
    }

    /** POST /authorization/apikeys with {comment?, roles?: [roleId]}. */
    public void create(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        ObjectNode body = Requests.jsonObject(exchange.getIn());
        V2Requests.rejectUnknown(body, "comment", "roles", "expiresAt");
        List<String> roles = new ArrayList<>();
        JsonNode r = body.get("roles");
        if (r != null && !r.isNull()) {
            if (!r.isArray()) {
                throw ApiException.badRequest("'roles' must be an array of role ids, as [\"PD_STANDARD_APP\"]");
            }
            for (JsonNode role : r) {
                if (!role.isTextual()) {
                    throw ApiException.badRequest("'roles' must be an array of role ids (strings)");
                }
                roles.add(role.asText());
            }
        }
        String comment = Requests.text(body, "comment", false);
        ApiKeyCredentials created = keys.create(caller.org(), comment, roles);
        ObjectNode json = json(keys.get(caller.org(), created.key()));
        json.put("token", created.token());
        RestResponses.ok(exchange, json);
    }

    /** GET /authorization/apikeys: every key of the organization, oldest first. */
    public void list(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        ArrayNode json = Json.MAPPER.createArrayNode();
        keys.list(caller.org()).forEach(k -> json.add(json(k)));
        RestResponses.ok(exchange, json);
    }

    /** GET /authorization/apikeys/{key} */
    public void get(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        RestResponses.ok(exchange, json(keys.get(caller.org(), exchange.getIn().getHeader("key", String.class))));
    }

    /** DELETE /authorization/apikeys/{key}: its token stops working at once, its connections are dropped. */
    public void delete(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        keys.delete(caller.org(), exchange.getIn().getHeader("key", String.class));
        RestResponses.status(exchange, 200);
    }

    private static ObjectNode json(ApiKey k) {
        ObjectNode json = Json.object();
        json.put("key", k.key());
        json.put("id", k.key());
        if (k.comment() != null) {
            json.put("comment", k.comment());
        }
        ArrayNode roles = json.putArray("roles");
        k.roles().forEach(roles::add);
        json.put("createdAt", Json.dateTime(k.created()));
        return json;
    }
}
