package io.cameliotf.iotf;

import io.cameliotf.iotf.rules.ValueRules;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of an {@code iotf:} endpoint, named after the IoTF client options (reference 4.2.1, 4.3.1). Every option can be
 * set once on the component and overridden per endpoint.
 */
@UriParams
public class IotfConfiguration implements Cloneable {

    /** The default domain of the IoTF service (reference 5.1.1). */
    public static final String DEFAULT_DOMAIN = "internetofthings.ibmcloud.com";

    /**
     * The organization id (six characters on the hosted service), or quickstart for the QuickStart service, which
     * needs no credentials (reference 5.2.5, 5.3.9).
     */
    @UriParam
    private String org;
    /**
     * Whether to connect as an application (with an API key), as a device (with its token) (reference 5.1.4), or as a
     * gateway (with its token, for itself and the devices it serves; later contract 3.4).
     */
    @UriParam(defaultValue = "application")
    private IotfClientType clientType = IotfClientType.application;
    /**
     * The application id of an application client: its client id is a:org:appId (reference 5.3.1), or A:org:appId when shared.
     * By default one id per CamelContext, so all endpoints of a context share one connection. The service allows one
     * connection per client id: give every JVM its own appId, or use shared.
     */
    @UriParam
    private String appId;
    /**
     * The device type: a device client's own type; the device an application publishes for or sends commands to; a
     * filter for application consumers (any type when not set). At most 32 letters, digits, '-', '_', '.' (reference 3.1.6).
     */
    @UriParam
    private String deviceType;
    /** The device id, with the same roles and rules as deviceType. */
    @UriParam
    private String deviceId;
    /**
     * A gateway client's own device type (clientType=gateway, a type of class Gateway): its client id is
     * g:org:gatewayType:gatewayId (later contract 3.4). deviceType and deviceId then name a device it serves.
     */
    @UriParam
    private String gatewayType;
    /** A gateway client's own device id (clientType=gateway), with the rules of deviceId. */
    @UriParam
    private String gatewayId;
    /** The API key of an application client (a-org-xxxxxxxxxx) (reference 5.3.2). */
    @UriParam(label = "security", secret = true)
    private String authKey;
    /** The token of the API key (applications) or of the device (devices) (reference 5.2.2, 5.3.2). */
    @UriParam(label = "security", secret = true)
    private String authToken;
    /** The event id: published under (producers), or a filter (consumers; any event when not set). */
    @UriParam
    private String event;
    /** The command id: sent (producers), or a filter (consumers; any command when not set). */
    @UriParam
    private String command;
    /**
     * The format string of events and commands: producers publish with it (json when not set); consumers filter by
     * it (any format when not set).
     */
    @UriParam
    private String format;
    /**
     * The MQTT quality of service: 0, 1 or 2. When not set, the reference's advice (reference 5.1.5): 0 for events and status,
     * 2 for commands. Consumers subscribe with it; at 1 and 2 they acknowledge a message only once its exchange
     * completed.
     */
    @UriParam(enums = "0,1,2")
    private Integer qos;
    /**
     * MQTT clean session. Set false for a durable session: subscriptions and unacknowledged messages survive a
     * reconnect, which at-least-once delivery needs. QuickStart allows clean sessions only.
     */
    @UriParam(defaultValue = "true")
    private boolean cleanSession = true;
    /**
     * Connect as a scalable application (client id A:org:appId): all connections with the same appId, in this or
     * other JVMs, share their subscriptions, each message going to one of them.
     */
    @UriParam(label = "consumer")
    private boolean shared;
    /** For app-status consumers: the application id to watch (all applications when not set). */
    @UriParam(label = "consumer")
    private String watchAppId;
    /**
     * The MQTT server URI: tcp://host:1883, ssl://host:8883, ws:// or wss://. By default ssl://org.messaging.domain:8883,
     * and tcp://quickstart.messaging.domain:1883 for QuickStart (reference 5.1.1-5.1.3).
     */
    @UriParam
    private String brokerUrl;
    /** The domain of the service, used for the default brokerUrl. */
    @UriParam(defaultValue = DEFAULT_DOMAIN)
    private String domain = DEFAULT_DOMAIN;
    /**
     * TLS settings for ssl://, wss:// and https:// (trust store, key store, protocols). For trust alone, caFile is
     * simpler.
     */
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    /**
     * A PEM file of the certificates to trust for ssl://, wss:// and https:// (the service's certificate or its CA:
     * what the local service exports with --export-cert, what IBM's SDKs call caFile). Host names are verified
     * against the certificate. Not together with sslContextParameters.
     */
    @UriParam(label = "security")
    private String caFile;
    /** MQTT keep-alive interval in seconds. */
    @UriParam(label = "advanced", defaultValue = "60")
    private int keepAliveInterval = 60;
    /** How long to wait for the service to accept a connection, in seconds. */
    @UriParam(label = "advanced", defaultValue = "30")
    private int connectionTimeout = 30;
    /** How many QoS 1 and 2 messages may be published and not yet acknowledged at once on a connection. */
    @UriParam(label = "advanced", defaultValue = "100")
    private int maxInflight = 100;
    /** Reconnect automatically, with exponential backoff, when the connection is lost or cannot be made. */
    @UriParam(label = "advanced", defaultValue = "true")
    private boolean automaticReconnect = true;
    /** The longest wait between two reconnect attempts, in milliseconds. */
    @UriParam(label = "advanced", defaultValue = "30000")
    private int maxReconnectDelay = 30_000;
    /** Where the MQTT client keeps QoS 1 and 2 messages in flight: memory, or file (in persistenceDirectory). */
    @UriParam(label = "advanced", defaultValue = "memory", enums = "memory,file")
    private String persistence = "memory";
    /** The directory of file persistence. */
    @UriParam(label = "advanced")
    private String persistenceDirectory;
    /**
     * A configuration file of IBM's client libraries, in either format. The YAML file of IBM's current SDKs (wiotp.sdk
     * for Python, com.ibm.wiotp.sdk for Java), told by a .yaml or .yml name or a top-level identity, auth or options
     * key: identity (orgId, typeId, deviceId for a device; appId for an application), auth (token; key for an
     * application) and options (domain, logLevel, mqtt: port, transport, caFile, cleanStart, keepAlive,
     * sessionExpiry, instanceId, sharedSubscription; http: verify). Or the earlier INI file (reference 4.2.1, 4.3.1):
     * a [device] section (org, type, id, auth-method=token, auth-token) or an [application] section (org, id,
     * auth-method=apikey, auth-key, auth-token), plus optional domain. A gateway's identity is read as a device's:
     * from a [gateway] section, a YAML file with identity.classId: Gateway, or a device's file or variables with
     * clientType=gateway, typeId and deviceId giving gatewayType and gatewayId. The file fills the options that are not set:
     * options set on the endpoint or the component win over it. An unknown key or a wrong value fails the endpoint,
     * naming the file, line and key.
     */
    @UriParam
    private String configFile;
    /**
     * Fill the options that are not set from the WIOTP_* environment variables of IBM's current SDKs, with their names
     * and meanings, so that an application migrating from them keeps its configuration: WIOTP_IDENTITY_ORGID,
     * WIOTP_IDENTITY_TYPEID, WIOTP_IDENTITY_DEVICEID (a device), WIOTP_IDENTITY_APPID, WIOTP_AUTH_KEY or
     * WIOTP_API_KEY (an application), WIOTP_AUTH_TOKEN or WIOTP_API_TOKEN, WIOTP_OPTIONS_DOMAIN and
     * WIOTP_OPTIONS_MQTT_PORT, _TRANSPORT, _CAFILE, _CLEANSTART, _KEEPALIVE, _SHAREDSUBSCRIPTION, _INSTANCEID. Options
     * set on the endpoint or the component, and the configFile, win over the environment. A wrong value fails the
     * endpoint, naming the variable.
     */
    @UriParam
    private boolean configFromEnvironment;
    /**
     * Producers: wrap a Map, JsonNode object or POJO body (or a JSON object text) as an IoTF message,
     * {"d": body, "ts": now} (reference 5.4.1). A body already in the IoTF format is sent as it is.
     */
    @UriParam(label = "producer")
    private boolean wrapPayload;
    /**
     * Producers: how long a send waits for a lost connection to come back before it fails, in milliseconds (0: fail
     * at once). A send never drops a message silently.
     */
    @UriParam(label = "producer", defaultValue = "10000")
    private long connectWaitTimeout = 10_000;
    /** Producers: how long a QoS 1 or 2 send waits for the service's acknowledgement, in milliseconds. */
    @UriParam(label = "producer", defaultValue = "30000")
    private long publishTimeout = 30_000;
    /**
     * Producers of device-event and command: mqtt, or http to publish each message with one HTTPS POST (later
     * contract 2.11), for networks that block MQTT. Same headers, payloads and errors; over http a message is
     * handed to the service once it answers 200 (like QoS 0, the service keeps no copy).
     */
    @UriParam(label = "producer", defaultValue = "mqtt", enums = "mqtt,http")
    private IotfTransport transport = IotfTransport.mqtt;
    /**
     * Producers with transport=http: the base URL of HTTP messaging. By default
     * https://org.messaging.domain:8883/api/v0002 (http://quickstart.messaging.domain/api/v0002 for QuickStart).
     */
    @UriParam(label = "producer")
    private String httpMessagingUrl;

