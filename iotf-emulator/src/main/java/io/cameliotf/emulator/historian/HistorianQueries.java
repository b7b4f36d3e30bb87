package io.cameliotf.emulator.historian;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.store.EventPosition;
import io.cameliotf.emulator.store.EventQuery;
import io.cameliotf.emulator.store.EventStore;
import io.cameliotf.emulator.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The historian's query engine, behind both API versions' historian endpoints [3.2; later contract 2.12]: pages of
 * events newest first, each ending where the next one starts, and summaries over every matching event. The HTTP
 * faces only read parameters and write JSON.
 */
public final class HistorianQueries {

    /** The page size of both APIs when none is asked for, and the largest allowed [3.2.3]. */
    public static final int MAX_PAGE = 100;

    private final EventStore store;

    public HistorianQueries(EventStore store) {
        this.store = store;
    }

    /**
     * Up to {@code limit} events of {@code query} older than {@code after} (from the newest when null). One event
     * more is read than returned, so a page knows whether another follows without a second query.
     */
    public HistorianPage page(EventQuery query, EventPosition after, int limit) {
        List<StoredEvent> events = store.page(query, after, limit + 1);
        if (events.size() <= limit) {
            return new HistorianPage(events, null);
        }
        List<StoredEvent> page = events.subList(0, limit);
        StoredEvent last = page.get(limit - 1);
        return new HistorianPage(page, new EventPosition(last.received(), last.seq()));
    }

    /** The aggregate of each field of {@code evt} over every event of {@code query}, and the newest event's time. */
    public HistorianSummary summarize(EventQuery query, List<String> fields, String type) {
        if (!Summaries.TYPES.contains(type)) {
            throw new HistorianQueryException("summarize_type '" + type + "' is not one of "
                    + String.join(", ", Summaries.TYPE_ORDER) + " [3.2.3]");
        }
        Summaries summaries = new Summaries(fields, type);
        long[] newest = {-1};
        store.forEach(query, e -> {
            summaries.add(EvtJson.of(e.payload()));
            newest[0] = Math.max(newest[0], e.received());
        });
        ObjectNode values = summaries.result();
        return new HistorianSummary(type, newest[0] < 0 ? null : newest[0], values);
    }

    /**
     * The fields of a {@code summarize} parameter, written {@code {field1,field2}} [3.2.3] (the braces may be left out,
     * but not one of them).
     *
     * @throws HistorianQueryException when it is not of that form (an unbalanced brace, an empty name, a brace inside
     *         a name) or names no field, saying so and naming the parameter
     */
    public static List<String> summarizeFields(String parameter) {
        String list = parameter.trim();
        boolean opens = list.startsWith("{");
        boolean closes = list.endsWith("}") && list.length() > (opens ? 1 : 0);
        if (opens != closes) {
            throw summarizeProblem(parameter, "has " + (opens ? "a '{' without its '}'" : "a '}' without its '{'"));
        }
        if (opens) {
            list = list.substring(1, list.length() - 1);
        }
        if (list.isBlank()) {
            throw summarizeProblem(parameter, "names no field");
        }
        List<String> fields = new ArrayList<>();
        for (String f : list.split(",", -1)) {
            String field = f.trim();
            if (field.isEmpty()) {
                throw summarizeProblem(parameter, "has an empty field name");
            }
            if (field.indexOf('{') >= 0 || field.indexOf('}') >= 0) {
                throw summarizeProblem(parameter, "has a brace inside the field name '" + field + "'");
            }
            if (!fields.contains(field)) {
                fields.add(field);
            }
        }
        return fields;
    }

    private static HistorianQueryException summarizeProblem(String parameter, String problem) {
        return new HistorianQueryException("summarize '" + parameter + "' " + problem
                + ": write the fields of evt as {field1,field2} [3.2.3]");
    }

    /** A position as text for clients (v0001's {@code cursorId}, v0002's {@code bookmark}): opaque to them. */
    public static String cursor(EventPosition position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (position.received() + ":" + position.seq()).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position of a cursor, or null when it is not one this service made. */
    public static EventPosition position(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            int colon = text.indexOf(':');
            return new EventPosition(Long.parseLong(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }
}
