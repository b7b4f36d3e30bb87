package io.cameliotf.iotf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.model.IotfMgmtDeviceStatus;
import io.cameliotf.iotf.model.IotfMgmtRequest;
import java.io.IOException;
import java.util.Map;

/**
 * Device management requests of API v0002, {@code /mgmt/requests} (later contract 2.14): initiate one, list them,
 * read one and the status of its devices, cancel, delete, and wait for one to complete. The request id travels in
 * the CamelIotfMgmtRequestId header. Errors are explained for the operation ({@link MgmtErrors}).
 */
final class MgmtRequests {

    private static final String PATH = "/mgmt/requests";

    private final IotfRestClient rest;
    private final ListPages lists;
    private final MgmtCompletion completion;

    MgmtRequests(IotfRestClient rest, ListPages lists) {
        this.rest = rest;
        this.lists = lists;
        this.completion = new MgmtCompletion(rest, lists);
    }

    Object perform(RegistryRequest r) throws IOException {
        if (r.operation() == RegistryOperation.initiateMgmtRequest) {
            return initiate(r);
        }
        if (r.operation() == RegistryOperation.listMgmtRequests) {
            return lists.list(r, PATH, IotfMgmtRequest.class);
        }
        String id = r.mgmtRequestId();
        String path = path(id);
        try {
            return switch (r.operation()) {
                case getMgmtRequest -> RegistryJson.read(get(path), IotfMgmtRequest.class);
                case getMgmtRequestDeviceStatus -> deviceStatus(r, path);
                case cancelMgmtRequest -> {
                    rest.post(path + "/cancel", null); // what it answers is unconfirmed (2.14): read the request
                    yield RegistryJson.read(get(path), IotfMgmtRequest.class);
                }
                case deleteMgmtRequest -> {
                    rest.delete(path);
                    yield null;
                }
                case awaitMgmtRequest -> completion.await(r, id, null);
                default -> throw new IllegalStateException("Not a management request operation: " + r.operation());
            };
        } catch (IotfApiException e) {
            throw MgmtErrors.explain(e, r, id);
        }
    }

    private Object initiate(RegistryRequest r) throws IOException {
        MgmtRequestBody.Built request = MgmtRequestBody.of(r);
        String action = request.json().get("action").asText();
        JsonNode answer;
        try {
            answer = rest.post(PATH + (request.override() ? "?override=true" : ""), request.json().toString()).json();
        } catch (IotfApiException e) {
            throw MgmtErrors.explain(e, r, action);
        }
        String id = answer == null ? null : answer.path("reqId").asText(answer.path("id").asText(null));
        if (id == null) {
            throw new IllegalStateException("The IoTF API accepted the management request " + action + " but answered "
                    + "no reqId: " + answer);
        }
        r.message().setHeader(IotfConstants.MGMT_REQUEST_ID, id);
        if (r.awaitCompletion()) {
            try {
                return completion.await(r, id, action);
            } catch (IotfApiException e) {
                throw MgmtErrors.explain(e, r, id);
            }
        }
        IotfMgmtRequest sent = request.model();
        sent.setId(id);
        return sent;
    }

    /** Every device of the request (a page, as the other lists), or the one of deviceType and deviceId. */
    private Object deviceStatus(RegistryRequest r, String path) throws IOException {
        String type = r.deviceTypeIfAny();
        String device = r.deviceIdIfAny();
        if (type == null || device == null) {
            return lists.list(r, path + "/deviceStatus", IotfMgmtDeviceStatus.class);
        }
        IotfMgmtDeviceStatus status = RegistryJson.read(get(path + "/deviceStatus/" + IotfRestClient.segment(type) + "/"
                + IotfRestClient.segment(device)), IotfMgmtDeviceStatus.class);
        if (status.getTypeId() == null) { // the one-device answer need not name it (2.14)
            status.setTypeId(type);
            status.setDeviceId(device);
        }
        return status;
    }

    private JsonNode get(String path) throws IOException {
        return rest.get(path, Map.of(), Map.of()).json();
    }

    static String path(String id) {
        return PATH + "/" + IotfRestClient.segment(id);
    }
}
