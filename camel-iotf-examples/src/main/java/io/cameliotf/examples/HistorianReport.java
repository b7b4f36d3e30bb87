package io.cameliotf.examples;

import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.model.IotfHistorianSummary;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At the end of the demo: per-device average, minimum and maximum temperature from the historian (one summarize
 * query each), next to what the simulated devices sent.
 */
public class HistorianReport {

    private static final Logger LOG = LoggerFactory.getLogger("historian");

    /** For each device: avg, min, max as the historian computed them. */
    private final Map<String, double[]> result = new LinkedHashMap<>();
    private final DemoStats stats;
    private final String historianUri;

    public HistorianReport(DemoStats stats, String historianUri) {
        this.stats = stats;
        this.historianUri = historianUri;
    }

    public void report(Exchange exchange) {
        ProducerTemplate template = exchange.getContext().createProducerTemplate();
        LOG.info("Per-device temperature from the historian (and what the devices sent):");
        stats.sentByDevice().forEach((device, sent) -> {
            double[] values = new double[3];
            String[] types = {"avg", "min", "max"};
            for (int i = 0; i < types.length; i++) {
                values[i] = summary(template, device, types[i]);
            }
            result.put(device, values);
            LOG.info("  {}: avg {} min {} max {}  (sent {} readings: avg {} min {} max {})", device,
                    String.format("%.2f", values[0]), values[1], values[2], sent.count(), String.format("%.2f", sent.avg()),
                    sent.min(), sent.max());
        });
    }

    /**
     * Waits until the historian holds every reading each device sent (the service stores events in batches, a little
     * after they arrive), at most {@code maxWait}; a shortfall is logged, and the report shows it.
     */
    public void awaitStored(ProducerTemplate template, Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        for (Map.Entry<String, DemoStats.Sent> e : stats.sentByDevice().entrySet()) {
            double stored;
            while ((stored = summary(template, e.getKey(), "count")) < e.getValue().count()) {
                if (System.nanoTime() > deadline) {
                    LOG.warn("The historian holds {} of the {} readings {} sent", (long) stored, e.getValue().count(),
                            e.getKey());
                    break;
                }
                Thread.sleep(200);
            }
        }
    }

    /** One summarize query of the temperature of {@code device}; NaN when the historian has nothing. */
    private double summary(ProducerTemplate template, String device, String type) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(IotfConstants.DEVICE_ID, device);
        headers.put(IotfConstants.HISTORIAN_SUMMARIZE, "temp");
        headers.put(IotfConstants.HISTORIAN_SUMMARIZE_TYPE, type);
        IotfHistorianSummary summary = template.requestBodyAndHeaders(historianUri, null, headers,
                IotfHistorianSummary.class);
        Double value = summary.get("temp");
        return value == null ? Double.NaN : value;
    }

    public Map<String, double[]> result() {
        return result;
    }
}
