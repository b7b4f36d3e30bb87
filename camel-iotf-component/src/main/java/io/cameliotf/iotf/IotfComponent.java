package io.cameliotf.iotf;

import io.cameliotf.iotf.config.IbmConfigFile;
import io.cameliotf.iotf.config.OptionFiller;
import io.cameliotf.iotf.config.WiotpEnvironment;
import io.cameliotf.iotf.mgmt.MgmtRules;
import io.cameliotf.iotf.mqtt.IotfConnections;
import io.cameliotf.iotf.mqtt.Metrics;
import io.cameliotf.iotf.payload.ScopedJsonNodeConverter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.StartupListener;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code iotf:} component: IBM Internet of Things Foundation device events, commands and status over MQTT. It
 * holds the options shared by all its endpoints and one MQTT connection per client id.
 */
@Component("iotf")
public class IotfComponent extends HealthCheckComponent {

    /** Options set once for every endpoint of this component; each endpoint can override them. */
    @Metadata
    private IotfConfiguration configuration = new IotfConfiguration();

    private ScheduledExecutorService scheduler;
    private IotfConnections connections;
    private String defaultAppId;
    /** The WIOTP_* variables of configFromEnvironment; tests give their own. */
    private Map<String, String> environment = System.getenv();

    public IotfComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        IotfKind kind = IotfKind.of(remaining);
        IotfConfiguration config = configuration.copy();
        IotfEndpoint endpoint = new IotfEndpoint(uri, this, remaining, kind, config);
        Set<String> endpointOptions = Set.copyOf(parameters.keySet()); // setProperties removes what it sets
        setProperties(endpoint, parameters);
        // endpoint and component options win over the configFile, which wins over the environment
        OptionFiller filler = new OptionFiller(config, endpointOptions);
        if (config.getConfigFile() != null) {
            filler.fill(IbmConfigFile.read(Path.of(config.getConfigFile())));
        }
        if (config.isConfigFromEnvironment()) {
            filler.fill(WiotpEnvironment.read(environment, filler.clientTypeIfSet()));
        }
        if (config.getAppId() == null) {
            config.setAppId(defaultAppId());
        }
        EndpointRules.checkEndpoint(kind, config);
        if (kind == IotfKind.DEVICE_MANAGEMENT) {
            MgmtRules.check(config, endpoint.getMgmtConfiguration());
        }
        return endpoint;
    }

    /** One application id per CamelContext, so that its endpoints share one connection. */
    synchronized String defaultAppId() {
        if (defaultAppId == null) {
            StringBuilder name = new StringBuilder();
            for (char c : getCamelContext().getName().toLowerCase(Locale.ROOT).toCharArray()) {
                name.append(c < 128 && Character.isLetterOrDigit(c) ? c : '-');
            }
            defaultAppId = "camel-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        }
        return defaultAppId;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // JsonNode of an iotf: payload by this component's rules; other exchanges still get camel-jackson's
        ScopedJsonNodeConverter.install(getCamelContext().getTypeConverterRegistry());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        scheduler = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "iotf-connections");
        connections = new IotfConnections(scheduler, () -> !getCamelContext().isStarted());
        Metrics.bind(getCamelContext(), connections);
        IotfConnections started = connections;
        getCamelContext().addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // routes are started after this; see onCamelContextFullyStarted
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                started.contextStarted();
            }
        });
    }

    @Override
    protected void doStop() throws Exception {
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdown(scheduler);
            scheduler = null;
        }
        super.doStop();
    }

    /** Replaces the process environment that configFromEnvironment reads (for tests). */
    void useEnvironment(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The MQTT connections of this component, one per client id. */
    public IotfConnections getConnections() {
        return connections;
    }

    public IotfConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(IotfConfiguration configuration) {
        this.configuration = configuration;
    }

}
