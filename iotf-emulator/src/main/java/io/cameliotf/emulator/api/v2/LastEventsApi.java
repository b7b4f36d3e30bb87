package io.cameliotf.emulator.api.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.ApiAuthenticator;
import io.cameliotf.emulator.api.ApiCaller;
import io.cameliotf.emulator.api.ApiException;
import io.cameliotf.emulator.api.Json;
import io.cameliotf.emulator.api.RestResponses;
import io.cameliotf.emulator.auth.IotfNames;
import io.cameliotf.emulator.lec.LastEventCache;
import io.cameliotf.emulator.store.LastEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The last event cache in API v0002 (later contract 2.10), a face over {@link LastEventCache}. */
public final class LastEventsApi {

    /** As the contract's example: {@code 2016-03-14T14:12:06.527+0000}. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private final ApiAuthenticator auth;
    private final LastEventCache cache;

    public LastEventsApi(ApiAuthenticator auth, LastEventCache cache) {
        this.auth = auth;
        this.cache = cache;
    }

    /** GET /device/types/{typeId}/devices/{deviceId}/events: one per event id, by event id. */
    public void events(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        ArrayNode json = Json.MAPPER.createArrayNode();
        for (LastEvent e : cache.events(caller.org(), V2Requests.name(in, "typeId", "device type"),
                V2Requests.name(in, "deviceId", "device id"))) {
            json.add(event(e));
        }
        RestResponses.ok(exchange, json);
    }

    /** GET /device/types/{typeId}/devices/{deviceId}/events/{eventId}: 404 when none is cached. */
    public void event(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        String type = V2Requests.name(in, "typeId", "device type");
        String id = V2Requests.name(in, "deviceId", "device id");
        String eventId = in.getHeader("eventId", String.class);
        String problem = IotfNames.topicLevelProblem(eventId);
        if (problem != null) {
            throw ApiException.badRequest("The event id '" + eventId + "' " + problem);
        }
        LastEvent e = cache.event(caller.org(), type, id, eventId);
        if (e == null) {
            throw ApiException.notFound("No event '" + eventId + "' of device " + type + "/" + id
                    + " is in the last event cache", type, id, eventId);
        }
        RestResponses.ok(exchange, event(e));
    }

    private static ObjectNode event(LastEvent e) {
        ObjectNode json = Json.object();
        json.put("deviceId", e.deviceId());
        json.put("typeId", e.deviceType());
        json.put("eventId", e.eventId());
        json.put("format", e.format());
        json.put("timestamp", TIMESTAMP.format(Instant.ofEpochMilli(e.received())));
        json.put("payload", Base64.getEncoder().encodeToString(e.payload()));
        return json;
    }
}
