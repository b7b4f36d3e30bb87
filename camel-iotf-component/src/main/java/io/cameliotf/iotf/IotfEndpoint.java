package io.cameliotf.iotf;

import io.cameliotf.iotf.http.IotfHttpProducer;
import io.cameliotf.iotf.mgmt.IotfMgmtConfiguration;
import io.cameliotf.iotf.mgmt.IotfMgmtConsumer;
import io.cameliotf.iotf.mgmt.IotfMgmtProducer;
import io.cameliotf.iotf.mqtt.ConnectionSettings;
import io.cameliotf.iotf.mqtt.IotfMqttConsumer;
import io.cameliotf.iotf.mqtt.IotfMqttProducer;
import io.cameliotf.iotf.rest.IotfHistorianConsumer;
import io.cameliotf.iotf.rest.IotfHistorianProducer;
import io.cameliotf.iotf.rest.IotfRegistryProducer;
import io.cameliotf.iotf.rest.IotfRestClient;
import io.cameliotf.iotf.tls.PemTrust;
import java.nio.file.Path;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Exchange device events, commands and status messages with the IBM Internet of Things Foundation, manage its device
 * registry and query its historian.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "iotf", title = "IBM IoT Foundation", syntax = "iotf:kind",
        category = {Category.IOT, Category.MESSAGING}, headersClass = IotfConstants.class)
public class IotfEndpoint extends ScheduledPollEndpoint {

    /**
     * What the endpoint is about: device-event (device events), command (device commands), device-status or
     * app-status (status messages, consumer only) over MQTT; registry (device management, producer only) or historian
     * (stored events: queries, and a polling consumer) over the REST API; gateway-notify (what the service refused a
     * gateway, consumer only); device-management (a managed device's or gateway's management requests, consumer, and
     * reports, producer) over MQTT.
     */
    @UriPath(enums = IotfKind.NAMES)
    @Metadata(required = true)
    private String kind;
    @UriParam
    private IotfConfiguration configuration;
    @UriParam
    private IotfMgmtConfiguration mgmtConfiguration = new IotfMgmtConfiguration();

    private final IotfKind iotfKind;

    public IotfEndpoint(String uri, IotfComponent component, String kind, IotfKind iotfKind,
            IotfConfiguration configuration) {
        super(uri, component);
        this.kind = kind;
        this.iotfKind = iotfKind;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() throws Exception {
        EndpointRules.checkProducer(iotfKind, configuration);
        switch (iotfKind) {
            case REGISTRY:
                return new IotfRegistryProducer(this);
            case HISTORIAN:
                return new IotfHistorianProducer(this);
            case DEVICE_MANAGEMENT:
                return new IotfMgmtProducer(this);
            default:
                return configuration.getTransport() == IotfTransport.http ? new IotfHttpProducer(this)
                        : new IotfMqttProducer(this);
        }
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        EndpointRules.checkConsumer(iotfKind, configuration);
        Consumer consumer = iotfKind == IotfKind.HISTORIAN ? new IotfHistorianConsumer(this, processor)
                : iotfKind == IotfKind.DEVICE_MANAGEMENT ? new IotfMgmtConsumer(this, processor)
                : new IotfMqttConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** A client of the REST API with this endpoint's base URL, credentials, TLS and timeouts. */
    public IotfRestClient restClient() throws Exception {
        IotfConfiguration c = configuration;
        return new IotfRestClient(c.effectiveApiBaseUrl(), c.getAuthKey(), c.getAuthToken(), sslContext(),
                c.getApiConnectTimeout(), c.getApiReadTimeout());
    }

    /**
     * A client of HTTP messaging (later contract 2.11): the API key, or use-token-auth and the device's token, or no
     * credentials for QuickStart.
     */
    public IotfRestClient httpMessagingClient() throws Exception {
        IotfConfiguration c = configuration;
        String user = c.isQuickstart() ? null : c.username();
        return new IotfRestClient(c.effectiveHttpMessagingUrl(), user, c.getAuthToken(), sslContext(),
                c.getApiConnectTimeout(), c.getApiReadTimeout());
    }

    /**
     * The TLS context of this endpoint: trusting caFile's certificates, or made by sslContextParameters, or null for
     * the JDK's default.
     */
    SSLContext sslContext() throws Exception {
        IotfConfiguration c = configuration;
        if (c.getCaFile() != null) {
            return PemTrust.sslContext(Path.of(c.getCaFile()));
        }
        return c.getSslContextParameters() != null ? c.getSslContextParameters().createSSLContext(getCamelContext())
                : null;
    }

    /** The longest device type or id this endpoint's contract allows (32 in API v0001, else 36). */
    public int maxNameLength() {
        return EndpointRules.maxName(iotfKind, configuration);
    }

    @Override
    public IotfComponent getComponent() {
        return (IotfComponent) super.getComponent();
    }

    public IotfKind getIotfKind() {
        return iotfKind;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    /** The options of iotf:device-management [later §3.5]. */
    public IotfMgmtConfiguration getMgmtConfiguration() {
        return mgmtConfiguration;
    }

    public void setMgmtConfiguration(IotfMgmtConfiguration mgmtConfiguration) {
        this.mgmtConfiguration = mgmtConfiguration;
    }

    public IotfConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(IotfConfiguration configuration) {
        this.configuration = configuration;
    }

    /** What the connection of this endpoint is made with. */
    public ConnectionSettings connectionSettings() throws Exception {
        IotfConfiguration c = configuration;
        String url = c.effectiveBrokerUrl();
        boolean tls = url.startsWith("ssl://") || url.startsWith("wss://");
        SocketFactory factory;
        if (tls) {
            SSLContext ssl = sslContext();
            factory = (ssl != null ? ssl : SSLContext.getDefault()).getSocketFactory();
        } else {
            factory = SocketFactory.getDefault();
        }
        return new ConnectionSettings(url, c.clientId(), c.username(), c.getAuthToken(), c.isCleanSession(),
                c.getKeepAliveInterval(), c.getConnectionTimeout(), c.getMaxInflight(), c.isAutomaticReconnect(),
                c.getMaxReconnectDelay(), "file".equals(c.getPersistence()) ? c.getPersistenceDirectory() : null,
                ConnectionSettings.noDelay(factory));
    }
}
