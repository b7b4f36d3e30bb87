package io.cameliotf.emulator.api.v1;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.ApiAuthenticator;
import io.cameliotf.emulator.api.ApiCaller;
import io.cameliotf.emulator.api.ApiException;
import io.cameliotf.emulator.api.Requests;
import io.cameliotf.emulator.api.RestResponses;
import io.cameliotf.emulator.api.RestServer;
import io.cameliotf.emulator.auth.IotfNames;
import io.cameliotf.emulator.registry.DeviceCredentials;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.registry.DeviceUpdate;
import io.cameliotf.emulator.registry.NewDevice;
import io.cameliotf.emulator.store.RegistryStore;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The Device Management API of v0001 [3.1], a face over {@link DeviceRegistry}. */
public final class DeviceApi {

    private final ApiAuthenticator auth;
    private final RegistryStore organizations;
    private final DeviceRegistry registry;

    public DeviceApi(ApiAuthenticator auth, RegistryStore organizations, DeviceRegistry registry) {
        this.auth = auth;
        this.organizations = organizations;
        this.registry = registry;
    }

    /** GET /api/v0001/ [3.1.2] */
    public void organization(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        RestResponses.ok(exchange, V1Json.organization(organizations.organization(caller.org()).orElseThrow(
                () -> ApiException.notFound("Organization " + caller.org() + " does not exist", caller.org()))));
    }

    /** GET /api/v0001/devices [3.1.3] */
    public void listDevices(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        RestResponses.ok(exchange, V1Json.devices(registry.devices(caller.org(), null)));
    }

    /** GET /api/v0001/devices/{deviceType} [3.1.4] */
    public void listDevicesOfType(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        String type = name(exchange.getIn(), "deviceType", "device type");
        RestResponses.ok(exchange, V1Json.devices(registry.devices(caller.org(), type)));
    }

    /** GET /api/v0001/device-types [3.1.5] */
    public void deviceTypes(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        RestResponses.ok(exchange, V1Json.deviceTypes(registry.typeCounts(caller.org())));
    }

    /** POST /api/v0001/devices [3.1.6]: 201, a Location, and the generated token, once. */
    public void register(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        ObjectNode body = Requests.jsonObject(exchange.getIn());
        String type = checked(Requests.text(body, "type", true), "device type");
        String id = checked(Requests.text(body, "id", true), "device id");
        String metadata = metadata(body, false);
        DeviceCredentials created = registry.register(caller.org(), new NewDevice(type, id, null, null, null, metadata),
                caller.apiKey(), DeviceRegistry.TypeRule.CREATE_IF_MISSING);
        ObjectNode json = V1Json.device(created.device());
        json.put("password", created.token());
        String host = RestServer.host(exchange.getIn());
        String scheme = RestServer.isSecure(exchange.getIn()) ? "https" : "http";
        RestResponses.header(exchange, "Location", (host == null ? "" : scheme + "://" + host) + "/api/v0001/devices/"
                + type + "/" + id);
        RestResponses.json(exchange, 201, json);
    }

    /** GET /api/v0001/devices/{deviceType}/{deviceId} [3.1.8] */
    public void device(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        Message in = exchange.getIn();
        RestResponses.ok(exchange, V1Json.device(registry.get(caller.org(), name(in, "deviceType", "device type"),
                name(in, "deviceId", "device id"))));
    }

    /** PUT /api/v0001/devices/{deviceType}/{deviceId} [3.1.7]: only the metadata changes. */
    public void update(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        String type = name(exchange.getIn(), "deviceType", "device type");
        String id = name(exchange.getIn(), "deviceId", "device id");
        String metadata = metadata(Requests.jsonObject(exchange.getIn()), true);
        RestResponses.ok(exchange, V1Json.device(registry.update(caller.org(), type, id, DeviceUpdate.metadata(metadata))));
    }

    /** DELETE /api/v0001/devices/{deviceType}/{deviceId} [3.1.9]: 204; the device's token and connection end. */
    public void delete(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        registry.delete(caller.org(), name(exchange.getIn(), "deviceType", "device type"),
                name(exchange.getIn(), "deviceId", "device id"));
        RestResponses.noContent(exchange);
    }

    /** A type or id of v0001, which allows 32 characters [3.1.6]. */
    static String name(Message in, String header, String what) {
        return Requests.name(in, header, what, IotfNames.V1_MAX_TYPE_OR_ID_LENGTH);
    }

    private static String checked(String value, String what) {
        String problem = IotfNames.typeOrIdProblem(value, IotfNames.V1_MAX_TYPE_OR_ID_LENGTH);
        if (problem != null) {
            throw ApiException.badRequest("The " + what + " '" + value + "' " + problem + " [3.1.6]");
        }
        return value;
    }

    /** The metadata of a body as JSON text: an object, or null (absent, or null to clear it). */
    private static String metadata(ObjectNode body, boolean required) {
        if (required && body.get("metadata") == null) {
            throw ApiException.badRequest("The field 'metadata' is required: it is the only property that can change [3.1.7]");
        }
        return Requests.object(body, "metadata");
    }
}
