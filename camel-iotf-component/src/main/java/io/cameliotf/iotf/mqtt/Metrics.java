package io.cameliotf.iotf.mqtt;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection meters when Micrometer is there: this class names no Micrometer type, so the component runs without it
 * (it is an optional dependency); {@link IotfMeters} does the work.
 */
public final class Metrics {

    private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);
    private static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";

    private Metrics() {
    }

    /** Adds each connection's meters to the context's MeterRegistry, when Micrometer is present and one is bound. */
    public static void bind(CamelContext context, IotfConnections connections) {
        try {
            Class.forName(MICROMETER, false, Metrics.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return;
        }
        if (IotfMeters.bind(context, connections)) {
            LOG.debug("IoTF connection meters go to the MeterRegistry of {}", context.getName());
        }
    }
}
