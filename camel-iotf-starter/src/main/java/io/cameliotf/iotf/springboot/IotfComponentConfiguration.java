package io.cameliotf.iotf.springboot;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The options of the iotf component, under {@code camel.component.iotf.*} (in kebab case: {@code
 * camel.component.iotf.auth-token}). Generated from the component's metadata (iotf.json) by
 * ConfigurationSource; do not edit: run {@code mvn -pl camel-iotf-starter test
 * -Dtest=IotfComponentConfigurationTest -Diotf.starter.update=true} after the component's options change.
 */
@ConfigurationProperties(prefix = "camel.component.iotf")
public class IotfComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * iotf:registry and iotf:historian: the base URL of the REST API. By default https://org.domain/api/ followed
     * by apiVersion (reference 3.1); set it to the local service's, for example http://127.0.0.1:8080 (the
     * /api/version part is added when missing).
     */
    private String apiBaseUrl;
    /**
     * iotf:registry and iotf:historian: the REST API version, v0002 (the later contract, which the running service
     * and IBM's current SDKs speak) or v0001 (the 2015 API, reference 3). An operation that a version lacks fails
     * when the route starts. When not set: the version apiBaseUrl ends with, else v0002.
     */
    private io.cameliotf.iotf.IotfApiVersion apiVersion;
    /**
     * The application id of an application client: its client id is a:org:appId (reference 5.3.1), or A:org:appId
     * when shared. By default one id per CamelContext, so all endpoints of a context share one connection. The
     * service allows one connection per client id: give every JVM its own appId, or use shared.
     */
    private String appId;
    /**
     * The MQTT server URI: tcp://host:1883, ssl://host:8883, ws:// or wss://. By default
     * ssl://org.messaging.domain:8883, and tcp://quickstart.messaging.domain:1883 for QuickStart (reference
     * 5.1.1-5.1.3).
     */
    private String brokerUrl;
    /**
     * MQTT clean session. Set false for a durable session: subscriptions and unacknowledged messages survive a
     * reconnect, which at-least-once delivery needs. QuickStart allows clean sessions only.
     */
    private Boolean cleanSession;
    /**
     * Whether to connect as an application (with an API key), as a device (with its token) (reference 5.1.4), or as
     * a gateway (with its token, for itself and the devices it serves; later contract 3.4).
     */
    private io.cameliotf.iotf.IotfClientType clientType;
    /**
     * The command id: sent (producers), or a filter (consumers; any command when not set).
     */
    private String command;
    /**
     * A configuration file of IBM's client libraries, in either format. The YAML file of IBM's current SDKs
     * (wiotp.sdk for Python, com.ibm.wiotp.sdk for Java), told by a .yaml or .yml name or a top-level identity,
     * auth or options key: identity (orgId, typeId, deviceId for a device; appId for an application), auth (token;
     * key for an application) and options (domain, logLevel, mqtt: port, transport, caFile, cleanStart, keepAlive,
     * sessionExpiry, instanceId, sharedSubscription; http: verify). Or the earlier INI file (reference 4.2.1,
     * 4.3.1): a device section (org, type, id, auth-method=token, auth-token) or an application section (org, id,
     * auth-method=apikey, auth-key, auth-token), plus optional domain. A gateway's identity is read as a device's:
     * from a gateway section, a YAML file with identity.classId: Gateway, or a device's file or variables with
     * clientType=gateway, typeId and deviceId giving gatewayType and gatewayId. The file fills the options that are
     * not set: options set on the endpoint or the component win over it. An unknown key or a wrong value fails the
     * endpoint, naming the file, line and key.
     */
    private String configFile;
    /**
     * Fill the options that are not set from the WIOTP_ environment variables of IBM's current SDKs, with their
     * names and meanings, so that an application migrating from them keeps its configuration: WIOTP_IDENTITY_ORGID,
     * WIOTP_IDENTITY_TYPEID, WIOTP_IDENTITY_DEVICEID (a device), WIOTP_IDENTITY_APPID, WIOTP_AUTH_KEY or
     * WIOTP_API_KEY (an application), WIOTP_AUTH_TOKEN or WIOTP_API_TOKEN, WIOTP_OPTIONS_DOMAIN and
     * WIOTP_OPTIONS_MQTT_PORT, _TRANSPORT, _CAFILE, _CLEANSTART, _KEEPALIVE, _SHAREDSUBSCRIPTION, _INSTANCEID.
     * Options set on the endpoint or the component, and the configFile, win over the environment. A wrong value
     * fails the endpoint, naming the variable.
     */
    private Boolean configFromEnvironment;
    /**
     * Options set once for every endpoint of this component; each endpoint can override them.
     */
    private io.cameliotf.iotf.IotfConfiguration configuration;
    /**
     * The device id, with the same roles and rules as deviceType.
     */
    private String deviceId;
    /**
     * The device type: a device client's own type; the device an application publishes for or sends commands to; a
     * filter for application consumers (any type when not set). At most 32 letters, digits, '-', '_', '.'
     * (reference 3.1.6).
     */
    private String deviceType;
    /**
     * The domain of the service, used for the default brokerUrl.
     */
    private String domain;
    /**
     * The event id: published under (producers), or a filter (consumers; any event when not set).
     */
    private String event;
    /**
     * The format string of events and commands: producers publish with it (json when not set); consumers filter by
     * it (any format when not set).
     */
    private String format;
    /**
     * A gateway client's own device id (clientType=gateway), with the rules of deviceId.
     */
    private String gatewayId;
    /**
     * A gateway client's own device type (clientType=gateway, a type of class Gateway): its client id is
     * g:org:gatewayType:gatewayId (later contract 3.4). deviceType and deviceId then name a device it serves.
     */
    private String gatewayType;
    /**
     * iotf:historian and iotf:registry lists: the most items an Iterator of allPages returns, or a historian
     * consumer holds for one poll.
     */
    private Integer maxResults;
    /**
     * The organization id (six characters on the hosted service), or quickstart for the QuickStart service, which
     * needs no credentials (reference 5.2.5, 5.3.9).
     */
    private String org;
    /**
     * The MQTT quality of service: 0, 1 or 2. When not set, the reference's advice (reference 5.1.5): 0 for events
     * and status, 2 for commands. Consumers subscribe with it; at 1 and 2 they acknowledge a message only once its
     * exchange completed.
     */
    private Integer qos;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will
     * use the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR
     * level and ignored.
     */
    private Boolean bridgeErrorHandler;
    /**
     * iotf:historian consumers: remembers the events emitted, across restarts (for example a
     * FileIdempotentRepository), so that an event is emitted once even when since replays a period again.
     */
    private org.apache.camel.spi.IdempotentRepository idempotentRepository;
    /**
     * iotf:historian consumers: how long, in milliseconds, an event must have been stored before it is emitted, so
     * that events the service writes late (it writes in batches) are not skipped.
     */
    private Long settleTime;
    /**
     * Connect as a scalable application (client id A:org:appId): all connections with the same appId, in this or
     * other JVMs, share their subscriptions, each message going to one of them.
     */
    private Boolean shared;
    /**
     * iotf:historian consumers: where to start, as epoch milliseconds, ISO 8601 text, or now (events stored from
     * the start of the consumer on). Use 0 to replay everything the historian holds.
     */
    private String since;
    /**
     * For app-status consumers: the application id to watch (all applications when not set).
     */
    private String watchAppId;
    /**
     * iotf:historian queries and iotf:registry list operations: answer with a lazily fetched Iterator over every
     * page in turn (which Camel's splitter can stream) instead of one page per call.
     */
    private Boolean allPages;
    /**
     * iotf:registry initiateMgmtRequest: wait until every device of the request is done and answer with their
     * IotfMgmtDeviceStatus list instead of the request (the status is polled, no longer than mgmtRequestTimeout).
     */
    private Boolean awaitCompletion;
    /**
     * Producers: how long a send waits for a lost connection to come back before it fails, in milliseconds (0: fail
     * at once). A send never drops a message silently.
     */
    private Long connectWaitTimeout;
    /**
     * iotf:historian queries: only events received at or before this time.
     */
    private String end;
    /**
     * Producers with transport=http: the base URL of HTTP messaging. By default
     * https://org.messaging.domain:8883/api/v0002 (http://quickstart.messaging.domain/api/v0002 for QuickStart).
     */
    private String httpMessagingUrl;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to
     * allow CamelContext and routes to startup in situations where a producer may otherwise fail during starting
     * and cause the route to fail being started. By deferring this startup to be lazy then the startup failure can
     * be handled during routing messages via Camel's routing error handlers. Beware that when the first message is
     * processed then creating and starting the producer may take a little time and prolong the total processing
     * time of the processing.
     */
    private Boolean lazyStartProducer;
    /**
     * iotf:registry initiateMgmtRequest: the device management action (device/reboot, device/factoryReset,
     * firmware/download, firmware/update or bundleId/actionId), unless the CamelIotfMgmtAction header or the body's
     * action gives one (later contract 2.14).
     */
    private String mgmtAction;
    /**
     * iotf:registry initiateMgmtRequest: cancel the firmware requests in progress that would block this one (the
     * service's override=true, later contract 2.14).
     */
    private Boolean mgmtOverride;
    /**
     * iotf:registry initiateMgmtRequest with awaitCompletion, and awaitMgmtRequest: how long to wait for the
     * request to complete, in milliseconds; then an IotfMgmtTimeoutException names the devices still in progress.
     */
    private Long mgmtRequestTimeout;
    /**
     * iotf:registry: the operation, unless the CamelIotfOperation header gives one (reference 3.1; later contract
     * 2). getDeviceType and the operations after it need apiVersion=v0002.
     */
    private io.cameliotf.iotf.rest.RegistryOperation operation;
    /**
     * iotf:registry list operations of v0002: items per page, 1 to 5000 (the service's default is 25). The answer
     * carries the CamelIotfBookmark header when there are more pages.
     */
    private Integer pageSize;
    /**
     * Producers: how long a QoS 1 or 2 send waits for the service's acknowledgement, in milliseconds.
     */
    private Long publishTimeout;
    /**
     * iotf:historian queries: only events received at or after this time, as epoch milliseconds or ISO 8601 text
     * (reference 3.2.2).
     */
    private String start;
    /**
     * iotf:historian queries: aggregate these fields of the events (field1,field2) instead of returning events; the
     * answer is an IotfHistorianSummary (reference 3.2.3).
     */
    private String summarize;
    /**
     * iotf:historian queries: the aggregation of summarize.
     */
    private String summarizeType;
    /**
     * iotf:historian queries: events per page, 1 to 100 (the service's default is 100) (reference 3.2.3).
     */
    private Integer top;
    /**
     * Producers of device-event and command: mqtt, or http to publish each message with one HTTPS POST (later
     * contract 2.11), for networks that block MQTT. Same headers, payloads and errors; over http a message is
     * handed to the service once it answers 200 (like QoS 0, the service keeps no copy).
     */
    private io.cameliotf.iotf.IotfTransport transport;
    /**
     * Producers: wrap a Map, JsonNode object or POJO body (or a JSON object text) as an IoTF message, {d: body, ts:
     * now} (reference 5.4.1). A body already in the IoTF format is sent as it is.
     */
    private Boolean wrapPayload;
    /**
     * The REST API's connect timeout, in milliseconds.
     */
    private Integer apiConnectTimeout;
    /**
     * The REST API's read timeout, in milliseconds.
     */
    private Integer apiReadTimeout;
    /**
     * Reconnect automatically, with exponential backoff, when the connection is lost or cannot be made.
     */
    private Boolean automaticReconnect;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS
     * connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled;
    /**
     * How long to wait for the service to accept a connection, in seconds.
     */
    private Integer connectionTimeout;
    /**
     * MQTT keep-alive interval in seconds.
     */
    private Integer keepAliveInterval;
    /**
     * How many QoS 1 and 2 messages may be published and not yet acknowledged at once on a connection.
     */
    private Integer maxInflight;
    /**
     * The longest wait between two reconnect attempts, in milliseconds.
     */
    private Integer maxReconnectDelay;
    /**
     * Where the MQTT client keeps QoS 1 and 2 messages in flight: memory, or file (in persistenceDirectory).
     */
    private String persistence;
    /**
     * The directory of file persistence.
     */
    private String persistenceDirectory;
    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled;
    /**
     * The API key of an application client (a-org-xxxxxxxxxx) (reference 5.3.2).
     */
    private String authKey;
    /**
     * The token of the API key (applications) or of the device (devices) (reference 5.2.2, 5.3.2).
     */
    private String authToken;
    /**
     * A PEM file of the certificates to trust for ssl://, wss:// and https:// (the service's certificate or its CA:
     * what the local service exports with --export-cert, what IBM's SDKs call caFile). Host names are verified
     * against the certificate. Not together with sslContextParameters.
     */
    private String caFile;
    /**
     * TLS settings for ssl://, wss:// and https:// (trust store, key store, protocols). For trust alone, caFile is
     * simpler.
     */
    private org.apache.camel.support.jsse.SSLContextParameters sslContextParameters;

    public String getApiBaseUrl() {
        return apiBaseUrl;
    }

    public void setApiBaseUrl(String apiBaseUrl) {
        this.apiBaseUrl = apiBaseUrl;
    }

    public io.cameliotf.iotf.IotfApiVersion getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(io.cameliotf.iotf.IotfApiVersion apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getBrokerUrl() {
        return brokerUrl;
    }

    public void setBrokerUrl(String brokerUrl) {
        this.brokerUrl = brokerUrl;
    }

    public Boolean getCleanSession() {
        return cleanSession;
    }

    public void setCleanSession(Boolean cleanSession) {
        this.cleanSession = cleanSession;
    }

    public io.cameliotf.iotf.IotfClientType getClientType() {
        return clientType;
    }

    public void setClientType(io.cameliotf.iotf.IotfClientType clientType) {
        this.clientType = clientType;
    }

    public String getCommand() {
        return command;
    }

    public void setCommand(String command) {
        this.command = command;
    }

    public String getConfigFile() {
        return configFile;
    }

    public void setConfigFile(String configFile) {
        this.configFile = configFile;
    }

    public Boolean getConfigFromEnvironment() {
        return configFromEnvironment;
    }

    public void setConfigFromEnvironment(Boolean configFromEnvironment) {
        this.configFromEnvironment = configFromEnvironment;
    }

    public io.cameliotf.iotf.IotfConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(io.cameliotf.iotf.IotfConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public String getDeviceType() {
        return deviceType;
    }

    public void setDeviceType(String deviceType) {
        this.deviceType = deviceType;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getGatewayId() {
        return gatewayId;
    }

    public void setGatewayId(String gatewayId) {
        this.gatewayId = gatewayId;
    }

    public String getGatewayType() {
        return gatewayType;
    }

    public void setGatewayType(String gatewayType) {
        this.gatewayType = gatewayType;
    }

    public Integer getMaxResults() {
        return maxResults;
    }

    public void setMaxResults(Integer maxResults) {
        this.maxResults = maxResults;
    }

    public String getOrg() {
        return org;
    }

    public void setOrg(String org) {
        this.org = org;
    }

    public Integer getQos() {
        return qos;
    }

    public void setQos(Integer qos) {
        this.qos = qos;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public org.apache.camel.spi.IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(org.apache.camel.spi.IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public Long getSettleTime() {
        return settleTime;
    }

    public void setSettleTime(Long settleTime) {
        this.settleTime = settleTime;
    }

    public Boolean getShared() {
        return shared;
    }

    public void setShared(Boolean shared) {
        this.shared = shared;
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public String getWatchAppId() {
        return watchAppId;
    }

    public void setWatchAppId(String watchAppId) {
        this.watchAppId = watchAppId;
    }

    public Boolean getAllPages() {
        return allPages;
    }

    public void setAllPages(Boolean allPages) {
        this.allPages = allPages;
    }

    public Boolean getAwaitCompletion() {
        return awaitCompletion;
    }

    public void setAwaitCompletion(Boolean awaitCompletion) {
        this.awaitCompletion = awaitCompletion;
    }

    public Long getConnectWaitTimeout() {
        return connectWaitTimeout;
    }

    public void setConnectWaitTimeout(Long connectWaitTimeout) {
        this.connectWaitTimeout = connectWaitTimeout;
    }

    public String getEnd() {
        return end;
    }

    public void setEnd(String end) {
        this.end = end;
    }

    public String getHttpMessagingUrl() {
        return httpMessagingUrl;
    }

    public void setHttpMessagingUrl(String httpMessagingUrl) {
        this.httpMessagingUrl = httpMessagingUrl;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public String getMgmtAction() {
        return mgmtAction;
    }

    public void setMgmtAction(String mgmtAction) {
        this.mgmtAction = mgmtAction;
    }

    public Boolean getMgmtOverride() {
        return mgmtOverride;
    }

    public void setMgmtOverride(Boolean mgmtOverride) {
        this.mgmtOverride = mgmtOverride;
    }

    public Long getMgmtRequestTimeout() {
        return mgmtRequestTimeout;
    }

    public void setMgmtRequestTimeout(Long mgmtRequestTimeout) {
        this.mgmtRequestTimeout = mgmtRequestTimeout;
    }

    public io.cameliotf.iotf.rest.RegistryOperation getOperation() {
        return operation;
    }

    public void setOperation(io.cameliotf.iotf.rest.RegistryOperation operation) {
        this.operation = operation;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public Long getPublishTimeout() {
        return publishTimeout;
    }

    public void setPublishTimeout(Long publishTimeout) {
        this.publishTimeout = publishTimeout;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getSummarize() {
        return summarize;
    }

    public void setSummarize(String summarize) {
        this.summarize = summarize;
    }

    public String getSummarizeType() {
        return summarizeType;
    }

    public void setSummarizeType(String summarizeType) {
        this.summarizeType = summarizeType;
    }

    public Integer getTop() {
        return top;
    }

    public void setTop(Integer top) {
        this.top = top;
    }

    public io.cameliotf.iotf.IotfTransport getTransport() {
        return transport;
    }

    public void setTransport(io.cameliotf.iotf.IotfTransport transport) {
        this.transport = transport;
    }

    public Boolean getWrapPayload() {
        return wrapPayload;
    }

    public void setWrapPayload(Boolean wrapPayload) {
        this.wrapPayload = wrapPayload;
    }

    public Integer getApiConnectTimeout() {
        return apiConnectTimeout;
    }

    public void setApiConnectTimeout(Integer apiConnectTimeout) {
        this.apiConnectTimeout = apiConnectTimeout;
    }

    public Integer getApiReadTimeout() {
        return apiReadTimeout;
    }

    public void setApiReadTimeout(Integer apiReadTimeout) {
        this.apiReadTimeout = apiReadTimeout;
    }

    public Boolean getAutomaticReconnect() {
        return automaticReconnect;
    }

    public void setAutomaticReconnect(Boolean automaticReconnect) {
        this.automaticReconnect = automaticReconnect;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Integer getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(Integer connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public Integer getKeepAliveInterval() {
        return keepAliveInterval;
    }

    public void setKeepAliveInterval(Integer keepAliveInterval) {
        this.keepAliveInterval = keepAliveInterval;
    }

    public Integer getMaxInflight() {
        return maxInflight;
    }

    public void setMaxInflight(Integer maxInflight) {
        this.maxInflight = maxInflight;
    }

    public Integer getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    public void setMaxReconnectDelay(Integer maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }

    public String getPersistence() {
        return persistence;
    }

    public void setPersistence(String persistence) {
        this.persistence = persistence;
    }

    public String getPersistenceDirectory() {
        return persistenceDirectory;
    }

    public void setPersistenceDirectory(String persistenceDirectory) {
        this.persistenceDirectory = persistenceDirectory;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getAuthKey() {
        return authKey;
    }

    public void setAuthKey(String authKey) {
        this.authKey = authKey;
    }

    public String getAuthToken() {
        return authToken;
    }

    public void setAuthToken(String authToken) {
        this.authToken = authToken;
    }

    public String getCaFile() {
        return caFile;
    }

    public void setCaFile(String caFile) {
        this.caFile = caFile;
    }

    public org.apache.camel.support.jsse.SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }
}
