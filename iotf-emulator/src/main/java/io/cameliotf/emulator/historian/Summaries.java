package io.cameliotf.emulator.historian;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The aggregations of the historian's {@code summarize} [3.2.3, 3.2.4] over the numeric values of top-level fields
 * of the events' {@code evt}. Values that are missing or not numbers are skipped; a field with no values gives null
 * (count gives 0). Standard deviation and variance are of the population (divided by n).
 */
public final class Summaries {

    /** The summarize_type values [3.2.3], in the order the reference lists them. */
    public static final List<String> TYPE_ORDER = List.of("avg", "count", "min", "max", "sum", "range", "stdev",
            "variance");
    public static final Set<String> TYPES = Set.copyOf(TYPE_ORDER);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String type;
    private final Map<String, Stats> stats = new LinkedHashMap<>();

    public Summaries(List<String> fields, String type) {
        this.type = type;
        for (String field : fields) {
            stats.put(field, new Stats());
        }
    }

    /** Adds the values of one event's {@code evt}. */
    public void add(JsonNode evt) {
        for (Map.Entry<String, Stats> s : stats.entrySet()) {
            JsonNode value = evt.get(s.getKey());
            if (value != null && value.isNumber()) {
                s.getValue().add(value.asDouble());
            }
        }
    }

    /** The result: one value per field. */
    public ObjectNode result() {
        ObjectNode out = JSON.createObjectNode();
        for (Map.Entry<String, Stats> s : stats.entrySet()) {
            Stats st = s.getValue();
            if (type.equals("count")) {
                out.put(s.getKey(), st.n);
            } else if (st.n == 0) {
                out.putNull(s.getKey());
            } else {
                out.put(s.getKey(), st.value(type));
            }
        }
        return out;
    }

    /** Running statistics (Welford's method, stable for large counts). */
    private static final class Stats {
        long n;
        double mean;
        double m2;
        double sum;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(double x) {
            n++;
            double delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }

        double value(String type) {
            switch (type) {
                case "avg":
                    return mean;
                case "min":
                    return min;
                case "max":
                    return max;
                case "sum":
                    return sum;
                case "range":
                    return max - min;
                case "variance":
                    return m2 / n;
                case "stdev":
                    return Math.sqrt(m2 / n);
                default:
                    throw new IllegalArgumentException(type);
            }
        }
    }
}
