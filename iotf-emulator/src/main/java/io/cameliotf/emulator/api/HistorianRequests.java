package io.cameliotf.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.historian.HistorianQueries;
import io.cameliotf.emulator.historian.HistorianSummary;
import io.cameliotf.emulator.store.EventQuery;
import org.apache.camel.Message;

/**
 * The historian parameters both API versions share [3.2.2-3.2.4; later contract 2.12]: {@code evt_type},
 * {@code start}, {@code end}, {@code top}, {@code summarize} and {@code summarize_type}; and the summary record.
 */
public final class HistorianRequests {

    private HistorianRequests() {
    }

    /** The query of a request, in the caller's organization and the scope of the path. */
    public static EventQuery query(Message in, String org, String type, String id) {
        EventQuery query = new EventQuery(org, type, id, Requests.param(in, "evt_type"), Requests.millis(in, "start"),
                Requests.millis(in, "end"));
        if (query.start() != null && query.end() != null && query.start() > query.end()) {
            throw ApiException.badRequest("start (" + query.start() + ") is after end (" + query.end() + ")");
        }
        return query;
    }

    /** The page size: {@code top} (or {@code name}), 1 to 100, default 100 [3.2.3]. */
    public static int pageSize(Message in, String name) {
        return Requests.intParam(in, name, 1, HistorianQueries.MAX_PAGE, HistorianQueries.MAX_PAGE, " [3.2.3]");
    }

    /** The summary of {@code query} when the request asks for one ({@code summarize}), else null. */
    public static ObjectNode summary(Message in, EventQuery query, HistorianQueries historian) {
        String summarize = Requests.param(in, "summarize");
        if (summarize == null) {
            return null;
        }
        HistorianSummary s = historian.summarize(query, HistorianQueries.summarizeFields(summarize),
                in.getHeader("summarize_type", "avg", String.class));
        ObjectNode record = Json.object();
        if (query.evtType() != null) {
            record.put("evt_type", query.evtType());
        }
        record.put("summarize_type", s.summarizeType());
        if (s.newest() != null) {
            record.set("timestamp", Json.timestamp(s.newest()));
        }
        record.set("evt", s.values());
        return record;
    }
}
