package io.cameliotf.emulator.api.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.ApiAuthenticator;
import io.cameliotf.emulator.api.ApiCaller;
import io.cameliotf.emulator.api.ApiException;
import io.cameliotf.emulator.api.HistorianRequests;
import io.cameliotf.emulator.api.Json;
import io.cameliotf.emulator.api.Requests;
import io.cameliotf.emulator.api.RestResponses;
import io.cameliotf.emulator.historian.EvtJson;
import io.cameliotf.emulator.historian.HistorianPage;
import io.cameliotf.emulator.historian.HistorianQueries;
import io.cameliotf.emulator.store.EventPosition;
import io.cameliotf.emulator.store.EventQuery;
import io.cameliotf.emulator.store.StoredEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The historian of API v0002 (later contract 2.12), a face over the same {@link HistorianQueries} as v0001:
 * {@code /historian}, {@code /historian/types/{typeId}}, {@code /historian/types/{typeId}/devices/{deviceId}}.
 * Pages are linked by a {@code bookmark} in the answer, passed back as {@code _bookmark} with the same parameters;
 * {@code _limit} (or {@code top}) sets the page size, 1 to 100.
 */
public final class HistorianApi {

    private final ApiAuthenticator auth;
    private final HistorianQueries historian;

    public HistorianApi(ApiAuthenticator auth, HistorianQueries historian) {
        this.auth = auth;
        this.historian = historian;
    }

    /** GET /historian[/types/{typeId}[/devices/{deviceId}]] */
    public void query(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        String type = in.getHeader("typeId") == null ? null : V2Requests.name(in, "typeId", "device type");
        String id = in.getHeader("deviceId") == null ? null : V2Requests.name(in, "deviceId", "device id");
        EventQuery query = HistorianRequests.query(in, caller.org(), type, id);
        ObjectNode summary = HistorianRequests.summary(in, query, historian);
        if (summary != null) {
            ObjectNode json = Json.object();
            json.putArray("events").add(summary);
            RestResponses.ok(exchange, json);
            return;
        }
        int limit = HistorianRequests.pageSize(in, Requests.param(in, "_limit") != null ? "_limit" : "top");
        String bookmark = Requests.param(in, "_bookmark");
        EventPosition after = bookmark == null ? null : HistorianQueries.position(bookmark);
        if (bookmark != null && after == null) {
            throw ApiException.badRequest("The _bookmark '" + bookmark + "' is not one this service returned");
        }
        HistorianPage page = historian.page(query, after, limit);
        ObjectNode json = Json.object();
        ArrayNode events = json.putArray("events");
        for (StoredEvent e : page.events()) {
            ObjectNode event = events.addObject();
            event.put("device_type", e.deviceType());
            event.put("device_id", e.deviceId());
            event.put("evt_type", e.evtType());
            event.set("timestamp", Json.timestamp(e.received()));
            event.set("evt", EvtJson.of(e.payload()));
        }
        if (page.next() != null) {
            json.put("bookmark", HistorianQueries.cursor(page.next()));
        }
        RestResponses.ok(exchange, json);
    }
}