    /**
     * iotf:registry: the operation, unless the CamelIotfOperation header gives one (reference 3.1; later contract 2).
     * getDeviceType and the operations after it need apiVersion=v0002.
     */
    @UriParam(label = "producer")
    private io.cameliotf.iotf.rest.RegistryOperation operation;
    /**
     * iotf:registry and iotf:historian: the REST API version, v0002 (the later contract, which the running service
     * and IBM's current SDKs speak) or v0001 (the 2015 API, reference 3). An operation that a version lacks fails
     * when the route starts. When not set: the version apiBaseUrl ends with, else v0002.
     */
    @UriParam(defaultValue = "v0002", enums = "v0001,v0002")
    private IotfApiVersion apiVersion;
    /**
     * iotf:registry and iotf:historian: the base URL of the REST API. By default https://org.domain/api/ followed by
     * apiVersion (reference 3.1); set it to the local service's, for example http://127.0.0.1:8080 (the
     * /api/version part is added when missing).
     */
    @UriParam
    private String apiBaseUrl;
    /**
     * iotf:registry list operations of v0002: items per page, 1 to 5000 (the service's default is 25). The answer
     * carries the CamelIotfBookmark header when there are more pages.
     */
    @UriParam(label = "producer")
    private Integer pageSize;
    /** The REST API's connect timeout, in milliseconds. */
    @UriParam(label = "advanced", defaultValue = "10000")
    private int apiConnectTimeout = 10_000;
    /** The REST API's read timeout, in milliseconds. */
    @UriParam(label = "advanced", defaultValue = "30000")
    private int apiReadTimeout = 30_000;
    /**
     * iotf:historian queries: only events received at or after this time, as epoch milliseconds or ISO 8601 text
     * (reference 3.2.2).
     */
    @UriParam(label = "producer")
    private String start;
    /** iotf:historian queries: only events received at or before this time. */
    @UriParam(label = "producer")
    private String end;
    /** iotf:historian queries: events per page, 1 to 100 (the service's default is 100) (reference 3.2.3). */
    @UriParam(label = "producer")
    private Integer top;
    /**
     * iotf:historian queries: aggregate these fields of the events (field1,field2) instead of returning events; the
     * answer is an IotfHistorianSummary (reference 3.2.3).
     */
    @UriParam(label = "producer")
    private String summarize;
    /** iotf:historian queries: the aggregation of summarize. */
    @UriParam(label = "producer", defaultValue = "avg", enums = ValueRules.SUMMARIZE_TYPE_NAMES)
    private String summarizeType;
    /**
     * iotf:historian queries and iotf:registry list operations: answer with a lazily fetched Iterator over every
     * page in turn (which Camel's splitter can stream) instead of one page per call.
     */
    @UriParam(label = "producer")
    private boolean allPages;
    /**
     * iotf:historian and iotf:registry lists: the most items an Iterator of allPages returns, or a historian consumer
     * holds for one poll.
     */
    @UriParam(defaultValue = "10000")
    private int maxResults = 10_000;
    /**
     * iotf:historian consumers: where to start, as epoch milliseconds, ISO 8601 text, or now (events stored from the
     * start of the consumer on). Use 0 to replay everything the historian holds.
     */
    @UriParam(label = "consumer", defaultValue = "now")
    private String since = "now";
    /**
     * iotf:historian consumers: how long, in milliseconds, an event must have been stored before it is emitted, so that
     * events the service writes late (it writes in batches) are not skipped.
     */
    @UriParam(label = "consumer", defaultValue = "3000")
    private long settleTime = 3_000;
    /**
     * iotf:historian consumers: remembers the events emitted, across restarts (for example a FileIdempotentRepository),
     * so that an event is emitted once even when since replays a period again.
     */
    @UriParam(label = "consumer")
    private org.apache.camel.spi.IdempotentRepository idempotentRepository;

