package io.cameliotf.iotf.rest;

import io.cameliotf.iotf.HeaderOrOption;
import io.cameliotf.iotf.IotfApiVersion;
import io.cameliotf.iotf.IotfConfiguration;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.rules.ValueRules;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Message;

/**
 * One historian query [3.2.2-3.2.4; later contract 2.12]: its scope (organization, device type, device) and
 * parameters. The endpoint's options make one request ({@link #of(IotfConfiguration)}, checked when the endpoint was
 * made); a message's headers override it ({@link #with(Message, int)}, checked per message).
 */
public record HistorianRequest(String org, String deviceType, String deviceId, String evtType, Long start, Long end,
        Integer top, String summarize, String summarizeType) {

    /** The request of the endpoint's options. */
    public static HistorianRequest of(IotfConfiguration c) {
        HistorianRequest request = new HistorianRequest(c.getOrg(), blankToNull(c.getDeviceType()),
                blankToNull(c.getDeviceId()), blankToNull(c.getEvent()), ValueRules.millis("The option start", c.getStart()),
                ValueRules.millis("The option end", c.getEnd()), c.getTop(), c.getSummarize(), c.getSummarizeType());
        request.checkScope("the option deviceType");
        return request;
    }

    /** This request with what the headers of {@code in} override; names may have {@code maxName} characters. */
    public HistorianRequest with(Message in, int maxName) {
        ValueRules.Rule<String, String> name = ValueRules.name(maxName);
        HistorianRequest request = new HistorianRequest(org,
                HeaderOrOption.find(in, IotfConstants.DEVICE_TYPE, deviceType, name),
                HeaderOrOption.find(in, IotfConstants.DEVICE_ID, deviceId, name),
                HeaderOrOption.find(in, IotfConstants.EVENT, evtType, ValueRules::level),
                HeaderOrOption.find(in, IotfConstants.HISTORIAN_START, Object.class, start, ValueRules::millis),
                HeaderOrOption.find(in, IotfConstants.HISTORIAN_END, Object.class, end, ValueRules::millis),
                HeaderOrOption.find(in, IotfConstants.HISTORIAN_TOP, Integer.class, top, ValueRules.range(1, 100)),
                HeaderOrOption.find(in, IotfConstants.HISTORIAN_SUMMARIZE, summarize, (subject, v) -> v),
                HeaderOrOption.find(in, IotfConstants.HISTORIAN_SUMMARIZE_TYPE, summarizeType, ValueRules::summarizeType));
        request.checkScope("the option deviceType or the header " + IotfConstants.DEVICE_TYPE);
        if (request.start != null && request.end != null && request.start > request.end) {
            throw new IllegalArgumentException("The historian query's start (" + request.start + ") is after its end ("
                    + request.end + ")");
        }
        return request;
    }

    /** A copy from {@code start} to {@code end}, for a consumer's polls. */
    public HistorianRequest between(Long start, Long end) {
        return new HistorianRequest(org, deviceType, deviceId, evtType, start, end, top, summarize, summarizeType);
    }

    private void checkScope(String typeSource) {
        if (deviceId != null && deviceType == null) {
            throw new IllegalArgumentException("A historian query for device '" + deviceId + "' also needs its type: set "
                    + typeSource);
        }
    }

    /** The path of the query's scope in {@code version}. */
    String path(IotfApiVersion version) {
        boolean v2 = version == IotfApiVersion.v0002;
        StringBuilder path = new StringBuilder("/historian");
        if (deviceType != null) {
            path.append(v2 ? "/types/" : "/").append(IotfRestClient.segment(deviceType));
            if (deviceId != null) {
                path.append(v2 ? "/devices/" : "/").append(IotfRestClient.segment(deviceId));
            }
        }
        return path.toString();
    }

    /** The query parameters [3.2.2, 3.2.3]; the page size is top in v0001, _limit in v0002 (later contract 1.3). */
    Map<String, String> parameters(IotfApiVersion version) {
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
            q.put(version == IotfApiVersion.v0002 ? "_limit" : "top", Integer.toString(top));
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

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() || "+".equals(value) ? null : value;
    }
}
