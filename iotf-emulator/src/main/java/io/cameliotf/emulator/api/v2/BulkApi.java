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
import io.cameliotf.emulator.registry.BulkResult;
import io.cameliotf.emulator.registry.DeviceRef;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.registry.NewDevice;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * Bulk operations of API v0002 (later contract 2.4): the organization's device list, and adding or removing many
 * devices in one request. Each item succeeds or fails on its own: 201 when all succeeded, 202 when some failed
 * (then {@code success} and {@code message} say which and why).
 */
public final class BulkApi {

    /** The most items one request may hold (the body limit of 512 KiB holds about this many small items). */
    public static final int MAX_ITEMS = 10_000;

    private final ApiAuthenticator auth;
    private final DeviceRegistry registry;
    private final DevicesApi devices;

    public BulkApi(ApiAuthenticator auth, DeviceRegistry registry, DevicesApi devices) {
        this.auth = auth;
        this.registry = registry;
        this.devices = devices;
    }

    /** GET /bulk/devices: every type; {@code typeId} is a filter like the others. */
    public void list(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        devices.list(exchange, caller, null, V2Requests.filters(exchange.getIn()));
    }

    /** POST /bulk/devices/add with [{typeId, deviceId, authToken?, deviceInfo?, location?, metadata?}, ...]. */
    public void add(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        ArrayNode body = items(exchange);
        List<NewDevice> items = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            ObjectNode item = item(body, i);
            items.add(V2Requests.newDevice(item, Requests.text(item, "typeId", true)));
        }
        answer(exchange, registry.addAll(caller.org(), items, caller.apiKey()), true);
    }

    /** POST /bulk/devices/remove with [{typeId, deviceId}, ...]. */
    public void remove(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        ArrayNode body = items(exchange);
        List<DeviceRef> items = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            ObjectNode item = item(body, i);
            V2Requests.rejectUnknown(item, "typeId", "deviceId");
            items.add(new DeviceRef(Requests.text(item, "typeId", true), Requests.text(item, "deviceId", true)));
        }
        answer(exchange, registry.removeAll(caller.org(), items), false);
    }

    private static ArrayNode items(Exchange exchange) {
        ArrayNode body = Requests.jsonArray(exchange.getIn());
        if (body.isEmpty() || body.size() > MAX_ITEMS) {
            throw ApiException.badRequest("A bulk request takes 1 to " + MAX_ITEMS + " devices, not " + body.size());
        }
        return body;
    }

    private static ObjectNode item(ArrayNode body, int i) {
        JsonNode item = body.get(i);
        if (!item.isObject()) {
            throw ApiException.badRequest("Item " + i + " of the array is not a JSON object");
        }
        return (ObjectNode) item;
    }

    private static void answer(Exchange exchange, List<BulkResult> results, boolean withTokens) {
        ArrayNode json = Json.MAPPER.createArrayNode();
        boolean all = true;
        for (BulkResult r : results) {
            ObjectNode item = json.addObject();
            item.put("typeId", r.type());
            item.put("deviceId", r.id());
            if (withTokens && r.success()) {
                item.put("authToken", r.token());
            }
            item.put("success", r.success());
            if (!r.success()) {
                item.put("message", r.problem());
                all = false;
            }
        }
        RestResponses.json(exchange, all ? 201 : 202, json);
    }
}
