package io.cameliotf.emulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.auth.IotfNames;
import io.cameliotf.emulator.historian.EvtJson;
import io.cameliotf.emulator.historian.HistorianSessions;
import io.cameliotf.emulator.historian.Summaries;
import io.cameliotf.emulator.store.EventPosition;
import io.cameliotf.emulator.store.EventQuery;
import io.cameliotf.emulator.store.EventStore;
import io.cameliotf.emulator.store.StoredEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The Historical Event API [3.2]: events of an organization, a device type or a device, newest first, in pages of
 * {@code top} (1-100, default 100) linked by a {@code cursorId} header and an {@code iotHistorianSessionId} cookie;
 * or, with {@code summarize}, one aggregate over every matching event.
 */
final class HistorianApi {

    static final String COOKIE = "iotHistorianSessionId";
    static final int DEFAULT_TOP = 100;

    private final ApiAuthenticator auth;
    private final EventStore store;
    private final HistorianSessions sessions;
    private final Clock clock;

    HistorianApi(ApiAuthenticator auth, EventStore store, HistorianSessions sessions, Clock clock) {
        this.auth = auth;
        this.store = store;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** GET /api/v0001/historian[/{deviceType}[/{deviceId}]] [3.2.2-3.2.4] */
    void query(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        String type = optionalName(in, "deviceType", "device type");
        String id = optionalName(in, "deviceId", "device id");
        String cursor = in.getHeader("cursorId", String.class);
        String sessionId = cookie(in.getHeader("Cookie", String.class));
        long now = clock.millis();
        EventQuery query;
        int top;
        EventPosition after = null;
        if (cursor != null && !cursor.isEmpty()) {
            if (sessionId == null) {
                throw ApiException.badRequest("The cursorId header needs the " + COOKIE + " cookie of the same query [3.2.2]");
            }
            HistorianSessions.Session session = sessions.find(sessionId, caller.org(), now);
            if (session == null) {
                throw ApiException.badRequest("The historian session " + sessionId + " is unknown or has expired: "
                        + "start again without cursorId");
            }
            after = HistorianSessions.position(cursor);
            if (after == null) {
                throw ApiException.badRequest("The cursorId '" + cursor + "' is not one this service returned");
            }
            query = session.query();
            top = session.top();
        } else {
            query = new EventQuery(caller.org(), type, id, text(in, "evt_type"), millis(in, "start"), millis(in, "end"));
            if (query.start() != null && query.end() != null && query.start() > query.end()) {
                throw ApiException.badRequest("start (" + query.start() + ") is after end (" + query.end() + ")");
            }
            top = top(in);
            String summarize = text(in, "summarize");
            if (summarize != null) {
                summarize(exchange, query, summarize, in.getHeader("summarize_type", "avg", String.class));
                return;
            }
            sessionId = null;
        }
        List<StoredEvent> page = store.page(query, after, top + 1);
        boolean more = page.size() > top;
        if (more) {
            page = page.subList(0, top);
            if (sessionId == null) {
                sessionId = sessions.open(query, top, now);
            }
            StoredEvent last = page.get(page.size() - 1);
            RestResponses.header(exchange, "cursorId", HistorianSessions.cursor(new EventPosition(last.received(), last.seq())));
            RestResponses.header(exchange, "Set-Cookie", COOKIE + "=" + sessionId + "; Path=/api/v0001/historian; HttpOnly");
        } else if (sessionId != null) {
            sessions.close(sessionId);
        }
        ArrayNode json = ApiJson.JSON.createArrayNode();
        boolean deviceScope = query.deviceId() != null;
        boolean typeScope = query.deviceType() != null;
        for (StoredEvent e : page) {
            json.add(ApiJson.event(e, !deviceScope, !typeScope));
        }
        RestResponses.ok(exchange, json);
    }

    /** One record: the aggregate of each field over every event of the query, and the newest event's time. */
    private void summarize(Exchange exchange, EventQuery query, String summarize, String type) {
        if (!Summaries.TYPES.contains(type)) {
            throw ApiException.badRequest("summarize_type '" + type + "' is not one of avg, count, min, max, sum, range, "
                    + "stdev, variance [3.2.3]");
        }
        String list = summarize.trim();
        if (list.startsWith("{") && list.endsWith("}")) {
            list = list.substring(1, list.length() - 1);
        }
        List<String> fields = new ArrayList<>();
        for (String f : list.split(",")) {
            if (!f.isBlank()) {
                fields.add(f.trim());
            }
        }
        if (fields.isEmpty()) {
            throw ApiException.badRequest("summarize needs at least one field, as {field1,field2} [3.2.3]");
        }
        Summaries summaries = new Summaries(fields, type);
        long[] newest = {-1};
        store.forEach(query, e -> {
            summaries.add(EvtJson.of(e.payload()));
            newest[0] = Math.max(newest[0], e.received());
        });
        ObjectNode record = ApiJson.JSON.createObjectNode();
        if (query.evtType() != null) {
            record.put("evt_type", query.evtType());
        }
        record.put("summarize_type", type);
        if (newest[0] >= 0) {
            record.set("timestamp", ApiJson.timestamp(newest[0]));
        }
        record.set("evt", summaries.result());
        RestResponses.ok(exchange, ApiJson.JSON.createArrayNode().add(record));
    }

    private static String cookie(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(COOKIE + "=")) {
                return p.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }

    private static int top(Message in) {
        String value = text(in, "top");
        if (value == null) {
            return DEFAULT_TOP;
        }
        try {
            int top = Integer.parseInt(value);
            if (top >= 1 && top <= 100) {
                return top;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw ApiException.badRequest("top must be a whole number from 1 to 100, not '" + value + "' [3.2.3]");
    }

    private static Long millis(Message in, String name) {
        String value = text(in, name);
        if (value == null) {
            return null;
        }
        try {
            long millis = Long.parseLong(value);
            if (millis >= 0) {
                return millis;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw ApiException.badRequest(name + " must be milliseconds since 1970-01-01T00:00:00Z, not '" + value + "' [3.2.2]");
    }

    private static String text(Message in, String name) {
        String value = in.getHeader(name, String.class);
        return value == null || value.isEmpty() ? null : value;
    }

    private static String optionalName(Message in, String header, String what) {
        String value = in.getHeader(header, String.class);
        if (value == null) {
            return null;
        }
        String problem = IotfNames.typeOrIdProblem(value);
        if (problem != null) {
            throw ApiException.badRequest("The " + what + " '" + value + "' " + problem + " [3.1.6]");
        }
        return value;
    }
}
