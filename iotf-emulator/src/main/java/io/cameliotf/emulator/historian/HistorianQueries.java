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
     * The fields of a {@code summarize} parameter, written {@code {field1,field2}} (the braces may be left out).
     *
     * @throws HistorianQueryException when it names no field
     */
    public static List<String> summarizeFields(String parameter) {
        String list = parameter.trim();
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
            throw new HistorianQueryException("summarize needs at least one field, as {field1,field2} [3.2.3]");
        }
        return fields;
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
