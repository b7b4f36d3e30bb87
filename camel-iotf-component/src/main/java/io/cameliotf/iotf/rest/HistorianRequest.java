package io.cameliotf.iotf.rest;

import io.cameliotf.iotf.EndpointRules;
import io.cameliotf.iotf.IotfConfiguration;
import io.cameliotf.iotf.IotfConstants;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Message;

/**
 * One historian query [3.2.2-3.2.4]: its scope (organization, device type, device) and parameters, from the message's
 * headers or else the endpoint's options.
 */
public record HistorianRequest(String org, String deviceType, String deviceId, String evtType, Long start, Long end,
        Integer top, String summarize, String summarizeType) {

    public static final Set<String> SUMMARIZE_TYPES = Set.of("avg", "count", "min", "max", "sum", "range", "stdev", "variance");

    /** The request of {@code in}, with the options of {@code c} where a header does not say otherwise. */
    public static HistorianRequest of(Message in, IotfConfiguration c) {
        String type = header(in, IotfConstants.DEVICE_TYPE, c.getDeviceType());
        String id = header(in, IotfConstants.DEVICE_ID, c.getDeviceId());
        if (id != null && type == null) {
            throw new IllegalArgumentException("A historian query for device '" + id + "' also needs its type: set the "
                    + "option deviceType or the header " + IotfConstants.DEVICE_TYPE);
        }
        Object start = in.getHeader(IotfConstants.HISTORIAN_START);
        Object end = in.getHeader(IotfConstants.HISTORIAN_END);
        Integer top = in.getHeader(IotfConstants.HISTORIAN_TOP, Integer.class);
        HistorianRequest request = new HistorianRequest(c.getOrg(), type, id, header(in, IotfConstants.EVENT, c.getEvent()),
                Times.millis(start != null ? start : c.getStart(), start != null ? "The header " + IotfConstants.HISTORIAN_START
                        : "The option start"),
                Times.millis(end != null ? end : c.getEnd(), end != null ? "The header " + IotfConstants.HISTORIAN_END
                        : "The option end"),
                top != null ? top : c.getTop(), header(in, IotfConstants.HISTORIAN_SUMMARIZE, c.getSummarize()),
                header(in, IotfConstants.HISTORIAN_SUMMARIZE_TYPE, c.getSummarizeType()));
        request.check();
        return request;
    }

    /** A copy starting at {@code start} (and ending at {@code end}), for a consumer's polls. */
    public HistorianRequest between(Long start, Long end) {
        return new HistorianRequest(org, deviceType, deviceId, evtType, start, end, top, summarize, summarizeType);
    }

    void check() {
        checkName("device type", deviceType);
        checkName("device id", deviceId);
        if (top != null && (top < 1 || top > 100)) {
            throw new IllegalArgumentException("top must be from 1 to 100, not " + top + " (reference 3.2.3)");
        }
        if (start != null && end != null && start > end) {
            throw new IllegalArgumentException("The historian query's start (" + start + ") is after its end (" + end + ")");
        }
        if (summarizeType != null && !SUMMARIZE_TYPES.contains(summarizeType)) {
            throw new IllegalArgumentException("summarizeType '" + summarizeType + "' is not one of avg, count, min, max, "
                    + "sum, range, stdev, variance");
        }
    }

    /** The path of the query's scope. */
    String path() {
        StringBuilder path = new StringBuilder("/historian");
        if (deviceType != null) {
            path.append('/').append(IotfRestClient.segment(deviceType));
            if (deviceId != null) {
                path.append('/').append(IotfRestClient.segment(deviceId));
            }
        }
        return path.toString();
    }

    /** The query parameters [3.2.2, 3.2.3]. */
    Map<String, String> parameters() {
        Map<String, String> q = new LinkedHashMap<>();
        if (evtType != null) {
            q.put("evt_type", evtType);
        }
        if (start != null) {
            q.put("start", Long.toString(start));
        }
        if (end != null) {
            q.put("end", Long.toString(end));
        }
        if (top != null) {
            q.put("top", Integer.toString(top));
        }
        if (summarize != null) {
            String fields = summarize.trim();
            q.put("summarize", fields.startsWith("{") ? fields : "{" + fields + "}");
            if (summarizeType != null) {
                q.put("summarize_type", summarizeType);
            }
        }
        return q;
    }

    private static String header(Message in, String header, String option) {
        String value = in.getHeader(header, String.class);
        return value == null || value.isEmpty() ? option : value;
    }

    private static void checkName(String what, String value) {
        if (value != null) {
            String problem = EndpointRules.nameProblem(value);
            if (problem != null) {
                throw new IllegalArgumentException("The " + what + " '" + value + "' " + problem);
            }
        }
    }
}
