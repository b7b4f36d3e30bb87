package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of a historian query with {@code summarize}: one aggregate per field over every matching event
 * [3.2.3, 3.2.4]; a field with no numeric value is null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfHistorianSummary implements IotfModel {

    private String evtType;
    private String summarizeType;
    private Instant newest;
    private Map<String, Double> values = new LinkedHashMap<>();

    public IotfHistorianSummary() {
    }

    public IotfHistorianSummary(String evtType, String summarizeType, Instant newest, Map<String, Double> values) {
        this.evtType = evtType;
        this.summarizeType = summarizeType;
        this.newest = newest;
        this.values = values;
    }

    public String getEvtType() {
        return evtType;
    }

    public String getSummarizeType() {
        return summarizeType;
    }

    /** The time of the newest event summarized, or null when none matched. */
    public Instant getNewest() {
        return newest;
    }

    public Map<String, Double> getValues() {
        return values;
    }

    /** The aggregate of one field, or null. */
    public Double get(String field) {
        return values.get(field);
    }

    @Override
    public String toString() {
        return "IotfHistorianSummary[" + summarizeType + " " + values + "]";
    }
}
