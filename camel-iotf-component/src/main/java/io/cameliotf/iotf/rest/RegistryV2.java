package io.cameliotf.iotf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.model.IotfApiKey;
import io.cameliotf.iotf.model.IotfBulkResult;
import io.cameliotf.iotf.model.IotfConnectionState;
import io.cameliotf.iotf.model.IotfDevice;
import io.cameliotf.iotf.model.IotfDeviceType;
import io.cameliotf.iotf.model.IotfLastEvent;
import io.cameliotf.iotf.model.IotfLocation;
import io.cameliotf.iotf.model.IotfOrganization;
import io.cameliotf.iotf.model.ModelJson;
import io.cameliotf.iotf.rules.ValueRules;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Device Management API of the later contract (API v0002, later contract 2): device types, devices (lists with
 * bookmarks), bulk additions and removals, locations, connection states, the last event cache and API keys; a
 * device's management state and diagnostics ({@link DeviceDiagnostics}) and management requests
 * ({@link MgmtRequests}). A model
 * object as a body sends only what the service takes in that call, so an object read from the service can be changed
 * and sent back.
 */
final class RegistryV2 implements RegistryApi {

    /** What a registration takes (2.3, 2.4). */
    private static final Set<String> REGISTRATION = Set.of("typeId", "deviceId", "authToken", "deviceInfo", "location",
            "metadata");
    private static final Set<String> DEVICE_UPDATE = Set.of("deviceInfo", "metadata", "status");
    private static final Set<String> TYPE_CREATION = Set.of("id", "description", "classId", "deviceInfo", "metadata");
    private static final Set<String> TYPE_UPDATE = Set.of("description", "deviceInfo", "metadata");
    private static final Set<String> LOCATION = Set.of("latitude", "longitude", "elevation", "accuracy",
            "measuredDateTime");
    private static final Set<String> REMOVAL = Set.of("typeId", "deviceId");
    private static final Set<String> API_KEY = Set.of("comment", "roles");

    private final IotfRestClient rest;
    private final ListPages lists;
    private final MgmtRequests mgmt;
    private final DeviceDiagnostics diagnostics;

    RegistryV2(IotfRestClient rest) {
        this.rest = rest;
        this.lists = new ListPages(rest);
        this.mgmt = new MgmtRequests(rest, lists);
        this.diagnostics = new DeviceDiagnostics(rest);
    }

    @Override
    public Object perform(RegistryRequest r) throws IOException {
        return switch (r.operation()) {
            case getOrganization -> RegistryJson.read(get("/"), IotfOrganization.class);
            case listDevices -> {
                String type = r.deviceTypeIfAny();
                yield lists.list(r, type == null ? "/bulk/devices" : typePath(type) + "/devices", IotfDevice.class);
            }
            case listDeviceTypes -> lists.list(r, "/device/types", IotfDeviceType.class);
            case registerDevice -> register(r);
            case getDevice -> RegistryJson.read(get(r.devicePath()), IotfDevice.class);
            case updateDevice -> RegistryJson.read(put(r.devicePath(), deviceUpdate(r)), IotfDevice.class);
            case deleteDevice -> delete(r.devicePath());
            case getDeviceType -> RegistryJson.read(get(typePath(r.deviceType())), IotfDeviceType.class);
            case createDeviceType -> {
                ObjectNode body = RegistryJson.request(r.body(), "The device type of createDeviceType (the body)",
                        TYPE_CREATION);
                body = body == null ? ModelJson.MAPPER.createObjectNode() : body;
                if (!body.path("id").isTextual()) {
                    body.put("id", r.deviceType());
                }
                yield RegistryJson.read(rest.post("/device/types", body.toString()).json(), IotfDeviceType.class);
            }
            case updateDeviceType -> RegistryJson.read(put(typePath(r.deviceType()), RegistryJson.requiredRequest(
                    r.body(), "The new values of updateDeviceType (the body)", TYPE_UPDATE)), IotfDeviceType.class);
            case deleteDeviceType -> delete(typePath(r.deviceType()));
            case addDevices -> bulk(r, "/bulk/devices/add", REGISTRATION);
            case removeDevices -> bulk(r, "/bulk/devices/remove", REMOVAL);
            case getDeviceLocation -> RegistryJson.read(get(r.devicePath() + "/location"), IotfLocation.class);
            case updateDeviceLocation -> RegistryJson.read(put(r.devicePath() + "/location", RegistryJson.requiredRequest(
                    r.body(), "The location of updateDeviceLocation (the body)", LOCATION)), IotfLocation.class);
            case getConnectionState -> RegistryJson.read(get("/clientconnectionstates/" + IotfRestClient.segment(
                    "d:" + r.org() + ":" + r.deviceType() + ":" + r.deviceId())), IotfConnectionState.class);
            case listConnectionStates -> lists.list(r, "/clientconnectionstates", IotfConnectionState.class);
            case getLastEvent -> RegistryJson.read(get(r.devicePath() + "/events/" + IotfRestClient.segment(r.event())),
                    IotfLastEvent.class);
            case getLastEvents -> RegistryJson.list(get(r.devicePath() + "/events"), IotfLastEvent.class);
            case createApiKey -> {
                ObjectNode body = RegistryJson.request(r.body(), "The API key of createApiKey (the body)", API_KEY);
                yield RegistryJson.read(rest.post("/authorization/apikeys", (body == null
                        ? ModelJson.MAPPER.createObjectNode() : body).toString()).json(), IotfApiKey.class);
            }
            case listApiKeys -> lists.list(r, "/authorization/apikeys", IotfApiKey.class);
            case deleteApiKey -> delete("/authorization/apikeys/" + IotfRestClient.segment(r.apiKey()));
            case getDeviceMgmt, getDiagLogs, addDiagLog, clearDiagLogs, getDiagLog, deleteDiagLog, getDiagErrorCodes,
                    addDiagErrorCode, clearDiagErrorCodes -> diagnostics.perform(r);
            case initiateMgmtRequest, listMgmtRequests, getMgmtRequest, getMgmtRequestDeviceStatus, cancelMgmtRequest,
                    deleteMgmtRequest, awaitMgmtRequest -> mgmt.perform(r);
        };
    }

