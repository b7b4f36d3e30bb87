package io.cameliotf.emulator.api.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.Json;
import io.cameliotf.emulator.mgmt.RequestQueries;
import io.cameliotf.emulator.store.DiagLog;
import io.cameliotf.emulator.store.ErrorCode;
import io.cameliotf.emulator.store.Firmware;
import io.cameliotf.emulator.store.ManagedDevice;
import io.cameliotf.emulator.store.MgmtRequest;
import io.cameliotf.emulator.store.RequestDevice;

/** The JSON of device management answers (later contract 2.6, 2.7, 2.14). */
final class MgmtJson {

    private MgmtJson() {
    }

    /** {@code GET .../mgmt} (2.6). */
    static ObjectNode mgmt(ManagedDevice m) {
        ObjectNode json = Json.object();
        json.put("lastActivityDateTime", Json.dateTime(m.lastActivity()));
        if (m.dormantAt() != null) {
            json.put("dormantDateTime", Json.dateTime(m.dormantAt()));
        }
        json.put("dormant", false); // a dormant device is not managed: its mgmt is 404
        ObjectNode supports = json.putObject("supports");
        supports.put("deviceActions", m.deviceActions());
        supports.put("firmwareActions", m.firmwareActions());
        m.bundles().forEach(b -> supports.put(b, true));
        Firmware f = m.firmware();
        if (f != null) {
            ObjectNode fw = json.putObject("firmware");
            putIfSet(fw, "version", f.version());
            putIfSet(fw, "name", f.name());
            putIfSet(fw, "uri", f.uri());
            putIfSet(fw, "verifier", f.verifier());
            fw.put("state", f.state());
            fw.put("updateStatus", f.updateStatus());
            fw.put("updatedDateTime", Json.dateTime(f.updated()));
        }
        if (m.gatewayType() != null) {
            // this service's own: which gateway the device is managed through
            ObjectNode gw = json.putObject("gateway");
            gw.put("typeId", m.gatewayType());
            gw.put("deviceId", m.gatewayId());
        }
        return json;
    }

    static ObjectNode log(String type, String id, DiagLog l) {
        ObjectNode json = Json.object();
        json.put("id", l.id());
        json.put("message", l.message());
        json.put("severity", l.severity());
        if (l.data() != null) {
            json.put("data", l.data());
        }
        json.put("timestamp", Json.dateTime(l.timestamp()));
        json.put("typeId", type);
        json.put("deviceId", id);
        return json;
    }

    static ObjectNode errorCode(ErrorCode c) {
        ObjectNode json = Json.object();
        json.put("errorCode", c.errorCode());
        json.put("timestamp", Json.dateTime(c.timestamp()));
        return json;
    }

    /** {@code GET /mgmt/requests/{id}} and each item of the list (2.14). */
    static ObjectNode request(RequestQueries.View v) {
        MgmtRequest r = v.request();
        ObjectNode json = Json.object();
        json.put("id", r.id());
        json.put("action", r.action());
        json.set("parameters", r.parametersJson() == null ? Json.MAPPER.createArrayNode()
                : Json.parse(r.parametersJson()));
        json.put("complete", v.summary().isComplete());
        json.put("status", v.summary().status());
        if (r.timeoutSeconds() != null) {
            json.put("timeout", r.timeoutSeconds());
        }
        ObjectNode counts = json.putObject("deviceCounts");
        counts.put("total", v.summary().total());
        counts.put("complete", v.summary().complete());
        v.summary().byStatus().forEach((status, n) -> counts.put(statusName(status), n));
        json.put("createdDateTime", Json.dateTime(r.created()));
        json.put("updatedDateTime", Json.dateTime(v.summary().updated() == null ? r.created()
                : v.summary().updated()));
        return json;
    }

    /** {@code GET /mgmt/requests/{id}/deviceStatus[/{t}/{d}]} (2.14). */
    static ObjectNode device(RequestDevice d) {
        ObjectNode json = Json.object();
        json.put("typeId", d.type());
        json.put("deviceId", d.id());
        json.put("status", d.status());
        json.put("complete", d.complete());
        if (d.rc() != null) {
            json.put("rc", d.rc());
        }
        if (d.message() != null) {
            json.put("message", d.message());
        }
        json.put("updatedDateTime", Json.dateTime(d.updated()));
        return json;
    }

    static ArrayNode array() {
        return Json.MAPPER.createArrayNode();
    }

    private static String statusName(int status) {
        return switch (status) {
            case RequestDevice.SUCCESS -> "success";
            case RequestDevice.IN_PROGRESS -> "inProgress";
            case RequestDevice.FAILURE -> "failure";
            default -> "timedOut";
        };
    }

    private static void putIfSet(ObjectNode json, String field, String value) {
        if (value != null && !value.isEmpty()) {
            json.put(field, value);
        }
    }
}
