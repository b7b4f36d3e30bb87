package io.cameliotf.emulator.api.v2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.ApiAuthenticator;
import io.cameliotf.emulator.api.ApiCaller;
import io.cameliotf.emulator.api.Requests;
import io.cameliotf.emulator.api.RestResponses;
import io.cameliotf.emulator.mgmt.Management;
import io.cameliotf.emulator.registry.DeviceCredentials;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.registry.DeviceUpdate;
import io.cameliotf.emulator.store.Device;
import io.cameliotf.emulator.store.Location;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Devices and their locations in API v0002 (later contract 2.3, 2.5), a face over {@link DeviceRegistry}. */
public final class DevicesApi {

    private final ApiAuthenticator auth;
    private final DeviceRegistry registry;
    private final Management management;

    /** @param management tells a managed device of a location changed here (later contract 2.5) */
    public DevicesApi(ApiAuthenticator auth, DeviceRegistry registry, Management management) {
        this.auth = auth;
        this.registry = registry;
        this.management = management;
    }

    /** GET /device/types/{typeId}/devices: a page, with filters and {@code _sort}. */
    public void listOfType(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        list(exchange, caller, V2Requests.name(in, "typeId", "device type"), V2Requests.filters(in));
    }

    /** GET /device/types/{typeId}/devices/{deviceId}/devices: the devices added through that gateway. */
    public void listOfGateway(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        Device gateway = registry.get(caller.org(), V2Requests.name(in, "typeId", "device type"),
                V2Requests.name(in, "deviceId", "device id"));
        Map<String, String> filters = V2Requests.filters(in);
        filters.put("gatewayTypeId", gateway.type());
        filters.put("gatewayId", gateway.id());
        list(exchange, caller, null, filters);
    }

    /** Lists devices of {@code type} (or every type when null); shared with the bulk list. */
    void list(Exchange exchange, ApiCaller caller, String type, Map<String, String> filters) {
        Message in = exchange.getIn();
        boolean location = "location".equals(Requests.param(in, "_expand"));
        RestResponses.ok(exchange, V2Json.page(registry.devices(caller.org(), type, filters, Requests.param(in, "_sort"),
                Requests.param(in, "_bookmark"), V2Requests.limit(in)), d -> V2Json.device(d, location)));
    }

    /** POST /device/types/{typeId}/devices: 201, the device and its token (given, or generated and shown once). */
    public void register(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        String type = V2Requests.name(in, "typeId", "device type");
        DeviceCredentials created = registry.register(caller.org(), V2Requests.newDevice(Requests.jsonObject(in), type),
                caller.apiKey(), DeviceRegistry.TypeRule.MUST_EXIST);
        ObjectNode json = V2Json.device(created.device(), true);
        json.put("authToken", created.token());
        RestResponses.json(exchange, 201, json);
    }

    /** GET /device/types/{typeId}/devices/{deviceId} ({@code _expand=location} inlines the location). */
    public void get(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        Device d = registry.get(caller.org(), V2Requests.name(in, "typeId", "device type"),
                V2Requests.name(in, "deviceId", "device id"));
        ObjectNode json = V2Json.device(d, "location".equals(Requests.param(in, "_expand")));
        if (management.managed(d.org(), d.type(), d.id()).isPresent()) {
            // refs.mgmt only when the device is managed (the swagger model: "if present")
            ((ObjectNode) json.get("refs")).put("mgmt", V2Json.BASE + "/device/types/" + d.type() + "/devices/"
                    + d.id() + "/mgmt");
        }
        RestResponses.ok(exchange, json);
    }

    /** PUT /device/types/{typeId}/devices/{deviceId}: a merge of deviceInfo, metadata and status.alert.enabled. */
    public void update(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        String type = V2Requests.name(in, "typeId", "device type");
        String id = V2Requests.name(in, "deviceId", "device id");
        ObjectNode body = Requests.jsonObject(in);
        V2Requests.rejectUnknown(body, "deviceInfo", "metadata", "status", "extensions");
        Boolean alert = null;
        if (body.hasNonNull("status")) {
            if (!body.get("status").isObject()) {
                throw io.cameliotf.emulator.api.ApiException.badRequest("'status' must be a JSON object, as "
                        + "{\"alert\": {\"enabled\": true}}");
            }
            ObjectNode status = (ObjectNode) body.get("status");
            V2Requests.rejectUnknown(status, "alert");
            if (status.hasNonNull("alert") && status.get("alert").isObject()) {
                alert = Requests.bool((ObjectNode) status.get("alert"), "enabled");
            }
        }
        DeviceUpdate update = new DeviceUpdate(V2Requests.deviceInfo(body, "deviceInfo"), body.hasNonNull("metadata"),
                Requests.object(body, "metadata"), alert);
        RestResponses.ok(exchange, V2Json.device(registry.update(caller.org(), type, id, update)));
    }

    /** DELETE /device/types/{typeId}/devices/{deviceId}: 204; its token and connection end at once. */
    public void delete(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        registry.delete(caller.org(), V2Requests.name(in, "typeId", "device type"),
                V2Requests.name(in, "deviceId", "device id"));
        RestResponses.noContent(exchange);
    }

    /** GET .../location: 404 when the device has none. */
    public void location(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        RestResponses.ok(exchange, V2Json.location(registry.location(caller.org(),
                V2Requests.name(in, "typeId", "device type"), V2Requests.name(in, "deviceId", "device id"))));
    }

    /**
     * PUT .../location: replaces every value; 200 and the stored location. A managed device that is connected is sent
     * it on {@code iotdm-1/device/update}.
     */
    public void updateLocation(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        String type = V2Requests.name(in, "typeId", "device type");
        String id = V2Requests.name(in, "deviceId", "device id");
        Location location = registry.updateLocation(caller.org(), type, id, V2Requests.location(Requests.jsonObject(in)));
        management.locationChanged(caller.org(), type, id, location);
        RestResponses.ok(exchange, V2Json.location(location));
    }
}
