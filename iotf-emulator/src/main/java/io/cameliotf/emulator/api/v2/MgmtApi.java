package io.cameliotf.emulator.api.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.ApiAuthenticator;
import io.cameliotf.emulator.api.ApiCaller;
import io.cameliotf.emulator.api.ApiException;
import io.cameliotf.emulator.api.Requests;
import io.cameliotf.emulator.api.RestResponses;
import io.cameliotf.emulator.mgmt.Diagnostics;
import io.cameliotf.emulator.mgmt.Management;
import io.cameliotf.emulator.store.DiagLog;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * A device's management state and diagnostics in API v0002 (later contract 2.6, 2.7), a face over
 * {@link Management} and {@link Diagnostics}. Diagnostic lists are bare arrays, newest first.
 */
public final class MgmtApi {

    private final ApiAuthenticator auth;
    private final Management management;
    private final Diagnostics diagnostics;

    public MgmtApi(ApiAuthenticator auth, Management management, Diagnostics diagnostics) {
        this.auth = auth;
        this.management = management;
        this.diagnostics = diagnostics;
    }

    /** A device of the path: its organization, type and id. */
    private record Target(String org, String type, String id) {
    }

    private Target target(Message in) {
        ApiCaller caller = auth.authenticate(in);
        return new Target(caller.org(), V2Requests.name(in, "typeId", "device type"),
                V2Requests.name(in, "deviceId", "device id"));
    }

    /** GET .../mgmt: 404 when the device is not managed. */
    public void mgmt(Exchange exchange) {
        Target t = target(exchange.getIn());
        RestResponses.ok(exchange, MgmtJson.mgmt(management.mgmt(t.org(), t.type(), t.id())));
    }

    public void logs(Exchange exchange) {
        Target t = target(exchange.getIn());
        ArrayNode json = MgmtJson.array();
        diagnostics.logs(t.org(), t.type(), t.id()).forEach(l -> json.add(MgmtJson.log(t.type(), t.id(), l)));
        RestResponses.ok(exchange, json);
    }

    /** POST .../diag/logs {message, severity?, data?, timestamp?}: 201 and the entry. */
    public void addLog(Exchange exchange) {
        Message in = exchange.getIn();
        Target t = target(in);
        ObjectNode body = Requests.jsonObject(in);
        V2Requests.rejectUnknown(body, "message", "severity", "data", "timestamp");
        JsonNode severity = body.get("severity");
        if (severity != null && !severity.isNull() && !severity.isIntegralNumber()) {
            throw ApiException.badRequest("'severity' must be 0 (informational), 1 (warning) or 2 (error), not "
                    + severity);
        }
        DiagLog log = diagnostics.addLog(t.org(), t.type(), t.id(), Requests.text(body, "message", true),
                severity == null || severity.isNull() ? 0 : severity.asInt(), Requests.text(body, "data", false),
                V2Requests.time(body, "timestamp"));
        RestResponses.json(exchange, 201, MgmtJson.log(t.type(), t.id(), log));
    }

    public void clearLogs(Exchange exchange) {
        Target t = target(exchange.getIn());
        diagnostics.clearLogs(t.org(), t.type(), t.id());
        RestResponses.noContent(exchange);
    }

    public void log(Exchange exchange) {
        Message in = exchange.getIn();
        Target t = target(in);
        RestResponses.ok(exchange, MgmtJson.log(t.type(), t.id(), diagnostics.log(t.org(), t.type(), t.id(),
                logId(in))));
    }

    public void deleteLog(Exchange exchange) {
        Message in = exchange.getIn();
        Target t = target(in);
        diagnostics.deleteLog(t.org(), t.type(), t.id(), logId(in));
        RestResponses.noContent(exchange);
    }

    public void errorCodes(Exchange exchange) {
        Target t = target(exchange.getIn());
        ArrayNode json = MgmtJson.array();
        diagnostics.errorCodes(t.org(), t.type(), t.id()).forEach(c -> json.add(MgmtJson.errorCode(c)));
        RestResponses.ok(exchange, json);
    }

    /** POST .../diag/errorCodes {errorCode, timestamp?}: 201 and the entry. */
    public void addErrorCode(Exchange exchange) {
        Message in = exchange.getIn();
        Target t = target(in);
        ObjectNode body = Requests.jsonObject(in);
        V2Requests.rejectUnknown(body, "errorCode", "timestamp");
        JsonNode code = body.get("errorCode");
        if (code == null || !code.isIntegralNumber()) {
            throw ApiException.badRequest("'errorCode' is required: an integer, as {\"errorCode\": 12}");
        }
        RestResponses.json(exchange, 201, MgmtJson.errorCode(diagnostics.addErrorCode(t.org(), t.type(), t.id(),
                code.asLong(), V2Requests.time(body, "timestamp"))));
    }

    public void clearErrorCodes(Exchange exchange) {
        Target t = target(exchange.getIn());
        diagnostics.clearErrorCodes(t.org(), t.type(), t.id());
        RestResponses.noContent(exchange);
    }

    private static String logId(Message in) {
        String id = in.getHeader("logId", String.class);
        if (id == null || id.isEmpty()) {
            throw ApiException.badRequest("The path has no log id");
        }
        return id;
    }
}
