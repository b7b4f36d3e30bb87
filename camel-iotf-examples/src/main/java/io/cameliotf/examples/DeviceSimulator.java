package io.cameliotf.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated sensors: each call gives a device's next reading (a temperature that swings across the rule's threshold,
 * a humidity), and remembers what was sent so the demo can compare it with what the historian stored.
 */
public class DeviceSimulator {

    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final DemoStats stats;

    public DeviceSimulator(DemoStats stats) {
        this.stats = stats;
    }

    /** The next reading of {@code device}, as the Map the producer wraps into {"d": ..., "ts": ...}. */
    public Map<String, Object> next(String device) {
        long seq = sequences.computeIfAbsent(device, d -> new AtomicLong()).incrementAndGet();
        double phase = seq / 8.0 + (device.hashCode() & 7);
        // two decimals, so that what is sent and what the historian sums up compare exactly
        double temp = Math.round((23.0 + 4.0 * Math.sin(phase)) * 100) / 100.0;
        double hum = Math.round((45.0 + 10.0 * Math.cos(phase / 2)) * 100) / 100.0;
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("temp", temp);
        reading.put("hum", hum);
        reading.put("seq", seq);
        stats.sent(device, temp);
        return reading;
    }
}