    /**
     * 2.3: an IotfDevice body is the whole registration (its typeId and deviceId win over header and option);
     * any other body is the metadata, as in v0001.
     */
    private IotfDevice register(RegistryRequest r) throws IOException {
        ObjectNode body;
        String type;
        if (r.body() instanceof IotfDevice) {
            IotfDevice device = (IotfDevice) r.body();
            body = RegistryJson.request(device, "The device of registerDevice (the body)", REGISTRATION);
            body.remove("typeId");
            type = device.getTypeId() != null ? ValueRules.name("The typeId of the IotfDevice body", device.getTypeId(),
                    ValueRules.MAX_NAME) : r.deviceType();
            if (device.getDeviceId() == null) {
                body.put("deviceId", r.deviceId());
            }
        } else {
            body = ModelJson.MAPPER.createObjectNode();
            type = r.deviceType();
            body.put("deviceId", r.deviceId());
            JsonNode metadata = RegistryV1.metadata(r, false);
            if (metadata != null) {
                body.set("metadata", metadata);
            }
        }
        return RegistryJson.read(rest.post(typePath(type) + "/devices", body.toString()).json(), IotfDevice.class);
    }

    /** 2.3, a merge: an IotfDevice body gives deviceInfo, metadata and status; any other body is the metadata. */
    private static ObjectNode deviceUpdate(RegistryRequest r) {
        if (r.body() instanceof IotfDevice) {
            return RegistryJson.request(r.body(), "The device of updateDevice (the body)", DEVICE_UPDATE);
        }
        ObjectNode body = ModelJson.MAPPER.createObjectNode();
        body.set("metadata", RegistryV1.metadata(r, true));
        return body;
    }

    /** 2.4: every device succeeds or fails on its own (201 all, 202 some); the failures are counted in a header. */
    private List<IotfBulkResult> bulk(RegistryRequest r, String path, Set<String> writable) throws IOException {
        ArrayNode devices = RegistryJson.list(r.body(), "The devices of " + r.operation() + " (the body)", writable);
        List<IotfBulkResult> results = RegistryJson.list(rest.post(path, devices.toString()).json(), IotfBulkResult.class);
        r.message().setHeader(IotfConstants.BULK_FAILURES, (int) results.stream().filter(b -> !b.isSuccess()).count());
        return results;
    }

    private JsonNode get(String path) throws IOException {
        return rest.get(path, Map.of(), Map.of()).json();
    }

    private JsonNode put(String path, ObjectNode body) throws IOException {
        return rest.put(path, body.toString()).json();
    }

    private Object delete(String path) throws IOException {
        rest.delete(path);
        return null;
    }

    private static String typePath(String type) {
        return "/device/types/" + IotfRestClient.segment(type);
    }
}
