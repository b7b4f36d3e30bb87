package io.cameliotf.iotf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.iotf.model.IotfHistoricalEvent;
import io.cameliotf.iotf.model.IotfHistorianSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Historian calls shared by the producer, its page iterator and the polling consumer [3.2]. */
final class HistorianClient {

    static final String COOKIE = "iotHistorianSessionId";

    /** One page, and where the next one starts (both null on the last page). */
    record Page(List<IotfHistoricalEvent> events, String cursor, String session) {
        boolean hasMore() {
            return cursor != null;
        }
    }

    private final IotfRestClient rest;

    HistorianClient(IotfRestClient rest) {
        this.rest = rest;
    }

    /** The first page of {@code request}, or the page at {@code cursor} of {@code session}. */
    Page page(HistorianRequest request, String cursor, String session) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (cursor != null) {
            headers.put("cursorId", cursor);
            headers.put("Cookie", COOKIE + "=" + session);
        }
        IotfRestClient.Response response = call(request, headers);
        List<IotfHistoricalEvent> events = new ArrayList<>();
        JsonNode array = response.json();
        if (array != null) {
            for (JsonNode record : array) {
                events.add(IotfHistoricalEvent.fromRecord(record, request.org(), request.deviceType(), request.deviceId()));
            }
        }
        String next = response.header("cursorId");
        String nextSession = sessionOf(response.header("Set-Cookie"));
        return new Page(events, next, next == null ? null : nextSession != null ? nextSession : session);
    }

    /** The summary of {@code request} (it has summarize). */
    IotfHistorianSummary summary(HistorianRequest request) {
        JsonNode array = call(request, Map.of()).json();
        JsonNode record = array == null || array.isEmpty() ? null : array.get(0);
        Map<String, Double> values = new LinkedHashMap<>();
        Instant newest = null;
        if (record != null) {
            record.path("evt").fields().forEachRemaining(f -> values.put(f.getKey(),
                    f.getValue().isNumber() ? f.getValue().asDouble() : null));
            JsonNode date = record.path("timestamp").path("$date");
            newest = date.isNumber() ? Instant.ofEpochMilli(date.asLong()) : null;
        }
        String type = request.summarizeType() == null ? "avg" : request.summarizeType();
        return new IotfHistorianSummary(request.evtType(), type, newest, values);
    }

    /** Every page of {@code request} in turn, fetched as it is read, at most {@code max} events. */
    Iterator<IotfHistoricalEvent> all(HistorianRequest request, int max) {
        return new Iterator<>() {
            private Page page = page(request, null, null);
            private int index;
            private int returned;

            @Override
            public boolean hasNext() {
                if (returned >= max) {
                    return false;
                }
                if (index < page.events().size()) {
                    return true;
                }
                if (!page.hasMore()) {
                    return false;
                }
                page = page(request, page.cursor(), page.session());
                index = 0;
                return index < page.events().size();
            }

            @Override
            public IotfHistoricalEvent next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                returned++;
                return page.events().get(index++);
            }
        };
    }

    private IotfRestClient.Response call(HistorianRequest request, Map<String, String> headers) {
        try {
            return rest.get(request.path(), headers.containsKey("cursorId") ? Map.of() : request.parameters(), headers);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach the IoTF API at " + rest.baseUrl() + ": " + e.getMessage(), e);
        }
    }

    private static String sessionOf(String setCookie) {
        if (setCookie == null) {
            return null;
        }
        for (String part : setCookie.split(";")) {
            String p = part.trim();
            if (p.startsWith(COOKIE + "=")) {
                return p.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }
}
