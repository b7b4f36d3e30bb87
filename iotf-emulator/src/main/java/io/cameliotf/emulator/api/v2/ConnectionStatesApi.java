package io.cameliotf.emulator.api.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.ApiAuthenticator;
import io.cameliotf.emulator.api.ApiCaller;
import io.cameliotf.emulator.api.ApiException;
import io.cameliotf.emulator.api.Json;
import io.cameliotf.emulator.api.Requests;
import io.cameliotf.emulator.api.RestResponses;
import io.cameliotf.emulator.paging.Page;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.session.ClientStates;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Client connection states and connection logs in API v0002 (later contract 2.8, 2.9), from the gateway's own
 * session records ({@link ClientStates}).
 */
public final class ConnectionStatesApi {

    private final ApiAuthenticator auth;
    private final ClientStates states;
    private final DeviceRegistry registry;

    /** @param registry for the devices behind gateways, which never connect themselves */
    public ConnectionStatesApi(ApiAuthenticator auth, ClientStates states, DeviceRegistry registry) {
        this.auth = auth;
        this.states = states;
        this.registry = registry;
    }

    /**
     * GET /clientconnectionstates/{clientId}: 404 for a client the gateway has not seen, except a device added through
     * a gateway, which is shown disconnected (later contract 3.4: devices behind a gateway show as disconnected).
     */
    public void state(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        String clientId = exchange.getIn().getHeader("clientId", String.class);
        ObjectNode json = states.state(caller.org(), clientId).map(ConnectionStatesApi::json)
                .orElseGet(() -> behindGateway(caller.org(), clientId));
        if (json == null) {
            throw ApiException.notFound("No client " + clientId + " has connected to organization " + caller.org(),
                    clientId);
        }
        RestResponses.ok(exchange, json);
    }

    private ObjectNode behindGateway(String org, String clientId) {
        String[] parts = clientId == null ? new String[0] : clientId.split(":", -1);
        if (parts.length != 4 || !"d".equals(parts[0]) || !org.equals(parts[1])) {
            return null;
        }
        return registry.device(org, parts[2], parts[3]).filter(d -> d.gatewayType() != null).map(d -> {
            ObjectNode json = Json.object();
            json.put("id", clientId);
            json.put("clientType", "device");
            json.put("connectionStatus", "disconnected");
            return json;
        }).orElse(null);
    }

    /** GET /clientconnectionstates: filters connectionStatus, connectedAfter, deviceType, deviceId; paged. */
    public void states(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        Predicate<ClientStates.State> filter = s -> true;
        for (Map.Entry<String, String> f : V2Requests.filters(in).entrySet()) {
            String value = f.getValue();
            switch (f.getKey()) {
                case "connectionStatus" -> {
                    if (!value.equals("connected") && !value.equals("disconnected")) {
                        throw ApiException.badRequest("connectionStatus is connected or disconnected, not '" + value + "'");
                    }
                    boolean connected = value.equals("connected");
                    filter = filter.and(s -> s.connected() == connected);
                }
                case "connectedAfter" -> {
                    Instant after = time(value);
                    filter = filter.and(s -> s.lastConnect() != null && s.lastConnect().isAfter(after));
                }
                case "deviceType", "typeId" -> filter = filter.and(s -> s.clientId().startsWith("d:" + s.org() + ':' + value + ':'));
                case "deviceId" -> filter = filter.and(s -> s.clientId().startsWith("d:") && s.clientId().endsWith(':' + value));
                default -> throw ApiException.badRequest("Connection states cannot be filtered by '" + f.getKey()
                        + "'; the filters are connectionStatus, connectedAfter, deviceType, deviceId");
            }
        }
        Page<ClientStates.State> page;
        try {
            page = states.states(caller.org(), filter, Requests.param(in, "_bookmark"), V2Requests.limit(in));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        RestResponses.ok(exchange, V2Json.page(page, ConnectionStatesApi::json));
    }

    /** GET /logs/connection?typeId=&deviceId=: the device's recent connects, refusals and disconnects, newest first. */
    public void log(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        String type = V2Requests.queryName(in, "typeId", "device type");
        String id = V2Requests.queryName(in, "deviceId", "device id");
        ArrayNode json = Json.MAPPER.createArrayNode();
        for (ClientStates.LogEntry e : states.log(caller.org(), "d:" + caller.org() + ':' + type + ':' + id)) {
            ObjectNode entry = json.addObject();
            entry.put("message", e.message());
            entry.put("timestamp", Json.dateTime(e.timestamp()));
        }
        RestResponses.ok(exchange, json);
    }

    private static ObjectNode json(ClientStates.State s) {
        ObjectNode json = Json.object();
        json.put("id", s.clientId());
        json.put("clientType", s.clientType());
        json.put("connectionStatus", s.connected() ? "connected" : "disconnected");
        putTime(json, "lastConnectTime", s.lastConnect());
        putTime(json, "lastDisconnectTime", s.lastDisconnect());
        putTime(json, "lastActivityTime", s.lastActivity());
        if (s.protocolVersion() != null) {
            json.put("mqttConnectProtocol", s.protocolVersion());
        }
        if (!s.connected() && s.lastDisconnectReason() != null) {
            json.put("disconnectReason", s.lastDisconnectReason());
        }
        return json;
    }

    private static void putTime(ObjectNode json, String field, Instant time) {
        if (time != null) {
            json.put(field, Json.dateTime(time));
        }
    }

    private static Instant time(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("connectedAfter must be an ISO 8601 date and time with an offset, not '"
                    + value + "'");
        }
    }
}
