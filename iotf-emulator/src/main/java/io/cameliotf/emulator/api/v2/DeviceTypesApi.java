package io.cameliotf.emulator.api.v2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.ApiAuthenticator;
import io.cameliotf.emulator.api.ApiCaller;
import io.cameliotf.emulator.api.ApiException;
import io.cameliotf.emulator.api.Requests;
import io.cameliotf.emulator.api.RestResponses;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.registry.DeviceTypeUpdate;
import io.cameliotf.emulator.registry.NewDeviceType;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Device types of API v0002 (later contract 2.2), a face over {@link DeviceRegistry}. */
public final class DeviceTypesApi {

    private final ApiAuthenticator auth;
    private final DeviceRegistry registry;

    public DeviceTypesApi(ApiAuthenticator auth, DeviceRegistry registry) {
        this.auth = auth;
        this.registry = registry;
    }

    /** GET /device/types: a page by id; {@code classId} filters. */
    public void list(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        String classId = null;
        for (var filter : V2Requests.filters(in).entrySet()) {
            if (!filter.getKey().equals("classId")) {
                throw ApiException.badRequest("Device types cannot be filtered by '" + filter.getKey()
                        + "'; the filter is classId");
            }
            classId = filter.getValue();
        }
        RestResponses.ok(exchange, V2Json.page(registry.types(caller.org(), classId, Requests.param(in, "_bookmark"),
                V2Requests.limit(in)), V2Json::deviceType));
    }

    /** POST /device/types: 201 and the type. */
    public void create(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        ObjectNode body = Requests.jsonObject(exchange.getIn());
        V2Requests.rejectUnknown(body, "id", "classId", "description", "deviceInfo", "metadata");
        NewDeviceType type = new NewDeviceType(Requests.text(body, "id", true), Requests.text(body, "classId", false),
                Requests.text(body, "description", false), V2Requests.deviceInfo(body, "deviceInfo"),
                Requests.object(body, "metadata"));
        RestResponses.json(exchange, 201, V2Json.deviceType(registry.createType(caller.org(), type)));
    }

    /** GET /device/types/{typeId} */
    public void get(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        String id = V2Requests.name(exchange.getIn(), "typeId", "device type");
        RestResponses.ok(exchange, V2Json.deviceType(registry.type(caller.org(), id).orElseThrow(() -> ApiException.notFound(
                "Device type " + id + " does not exist in organization " + caller.org(), id))));
    }

    /** PUT /device/types/{typeId}: description, deviceInfo, metadata (the id and class cannot change). */
    public void update(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        String id = V2Requests.name(exchange.getIn(), "typeId", "device type");
        ObjectNode body = Requests.jsonObject(exchange.getIn());
        V2Requests.rejectUnknown(body, "description", "deviceInfo", "metadata");
        DeviceTypeUpdate update = new DeviceTypeUpdate(body.has("description"), Requests.text(body, "description", false),
                V2Requests.deviceInfo(body, "deviceInfo"), body.has("metadata"), Requests.object(body, "metadata"));
        RestResponses.ok(exchange, V2Json.deviceType(registry.updateType(caller.org(), id, update)));
    }

    /** DELETE /device/types/{typeId}: 204; 409 while devices of the type are registered. */
    public void delete(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        registry.deleteType(caller.org(), V2Requests.name(exchange.getIn(), "typeId", "device type"));
        RestResponses.noContent(exchange);
    }
}
