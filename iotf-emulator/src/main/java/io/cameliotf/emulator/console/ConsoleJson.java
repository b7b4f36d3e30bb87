package io.cameliotf.emulator.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.Json;
import io.cameliotf.emulator.events.DeviceEvent;
import io.cameliotf.emulator.json.InvalidJsonException;
import io.cameliotf.emulator.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The JSON of the console's own answers: a session, an event of the live stream. */
final class ConsoleJson {

    /** The most of a payload an event of the stream carries as text. */
    static final int RAW_LIMIT = 4 * 1024;

    private ConsoleJson() {
    }

    /** A session as {@code POST} and {@code GET /console/session} answer it (with its CSRF token, never its id). */
    static ObjectNode session(ConsoleSession s, List<String> orgs, java.time.Instant expires) {
        ObjectNode json = Json.object();
        json.put("org", s.org());
        json.put("admin", s.isAdmin());
        ArrayNode list = json.putArray("orgs");
        orgs.forEach(list::add);
        json.put("user", s.user());
        json.put("csrf", s.csrf());
        json.put("expires", Json.dateTime(expires));
        return json;
    }

    /**
     * An event of the live stream: its device, event id and format, when it arrived, the payload parsed when its
     * format is json (else null), and the payload as text, cut at {@value #RAW_LIMIT} bytes.
     */
    static ObjectNode event(DeviceEvent e) {
        ObjectNode json = Json.object();
        json.put("type", e.deviceType());
        json.put("id", e.deviceId());
        json.put("event", e.event());
        json.put("format", e.format());
        json.put("ts", Json.dateTime(e.received()));
        json.set("payload", "json".equals(e.format()) ? parsed(e.payload()) : null);
        json.put("raw", new String(e.payload(), 0, Math.min(e.payload().length, RAW_LIMIT), StandardCharsets.UTF_8));
        return json;
    }

    private static JsonNode parsed(byte[] payload) {
        try {
            return StrictJson.read(payload);
        } catch (InvalidJsonException e) {
            return null;
        }
    }
}
