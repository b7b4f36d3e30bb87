package io.cameliotf.iotf.mqtt;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters of each connection, in the Micrometer registry of the CamelContext (camel-micrometer's
 * {@code metricsRegistry}, Spring Boot's {@code MeterRegistry}), tagged {@code camelContext} and {@code clientId}:
 * added when a connection opens, removed when it closes. They read the connection's counters when scraped; nothing
 * is done per message. Used only when Micrometer is on the classpath (see {@link Metrics}).
 */
final class IotfMeters implements IotfConnections.Listener {

    /** The name camel-micrometer binds its registry under, preferred when the registry holds several. */
    static final String CAMEL_REGISTRY_NAME = "metricsRegistry";
    private static final Logger LOG = LoggerFactory.getLogger(IotfMeters.class);

    private final MeterRegistry registry;
    private final String camelContext;
    private final Map<IotfConnection, List<Meter>> meters = new ConcurrentHashMap<>();

    private IotfMeters(MeterRegistry registry, String camelContext) {
        this.registry = registry;
        this.camelContext = camelContext;
    }

    /** Adds the meters of every connection opened from now on; false when the context has no MeterRegistry. */
    static boolean bind(CamelContext context, IotfConnections connections) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType(CAMEL_REGISTRY_NAME, MeterRegistry.class);
        if (registry == null) {
            registry = only(context.getRegistry().findByType(MeterRegistry.class));
        }
        if (registry == null) {
            return false;
        }
        connections.addListener(new IotfMeters(registry, context.getName()));
        return true;
    }

    /**
     * The one registry of {@code all}; of several, the one composite (Spring Boot's, which feeds every backend it
     * has); otherwise none, logged: which to use is then the application's to say, by naming it metricsRegistry.
     */
    private static MeterRegistry only(Set<MeterRegistry> all) {
        if (all.size() == 1) {
            return all.iterator().next();
        }
        List<MeterRegistry> composites = all.stream().filter(CompositeMeterRegistry.class::isInstance).toList();
        if (composites.size() == 1) {
            return composites.get(0);
        }
        if (!all.isEmpty()) {
            LOG.info("{} MeterRegistry beans and none named {}: the IoTF connection meters are off; name the one to "
                    + "use {}", all.size(), CAMEL_REGISTRY_NAME, CAMEL_REGISTRY_NAME);
        }
        return null;
    }

    @Override
    public void opened(IotfConnection c) {
        ConnectionStats s = c.stats();
        Tags tags = Tags.of("camelContext", camelContext, "clientId", c.clientId());
        meters.put(c, List.of(
                Gauge.builder("camel.iotf.connection.connected", s, x -> x.isConnected() ? 1 : 0).tags(tags)
                        .description("1 while the MQTT connection is up, 0 while it is down").register(registry),
                Gauge.builder("camel.iotf.connection.inflight", s, ConnectionStats::inFlight).tags(tags)
                        .description("QoS 1 and 2 messages published and not acknowledged yet").register(registry),
                Gauge.builder("camel.iotf.connection.subscriptions", s, x -> x.subscriptions().size()).tags(tags)
                        .description("The consumers' subscriptions on the connection").register(registry),
                FunctionCounter.builder("camel.iotf.connection.reconnects", s, ConnectionStats::reconnects).tags(tags)
                        .description("Connections made again after the first").register(registry),
                FunctionCounter.builder("camel.iotf.messages.received", s, ConnectionStats::messagesIn).tags(tags)
                        .description("Messages the service delivered (redeliveries included)").register(registry),
                FunctionCounter.builder("camel.iotf.messages.sent", s, ConnectionStats::messagesOut).tags(tags)
                        .description("Messages published to the service").register(registry)));
    }

    @Override
    public void closed(IotfConnection c) {
        List<Meter> gone = meters.remove(c);
        if (gone != null) {
            gone.forEach(registry::remove);
        }
    }
}
