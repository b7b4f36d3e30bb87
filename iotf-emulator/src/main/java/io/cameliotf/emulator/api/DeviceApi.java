package io.cameliotf.emulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.auth.IotfNames;
import io.cameliotf.emulator.registry.DeviceCredentials;
import io.cameliotf.emulator.registry.Provisioning;
import io.cameliotf.emulator.registry.RegistryException;
import io.cameliotf.emulator.store.Device;
import io.cameliotf.emulator.store.RegistryStore;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The Device Management API [3.1]. */
final class DeviceApi {

    private final ApiAuthenticator auth;
    private final Provisioning provisioning;
    private final RegistryStore store;

    DeviceApi(ApiAuthenticator auth, Provisioning provisioning) {
        this.auth = auth;
        this.provisioning = provisioning;
        this.store = provisioning.store();
    }

    /** GET /api/v0001/ [3.1.2] */
    void organization(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        RestResponses.ok(exchange, ApiJson.organization(store.organization(caller.org()).orElseThrow(
                () -> new ApiException(404, "Organization " + caller.org() + " does not exist"))));
    }

    /** GET /api/v0001/devices [3.1.3] */
    void listDevices(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        RestResponses.ok(exchange, ApiJson.devices(store.devices(caller.org(), null)));
    }

    /** GET /api/v0001/devices/{deviceType} [3.1.4] */
    void listDevicesOfType(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        String type = name(exchange.getIn(), "deviceType", "device type");
        RestResponses.ok(exchange, ApiJson.devices(store.devices(caller.org(), type)));
    }

    /** GET /api/v0001/device-types [3.1.5] */
    void deviceTypes(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        RestResponses.ok(exchange, ApiJson.deviceTypes(store.deviceTypes(caller.org())));
    }

    /** POST /api/v0001/devices [3.1.6]: 201, a Location, and the generated token, once. */
    void register(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        ObjectNode body = jsonObject(exchange.getIn());
        String type = textField(body, "type", true);
        String id = textField(body, "id", true);
        String metadata = metadata(body, false);
        DeviceCredentials created = registry(() -> provisioning.registerDevice(caller.org(), type, id, metadata, null,
                caller.apiKey()));
        ObjectNode json = ApiJson.device(created.device());
        json.put("password", created.token());
        String host = RestServer.host(exchange.getIn());
        String scheme = RestServer.isSecure(exchange.getIn()) ? "https" : "http";
        RestResponses.header(exchange, "Location", (host == null ? "" : scheme + "://" + host) + "/api/v0001/devices/"
                + type + "/" + id);
        RestResponses.json(exchange, 201, json);
    }

    /** GET /api/v0001/devices/{deviceType}/{deviceId} [3.1.8] */
    void device(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        RestResponses.ok(exchange, ApiJson.device(find(exchange.getIn(), caller)));
    }

    /** PUT /api/v0001/devices/{deviceType}/{deviceId} [3.1.7]: only the metadata changes. */
    void update(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        String type = name(exchange.getIn(), "deviceType", "device type");
        String id = name(exchange.getIn(), "deviceId", "device id");
        String metadata = metadata(jsonObject(exchange.getIn()), true);
        Device device = registry(() -> provisioning.updateMetadata(caller.org(), type, id, metadata));
        RestResponses.ok(exchange, ApiJson.device(device));
    }

    /** DELETE /api/v0001/devices/{deviceType}/{deviceId} [3.1.9]: 204; the device's token and connection end. */
    void delete(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        String type = name(exchange.getIn(), "deviceType", "device type");
        String id = name(exchange.getIn(), "deviceId", "device id");
        registry(() -> {
            provisioning.deleteDevice(caller.org(), type, id);
            return null;
        });
        RestResponses.noContent(exchange);
    }

    private Device find(Message in, ApiCaller caller) {
        String type = name(in, "deviceType", "device type");
        String id = name(in, "deviceId", "device id");
        return store.device(caller.org(), type, id).orElseThrow(() -> new ApiException(404, "Device " + type + "/" + id
                + " is not registered in organization " + caller.org()));
    }

    private static String name(Message in, String header, String what) {
        String value = in.getHeader(header, String.class);
        String problem = IotfNames.typeOrIdProblem(value);
        if (problem != null) {
            throw ApiException.badRequest("The " + what + " '" + value + "' " + problem + " [3.1.6]");
        }
        return value;
    }

    static ObjectNode jsonObject(Message in) {
        String body = in.getBody(String.class);
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("The request needs a JSON object body");
        }
        JsonNode json;
        try {
            json = ApiJson.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The body is not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr());
        }
        if (!(json instanceof ObjectNode)) {
            throw ApiException.badRequest("The body must be a JSON object, not " + json.getNodeType().toString().toLowerCase());
        }
        return (ObjectNode) json;
    }

    private static String textField(ObjectNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ApiException.badRequest("The field '" + field + "' is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("The field '" + field + "' must be a string, not "
                    + value.getNodeType().toString().toLowerCase());
        }
        return value.asText();
    }

    /** The metadata of a body as JSON text: an object, or null (absent, or null to clear it). */
    private static String metadata(ObjectNode body, boolean required) {
        JsonNode metadata = body.get("metadata");
        if (metadata == null && required) {
            throw ApiException.badRequest("The field 'metadata' is required: it is the only property that can change [3.1.7]");
        }
        if (metadata == null || metadata.isNull()) {
            return null;
        }
        if (!metadata.isObject()) {
            throw ApiException.badRequest("The field 'metadata' must be a JSON object, not "
                    + metadata.getNodeType().toString().toLowerCase());
        }
        return metadata.toString();
    }

    private static <T> T registry(java.util.function.Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RegistryException e) {
            switch (e.kind()) {
                case INVALID:
                    throw new ApiException(400, e.getMessage());
                case CONFLICT:
                    throw new ApiException(409, e.getMessage());
                default:
                    throw new ApiException(404, e.getMessage());
            }
        }
    }
}