    /**
     * iotf:registry initiateMgmtRequest: the device management action (device/reboot, device/factoryReset,
     * firmware/download, firmware/update or bundleId/actionId), unless the CamelIotfMgmtAction header or the body's
     * action gives one (later contract 2.14).
     */
    @UriParam(label = "producer")
    private String mgmtAction;
    /**
     * iotf:registry initiateMgmtRequest: cancel the firmware requests in progress that would block this one (the
     * service's override=true, later contract 2.14).
     */
    @UriParam(label = "producer")
    private boolean mgmtOverride;
    /**
     * iotf:registry initiateMgmtRequest: wait until every device of the request is done and answer with their
     * IotfMgmtDeviceStatus list instead of the request (the status is polled, no longer than mgmtRequestTimeout).
     */
    @UriParam(label = "producer")
    private boolean awaitCompletion;
    /**
     * iotf:registry initiateMgmtRequest with awaitCompletion, and awaitMgmtRequest: how long to wait for the request
     * to complete, in milliseconds; then an IotfMgmtTimeoutException names the devices still in progress.
     */
    @UriParam(label = "producer", defaultValue = "60000")
    private Long mgmtRequestTimeout;

    public String getMgmtAction() {
        return mgmtAction;
    }

    public void setMgmtAction(String mgmtAction) {
        this.mgmtAction = mgmtAction;
    }

