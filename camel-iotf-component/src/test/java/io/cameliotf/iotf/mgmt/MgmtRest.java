package io.cameliotf.iotf.mgmt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.Waits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's side of device management in the tests, with real HTTP calls to the local service's REST API
 * v0002 [later §2.14]: initiate a request, follow one device's status until it completes, read what the service stored.
 */
public final class MgmtRest {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String auth;

    public MgmtRest(IotfEmulator iotf, TestOrganization org) {
        this.base = iotf.httpUrl("v0002");
        this.auth = "Basic " + Base64.getEncoder().encodeToString((org.apiKey() + ":" + org.apiToken())
                .getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path, null);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** POST /mgmt/requests for one device; returns the request's id. */
    public String initiate(String action, Map<String, String> parameters, String type, String id) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("action", action);
        ArrayNode params = body.putArray("parameters");
        parameters.forEach((name, value) -> params.addObject().put("name", name).put("value", value));
        body.putArray("devices").addObject().put("typeId", type).put("deviceId", id);
        HttpResponse<String> response = send("POST", "/mgmt/requests", body.toString());
        assertThat(response.statusCode()).as("POST /mgmt/requests %s: %s", body, response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).path("reqId").asText();
    }

    /** The device's status in request {@code reqId} once it is complete. */
    public JsonNode awaitComplete(String reqId, String type, String id) {
        AtomicReference<JsonNode> status = new AtomicReference<>();
        Waits.await().until(() -> {
            JsonNode s = get("/mgmt/requests/" + reqId + "/deviceStatus/" + type + "/" + id);
            status.set(s);
            return s.path("complete").asBoolean();
        });
        return status.get();
    }

    /** Initiates {@code action} for one device and waits until it is complete; returns the device's status. */
    public JsonNode run(String action, Map<String, String> parameters, String type, String id) throws Exception {
        return awaitComplete(initiate(action, parameters, type, id), type, id);
    }

    public String device(String type, String id) {
        return "/device/types/" + type + "/devices/" + id;
    }
}
