package io.cameliotf.emulator.api.v1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.ApiAuthenticator;
import io.cameliotf.emulator.api.ApiCaller;
import io.cameliotf.emulator.api.ApiException;
import io.cameliotf.emulator.api.HistorianRequests;
import io.cameliotf.emulator.api.Json;
import io.cameliotf.emulator.api.RestResponses;
import io.cameliotf.emulator.historian.HistorianPage;
import io.cameliotf.emulator.historian.HistorianQueries;
import io.cameliotf.emulator.historian.HistorianSessions;
import io.cameliotf.emulator.store.EventPosition;
import io.cameliotf.emulator.store.EventQuery;
import io.cameliotf.emulator.store.StoredEvent;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The Historical Event API of v0001 [3.2], a face over {@link HistorianQueries}: events of an organization, a device
 * type or a device, newest first, in pages of {@code top} linked by a {@code cursorId} header and an
 * {@code iotHistorianSessionId} cookie; or, with {@code summarize}, one aggregate over every matching event.
 */
public final class HistorianApi {

    static final String COOKIE = "iotHistorianSessionId";

    private final ApiAuthenticator auth;
    private final HistorianQueries historian;
    private final HistorianSessions sessions;
    private final Clock clock;

    public HistorianApi(ApiAuthenticator auth, HistorianQueries historian, HistorianSessions sessions, Clock clock) {
        this.auth = auth;
        this.historian = historian;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** GET /api/v0001/historian[/{deviceType}[/{deviceId}]] [3.2.2-3.2.4] */
    public void query(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        String type = in.getHeader("deviceType") == null ? null : DeviceApi.name(in, "deviceType", "device type");
        String id = in.getHeader("deviceId") == null ? null : DeviceApi.name(in, "deviceId", "device id");
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
            after = HistorianQueries.position(cursor);
            if (after == null) {
                throw ApiException.badRequest("The cursorId '" + cursor + "' is not one this service returned");
            }
            query = session.query();
            top = session.top();
        } else {
            query = HistorianRequests.query(in, caller.org(), type, id);
            top = HistorianRequests.pageSize(in, "top");
            ObjectNode summary = HistorianRequests.summary(in, query, historian);
            if (summary != null) {
                RestResponses.ok(exchange, Json.MAPPER.createArrayNode().add(summary));
                return;
            }
            sessionId = null;
        }
        HistorianPage page = historian.page(query, after, top);
        if (page.next() != null) {
            if (sessionId == null) {
                sessionId = sessions.open(query, top, now);
            }
            RestResponses.header(exchange, "cursorId", HistorianQueries.cursor(page.next()));
            RestResponses.header(exchange, "Set-Cookie", COOKIE + "=" + sessionId + "; Path=/api/v0001/historian; HttpOnly");
        } else if (sessionId != null) {
            sessions.close(sessionId, caller.org());
        }
        ArrayNode json = Json.MAPPER.createArrayNode();
        for (StoredEvent e : page.events()) {
            json.add(V1Json.event(e, query.deviceId() == null, query.deviceType() == null));
        }
        RestResponses.ok(exchange, json);
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
}
