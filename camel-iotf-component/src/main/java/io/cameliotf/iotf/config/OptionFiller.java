package io.cameliotf.iotf.config;

import io.cameliotf.iotf.IotfClientType;
import io.cameliotf.iotf.IotfConfiguration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one mapping from the settings of IBM's SDKs ({@link WiotpSettings}, whether from a configuration file or the
 * environment) to the options of an endpoint. It fills only options that are not set, so that what the endpoint or
 * the component says wins, and a source filled first (the configFile) wins over a later one (the environment).
 * <p>
 * An option counts as set when the endpoint URI names it, when its value differs from its default (set on the
 * component, or by a setter), or when an earlier source filled it. An option the component sets to its default value
 * cannot be told from an option not set: a source may fill it.
 */
public final class OptionFiller {

    private static final Logger LOG = LoggerFactory.getLogger(OptionFiller.class);
    /** IBM's API keys read a-&lt;org&gt;-&lt;random&gt;; iot-python takes the organization from them (application/config.py). */
    private static final Pattern API_KEY = Pattern.compile("a-([A-Za-z0-9]+)-.+");
    /** The SDKs' MQTT port when none is given (iot-java DeviceConfigOptionsMqtt, iot-python client.py). */
    static final int DEFAULT_PORT = 8883;

    private record Option<T>(String name, Function<IotfConfiguration, T> get, BiConsumer<IotfConfiguration, T> put) {
    }

    private static final Option<IotfClientType> CLIENT_TYPE = new Option<>("clientType",
            IotfConfiguration::getClientType, IotfConfiguration::setClientType);
    private static final Option<String> ORG = new Option<>("org", IotfConfiguration::getOrg, IotfConfiguration::setOrg);
    private static final Option<String> DEVICE_TYPE = new Option<>("deviceType", IotfConfiguration::getDeviceType,
            IotfConfiguration::setDeviceType);
    private static final Option<String> DEVICE_ID = new Option<>("deviceId", IotfConfiguration::getDeviceId,
            IotfConfiguration::setDeviceId);
    private static final Option<String> GATEWAY_TYPE = new Option<>("gatewayType", IotfConfiguration::getGatewayType,
            IotfConfiguration::setGatewayType);
    private static final Option<String> GATEWAY_ID = new Option<>("gatewayId", IotfConfiguration::getGatewayId,
            IotfConfiguration::setGatewayId);
    private static final Option<String> APP_ID = new Option<>("appId", IotfConfiguration::getAppId,
            IotfConfiguration::setAppId);
    private static final Option<String> AUTH_KEY = new Option<>("authKey", IotfConfiguration::getAuthKey,
            IotfConfiguration::setAuthKey);
    private static final Option<String> AUTH_TOKEN = new Option<>("authToken", IotfConfiguration::getAuthToken,
            IotfConfiguration::setAuthToken);
    private static final Option<String> DOMAIN = new Option<>("domain", IotfConfiguration::getDomain,
            IotfConfiguration::setDomain);
    private static final Option<String> CA_FILE = new Option<>("caFile", IotfConfiguration::getCaFile,
            IotfConfiguration::setCaFile);
    private static final Option<Boolean> CLEAN_SESSION = new Option<>("cleanSession",
            IotfConfiguration::isCleanSession, IotfConfiguration::setCleanSession);
    private static final Option<Integer> KEEP_ALIVE = new Option<>("keepAliveInterval",
            IotfConfiguration::getKeepAliveInterval, IotfConfiguration::setKeepAliveInterval);
    private static final Option<Boolean> SHARED = new Option<>("shared", IotfConfiguration::isShared,
            IotfConfiguration::setShared);
    private static final Option<String> BROKER_URL = new Option<>("brokerUrl", IotfConfiguration::getBrokerUrl,
            IotfConfiguration::setBrokerUrl);

    private final IotfConfiguration config;
    private final IotfConfiguration defaults = new IotfConfiguration();
    /** Lower case, as Camel matches option names without regard to case. */
    private final Set<String> set = new HashSet<>();

    /**
     * @param config          the endpoint's options, after the endpoint URI was applied
     * @param endpointOptions the names of the options in the endpoint URI
     */
    public OptionFiller(IotfConfiguration config, Collection<String> endpointOptions) {
        this.config = config;
        endpointOptions.forEach(name -> set.add(name.toLowerCase(Locale.ROOT)));
    }

    /** The client type when the endpoint, the component or an earlier source set it; null otherwise. */
    public IotfClientType clientTypeIfSet() {
        return isSet(CLIENT_TYPE) ? config.getClientType() : null;
    }

