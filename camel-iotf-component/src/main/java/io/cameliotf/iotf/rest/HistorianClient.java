package io.cameliotf.iotf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cameliotf.iotf.IotfApiVersion;
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

/**
 * Historian calls shared by the producer, its page iterator and the polling consumer [3.2; later contract 2.12]. The
 * versions differ in paths and paging only: v0001 answers an array and links pages with a {@code cursorId} header
 * and an {@code iotHistorianSessionId} cookie; v0002 answers {@code {"events": [...], "bookmark": ...}} and takes
 * the bookmark back as {@code _bookmark} with the same parameters.
 */
final class HistorianClient {

    static final String COOKIE = "iotHistorianSessionId";

    /** One page, and where the next one starts (cursor null on the last page; session in v0001 only). */
    record Page(List<IotfHistoricalEvent> events, String cursor, String session) {
        boolean hasMore() {
            return cursor != null;
        }
    }

    private final IotfRestClient rest;
    private final IotfApiVersion version;

    HistorianClient(IotfRestClient rest, IotfApiVersion version) {
        this.rest = rest;
        this.version = version;
    }

    /** The first page of {@code request}, or the page at {@code cursor} (of {@code session} in v0001). */
    Page page(HistorianRequest request, String cursor, String session) {
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        if (cursor == null) {
            query.putAll(request.parameters(version));
        } else if (version == IotfApiVersion.v0002) {
            query.putAll(request.parameters(version));
            query.put("_bookmark", cursor);
        } else {
            headers.put("cursorId", cursor);
            headers.put("Cookie", COOKIE + "=" + session);
        }
        IotfRestClient.Response response = get(request, query, headers);
        List<IotfHistoricalEvent> events = new ArrayList<>();
        for (JsonNode record : records(response.json())) {
            events.add(IotfHistoricalEvent.fromRecord(record, request.org(), request.deviceType(), request.deviceId()));
        }
        if (version == IotfApiVersion.v0002) {
            JsonNode bookmark = response.json() == null ? null : response.json().get("bookmark");
            return new Page(events, bookmark != null && bookmark.isTextual() ? bookmark.asText() : null, null);
        }
        String next = response.header("cursorId");
        String nextSession = sessionOf(response.header("Set-Cookie"));
        return new Page(events, next, next == null ? null : nextSession != null ? nextSession : session);
    }

    /** The summary of {@code request} (it has summarize). */
    IotfHistorianSummary summary(HistorianRequest request) {
        JsonNode records = records(get(request, request.parameters(version), Map.of()).json());
        JsonNode record = records.isEmpty() ? null : records.get(0);
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
        Page[] page = {page(request, null, null)};
        return new PageIterator<>(page[0].events(), () -> {
            if (!page[0].hasMore()) {
                return null;
            }
            page[0] = page(request, page[0].cursor(), page[0].session());
            return page[0].events();
        }, max);
    }

    /** The records of an answer: the array itself (v0001), or its events (v0002). */
    private JsonNode records(JsonNode answer) {
        if (answer == null) {
            return JsonNodeFactory.instance.arrayNode();
        }
        return version == IotfApiVersion.v0002 ? answer.path("events") : answer;
    }

    private IotfRestClient.Response get(HistorianRequest request, Map<String, String> query, Map<String, String> headers) {
        try {
            return rest.get(request.path(version), query, headers);
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
