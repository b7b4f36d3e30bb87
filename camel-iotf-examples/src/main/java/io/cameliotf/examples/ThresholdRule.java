package io.cameliotf.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's rule: when a sensor's temperature crosses the threshold, close the valve; when it falls back, open it.
 * Only crossings count, so the valve is not flooded with commands.
 */
public class ThresholdRule {

    private static final Logger LOG = LoggerFactory.getLogger("rule");

    private final double threshold;
    private final Map<String, Boolean> above = new ConcurrentHashMap<>();

    public ThresholdRule(double threshold) {
        this.threshold = threshold;
    }

    /** True when this reading crossed the threshold, up or down. */
    public boolean crossed(Reading reading) {
        boolean now = reading.getTemp() > threshold;
        Boolean before = above.put(reading.getDevice(), now);
        return before != null && before != now;
    }

    /** The command for the valve: closed while a sensor is above the threshold. */
    public Map<String, Object> command(Reading reading) {
        boolean open = reading.getTemp() <= threshold;
        LOG.info("{} temp {} {} {}: sending setValve open={} to valve/v1", reading.getDevice(), reading.getTemp(),
                open ? "fell back to" : "crossed", threshold, open);
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("open", open);
        command.put("cause", reading.getDevice());
        return command;
    }
}
