package io.cameliotf.iotf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.iotf.model.IotfDevice;
import io.cameliotf.iotf.model.IotfDeviceType;
import io.cameliotf.iotf.model.IotfOrganization;
import io.cameliotf.iotf.model.ModelJson;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The Device Management API of 2015 [3.1]: organization, device list (of the organization or one type), device types
 * with counts, and register, get, update (metadata replaced) and delete of one device. Lists come whole.
 */
final class RegistryV1 implements RegistryApi {

    private final IotfRestClient rest;

    RegistryV1(IotfRestClient rest) {
        this.rest = rest;
    }

    @Override
    public Object perform(RegistryRequest r) throws IOException {
        return switch (r.operation()) {
            case getOrganization -> RegistryJson.read(get("/"), IotfOrganization.class);
            case listDevices -> {
                String type = r.deviceTypeIfAny();
                yield whole(r, RegistryJson.list(get(type == null ? "/devices" : "/devices/" + IotfRestClient.segment(type)),
                        IotfDevice.class));
            }
            case listDeviceTypes -> whole(r, RegistryJson.list(get("/device-types"), IotfDeviceType.class));
            case registerDevice -> register(r);
            case getDevice -> RegistryJson.read(get(devicePath(r)), IotfDevice.class);
            case updateDevice -> {
                ObjectNode body = ModelJson.MAPPER.createObjectNode();
                body.set("metadata", metadata(r, true));
                yield RegistryJson.read(rest.put(devicePath(r), body.toString()).json(), IotfDevice.class);
            }
            case deleteDevice -> {
                rest.delete(devicePath(r));
                yield null;
            }
            default -> throw new IllegalStateException(r.operation() + " is not in API v0001"); // refused at start
        };
    }

    /** [3.1.6]: type, id and metadata; the answer carries the generated token. */
    private IotfDevice register(RegistryRequest r) throws IOException {
        IotfDevice device = r.body() instanceof IotfDevice ? (IotfDevice) r.body() : null;
        if (device != null && (device.getDeviceInfo() != null || device.getLocation() != null
                || device.getAuthToken() != null)) {
            throw new IllegalArgumentException("API v0001 registers a device with metadata only: deviceInfo, location "
                    + "and an own authToken need apiVersion=v0002");
        }
        ObjectNode body = ModelJson.MAPPER.createObjectNode();
        body.put("type", device != null && device.getTypeId() != null ? device.getTypeId() : r.deviceType());
        body.put("id", device != null && device.getDeviceId() != null ? device.getDeviceId() : r.deviceId());
        JsonNode metadata = metadata(r, false);
        if (metadata != null) {
            body.set("metadata", metadata);
        }
        return RegistryJson.read(rest.post("/devices", body.toString()).json(), IotfDevice.class);
    }

    /** The metadata of the body: an IotfDevice's, or the body itself (Map, JsonNode, POJO, JSON object text). */
    static JsonNode metadata(RegistryRequest r, boolean required) {
        Object body = r.body() instanceof IotfDevice ? ((IotfDevice) r.body()).getMetadata() : r.body();
        ObjectNode metadata = RegistryJson.object(body, "The metadata of " + r.operation() + " (the body)");
        if (metadata == null && required) {
            throw new IllegalArgumentException(r.operation() + " needs the device's new metadata as the body (a Map, "
                    + "JsonNode, POJO, JSON object or IotfDevice)");
        }
        return metadata;
    }

    /** A whole list, or an Iterator over it with allPages (as v0002 answers). */
    private static Object whole(RegistryRequest r, List<?> list) {
        return r.allPages() ? list.stream().limit(r.maxResults()).iterator() : list;
    }

    private JsonNode get(String path) throws IOException {
        return rest.get(path, Map.of(), Map.of()).json();
    }

    private static String devicePath(RegistryRequest r) {
        return "/devices/" + IotfRestClient.segment(r.deviceType()) + "/" + IotfRestClient.segment(r.deviceId());
    }
}
