package io.cameliotf.iotf.mqtt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.DeferredContextBinding;
import org.apache.camel.NonManagedService;
import org.apache.camel.StaticService;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The health checks of the {@code iotf} producers. Camel's own {@code producers} repository is off unless
 * {@code camel.health.producersEnabled=true}; this one is on by default, so that a producer whose connection is down
 * shows at Camel's default settings, as a consumer does (each producer can be left out with the component's
 * {@code healthCheckProducerEnabled=false}). Camel finds it by its id, {@value #ID}, through
 * {@code META-INF/services/org/apache/camel/health-check/iotf-repository}.
 */
@org.apache.camel.spi.annotations.HealthCheck(IotfHealthCheckRepository.ID + "-repository")
@DeferredContextBinding
public final class IotfHealthCheckRepository extends ServiceSupport
        implements CamelContextAware, WritableHealthCheckRepository, StaticService, NonManagedService {

    public static final String ID = "iotf";

    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();
    private volatile CamelContext camelContext;
    private volatile boolean enabled = true;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Stream<HealthCheck> stream() {
        return camelContext != null && enabled ? checks.stream() : Stream.empty();
    }

    @Override
    public void addHealthCheck(HealthCheck check) {
        CamelContextAware.trySetCamelContext(check, camelContext);
        checks.add(check);
    }

    @Override
    public void removeHealthCheck(HealthCheck check) {
        checks.remove(check);
    }
}