    public boolean isMgmtOverride() {
        return mgmtOverride;
    }

    public void setMgmtOverride(boolean mgmtOverride) {
        this.mgmtOverride = mgmtOverride;
    }

    public boolean isAwaitCompletion() {
        return awaitCompletion;
    }

    public void setAwaitCompletion(boolean awaitCompletion) {
        this.awaitCompletion = awaitCompletion;
    }

    public Long getMgmtRequestTimeout() {
        return mgmtRequestTimeout;
    }

    public void setMgmtRequestTimeout(Long mgmtRequestTimeout) {
        this.mgmtRequestTimeout = mgmtRequestTimeout;
    }

    /** mgmtRequestTimeout, else its default of 60 seconds. */
    public long effectiveMgmtRequestTimeout() {
        return mgmtRequestTimeout == null ? 60_000 : mgmtRequestTimeout;
    }

    public io.cameliotf.iotf.rest.RegistryOperation getOperation() {
        return operation;
    }

    public void setOperation(io.cameliotf.iotf.rest.RegistryOperation operation) {
        this.operation = operation;
    }

    public IotfApiVersion getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(IotfApiVersion apiVersion) {
        this.apiVersion = apiVersion;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public String getCaFile() {
        return caFile;
    }

    public void setCaFile(String caFile) {
        this.caFile = caFile;
    }

    public boolean isConfigFromEnvironment() {
        return configFromEnvironment;
    }

    public void setConfigFromEnvironment(boolean configFromEnvironment) {
        this.configFromEnvironment = configFromEnvironment;
    }

    public IotfTransport getTransport() {
        return transport;
    }

    public void setTransport(IotfTransport transport) {
        this.transport = transport;
    }

    public String getHttpMessagingUrl() {
        return httpMessagingUrl;
    }

    public void setHttpMessagingUrl(String httpMessagingUrl) {
        this.httpMessagingUrl = httpMessagingUrl;
    }

    public String getApiBaseUrl() {
        return apiBaseUrl;
    }

    public void setApiBaseUrl(String apiBaseUrl) {
        this.apiBaseUrl = apiBaseUrl;
    }

    public int getApiConnectTimeout() {
        return apiConnectTimeout;
    }

    public void setApiConnectTimeout(int apiConnectTimeout) {
        this.apiConnectTimeout = apiConnectTimeout;
    }

    public int getApiReadTimeout() {
        return apiReadTimeout;
    }

    public void setApiReadTimeout(int apiReadTimeout) {
        this.apiReadTimeout = apiReadTimeout;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getEnd() {
        return end;
    }

    public void setEnd(String end) {
        this.end = end;
    }

    public Integer getTop() {
        return top;
    }

    public void setTop(Integer top) {
        this.top = top;
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

    public boolean isAllPages() {
        return allPages;
    }

    public void setAllPages(boolean allPages) {
        this.allPages = allPages;
    }

    public int getMaxResults() {
        return maxResults;
    }

    public void setMaxResults(int maxResults) {
        this.maxResults = maxResults;
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public long getSettleTime() {
        return settleTime;
    }

    public void setSettleTime(long settleTime) {
        this.settleTime = settleTime;
    }

    public org.apache.camel.spi.IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(org.apache.camel.spi.IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    /** The REST API version: apiVersion, else the one apiBaseUrl names, else v0002. */
    public IotfApiVersion effectiveApiVersion() {
        if (apiVersion != null) {
            return apiVersion;
        }
        String named = versionIn(apiBaseUrl);
        return "v0001".equals(named) ? IotfApiVersion.v0001 : IotfApiVersion.v0002; // others: EndpointRules says no
    }

    /**
     * The REST API's base URL: apiBaseUrl (with /api/version added when it names none), or the service's for the
     * organization (reference 3.1; later contract 1.1).
     */
    public String effectiveApiBaseUrl() {
        String version = "/api/" + effectiveApiVersion();
        if (apiBaseUrl == null) {
            return "https://" + org + "." + domain + version;
        }
        String base = withoutTrailingSlash(apiBaseUrl);
        return versionIn(base) != null ? base : base + version;
    }

    /**
     * The base URL of HTTP messaging: httpMessagingUrl (with /api/v0002 added when missing), or the service's for the
     * organization (later contract 1.1, 2.11).
     */
    public String effectiveHttpMessagingUrl() {
        if (httpMessagingUrl == null) {
            return isQuickstart() ? "http://quickstart.messaging." + domain + "/api/v0002"
                    : "https://" + org + ".messaging." + domain + ":8883/api/v0002";
        }
        String base = withoutTrailingSlash(httpMessagingUrl);
        return base.endsWith("/api/v0002") ? base : base + "/api/v0002";
    }

    /** The API version a URL ends with (v0001, v0002), or null. */
    static String versionIn(String url) {
        if (url == null) {
            return null;
        }
        String base = withoutTrailingSlash(url);
        int at = base.lastIndexOf("/api/");
        String tail = at < 0 ? null : base.substring(at + 5);
        return tail != null && tail.matches("v\\d{4}") ? tail : null;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public IotfConfiguration copy() {
        try {
            return (IotfConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getOrg() {
        return org;
    }

    public void setOrg(String org) {
        this.org = org;
    }

    public IotfClientType getClientType() {
        return clientType;
    }

    public void setClientType(IotfClientType clientType) {
        this.clientType = clientType;
    }

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getDeviceType() {
        return deviceType;
    }

    public void setDeviceType(String deviceType) {
        this.deviceType = deviceType;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public String getGatewayType() {
        return gatewayType;
    }

    public void setGatewayType(String gatewayType) {
        this.gatewayType = gatewayType;
    }

    public String getGatewayId() {
        return gatewayId;
    }

    public void setGatewayId(String gatewayId) {
        this.gatewayId = gatewayId;
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

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getCommand() {
        return command;
    }

    public void setCommand(String command) {
        this.command = command;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public Integer getQos() {
        return qos;
    }

    public void setQos(Integer qos) {
        this.qos = qos;
    }

    public boolean isCleanSession() {
        return cleanSession;
    }

    public void setCleanSession(boolean cleanSession) {
        this.cleanSession = cleanSession;
    }

    public boolean isShared() {
        return shared;
    }

    public void setShared(boolean shared) {
        this.shared = shared;
    }

    public String getWatchAppId() {
        return watchAppId;
    }

    public void setWatchAppId(String watchAppId) {
        this.watchAppId = watchAppId;
    }

    public String getBrokerUrl() {
        return brokerUrl;
    }

    public void setBrokerUrl(String brokerUrl) {
        this.brokerUrl = brokerUrl;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public int getKeepAliveInterval() {
        return keepAliveInterval;
    }

    public void setKeepAliveInterval(int keepAliveInterval) {
        this.keepAliveInterval = keepAliveInterval;
    }

    public int getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(int connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public int getMaxInflight() {
        return maxInflight;
    }

    public void setMaxInflight(int maxInflight) {
        this.maxInflight = maxInflight;
    }

    public boolean isAutomaticReconnect() {
        return automaticReconnect;
    }

    public void setAutomaticReconnect(boolean automaticReconnect) {
        this.automaticReconnect = automaticReconnect;
    }

    public int getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    public void setMaxReconnectDelay(int maxReconnectDelay) {
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

    public String getConfigFile() {
        return configFile;
    }

    public void setConfigFile(String configFile) {
        this.configFile = configFile;
    }

    public boolean isWrapPayload() {
        return wrapPayload;
    }

    public void setWrapPayload(boolean wrapPayload) {
        this.wrapPayload = wrapPayload;
    }

    public long getConnectWaitTimeout() {
        return connectWaitTimeout;
    }

    public void setConnectWaitTimeout(long connectWaitTimeout) {
        this.connectWaitTimeout = connectWaitTimeout;
    }

    public long getPublishTimeout() {
        return publishTimeout;
    }

    public void setPublishTimeout(long publishTimeout) {
        this.publishTimeout = publishTimeout;
    }

    // ---- derived values, in one place

    boolean isDevice() {
        return clientType == IotfClientType.device;
    }

    public boolean isGateway() {
        return clientType == IotfClientType.gateway;
    }

    boolean isQuickstart() {
        return "quickstart".equals(org);
    }

    /** The MQTT client id (reference 5.2.1, 5.3.1). */
    public String clientId() {
        if (isDevice()) {
            return "d:" + org + ':' + deviceType + ':' + deviceId;
        }
        if (isGateway()) {
            return "g:" + org + ':' + gatewayType + ':' + gatewayId; // later contract 3.4
        }
        return (shared ? "A:" : "a:") + org + ':' + appId;
    }

    /** The broker URI: brokerUrl, or the service's default for the organization (reference 5.1.1-5.1.3). */
    public String effectiveBrokerUrl() {
        if (brokerUrl != null) {
            return brokerUrl;
        }
        return isQuickstart() ? "tcp://quickstart.messaging." + domain + ":1883" : "ssl://" + org + ".messaging." + domain + ":8883";
    }

    /**
     * The MQTT user name: use-token-auth for devices (reference 5.2.2) and gateways (later contract 3.4), the API key
     * for applications (reference 5.3.2).
     */
    public String username() {
        return isDevice() || isGateway() ? "use-token-auth" : authKey;
    }

    public int effectiveQos(IotfKind kind) {
        return qos != null ? qos : kind.defaultQos();
    }

    @Override
    public String toString() {
        return "IotfConfiguration[" + clientId() + " at " + effectiveBrokerUrl() + "]";
    }
}