    /**
     * Fills the options that are not set from {@code s}.
     *
     * @throws IllegalArgumentException when {@code s} names a client of another type than the option clientType, or
     *                                  when the organization cannot be taken from the API key
     */
    public void fill(WiotpSettings s) {
        if (s.clientType != null) {
            IotfClientType wanted = s.clientType.value();
            // IBM's SDKs read a gateway's identity from a device's file or variables: with clientType=gateway they
            // name the gateway [later contract 3.4]
            boolean gatewayAsDevice = wanted == IotfClientType.device && isSet(CLIENT_TYPE)
                    && config.getClientType() == IotfClientType.gateway;
            if (isSet(CLIENT_TYPE) && config.getClientType() != wanted && !gatewayAsDevice) {
                throw new IllegalArgumentException(s.clientType.origin() + " configures " + article(wanted)
                        + ", but the option clientType is " + config.getClientType() + " (set on the endpoint or the "
                        + "component, or by the configFile)");
            }
            fill(CLIENT_TYPE, s.clientType);
        }
        fill(ORG, s.orgId != null ? s.orgId : orgOfKey(s));
        boolean gateway = config.getClientType() == IotfClientType.gateway;
        fill(gateway ? GATEWAY_TYPE : DEVICE_TYPE, s.typeId);
        fill(gateway ? GATEWAY_ID : DEVICE_ID, s.deviceId);
        fill(APP_ID, s.appId);
        fill(AUTH_KEY, s.authKey);
        fill(AUTH_TOKEN, s.authToken);
        fill(DOMAIN, s.domain);
        if (s.caFile != null && WiotpValues.OS_TRUST_STORE.equals(s.caFile.value())) {
            // the JVM's default trust store is what the component uses without caFile; a later source must not fill it
            if (!isSet(CA_FILE)) {
                set.add(CA_FILE.name().toLowerCase(Locale.ROOT));
                LOG.debug("{}: the JVM's default trust store", s.caFile.origin());
            }
        } else {
            fill(CA_FILE, s.caFile);
        }
        fill(CLEAN_SESSION, s.cleanStart);
        fill(KEEP_ALIVE, s.keepAlive);
        fill(SHARED, s.shared);
        if (s.port != null || s.transport != null) {
            fill(BROKER_URL, brokerUrl(s));
        }
    }

    /**
     * The broker URL the SDKs build (iot-java DeviceConfig.getMqttServerURI, iot-python client.py):
     * {@code <org>.messaging.<domain>}, without TLS on ports 1883 and 80, with TLS on any other, over TCP or
     * WebSocket. No path: like the SDKs' Paho clients, the component's asks for /mqtt when the URL names none.
     */
    private Setting<String> brokerUrl(WiotpSettings s) {
        String org = config.getOrg();
        if (org == null || org.isEmpty()) {
            return null; // the endpoint's checks report the missing org
        }
        int port = s.port != null ? s.port.value() : DEFAULT_PORT;
        boolean insecure = port == 1883 || port == 80;
        boolean websockets = s.transport != null && s.transport.value().equals("websockets");
        String scheme = websockets ? (insecure ? "ws" : "wss") : (insecure ? "tcp" : "ssl");
        Setting<?> from = s.port != null ? s.port : s.transport;
        return new Setting<>(scheme + "://" + org + ".messaging." + config.getDomain() + ":" + port, from.origin());
    }

    /** iot-python takes an application's organization from its API key (application/config.py, orgId). */
    private Setting<String> orgOfKey(WiotpSettings s) {
        if (s.authKey == null || isSet(ORG)) {
            return null;
        }
        Matcher m = API_KEY.matcher(s.authKey.value());
        if (!m.matches()) {
            throw new IllegalArgumentException(s.authKey.origin() + " (not shown: it is secret) does not read "
                    + "a-<org>-<random>, so the organization cannot be taken from it: give the organization (the "
                    + "option org, identity.orgId or WIOTP_IDENTITY_ORGID)");
        }
        return new Setting<>(m.group(1), s.authKey.origin() + " (its organization)");
    }

    private <T> void fill(Option<T> option, Setting<T> setting) {
        if (setting == null) {
            return;
        }
        if (isSet(option)) {
            LOG.debug("{}: not used, the option {} is set", setting.origin(), option.name());
            return;
        }
        option.put().accept(config, setting.value());
        set.add(option.name().toLowerCase(Locale.ROOT));
        LOG.debug("The option {} from {}", option.name(), setting.origin());
    }

    private boolean isSet(Option<?> option) {
        if (set.contains(option.name().toLowerCase(Locale.ROOT))) {
            return true; // named in the endpoint URI, or filled by an earlier source (even to null: caFile _os_)
        }
        Object value = option.get().apply(config);
        if (value == null || value instanceof String text && text.isEmpty()) {
            return false;
        }
        return !Objects.equals(value, option.get().apply(defaults));
    }

    private static String article(IotfClientType type) {
        return type == IotfClientType.device ? "a device" : type == IotfClientType.gateway ? "a gateway"
                : "an application";
    }
}
