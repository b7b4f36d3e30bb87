package io.cameliotf.iotf.config;

import io.cameliotf.iotf.IotfClientType;
import io.cameliotf.iotf.IotfConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the WIOTP_* environment variables of IBM's current SDKs, with their names and meanings: iot-python's
 * parseEnvVars (src/wiotp/sdk/device/config.py, application/config.py) and iot-java's generateFromEnv
 * (com.ibm.wiotp.sdk.device.config.DeviceConfig*, app.config.ApplicationConfig*). The variables of a device are not
 * those of an application; the variables present say which the environment configures, else the option clientType.
 * <p>
 * Where the SDKs read unclear text as false or fail with a bare exception, this reads true, false (any case), 1 and
 * 0, and refuses anything else naming the variable. An empty variable counts as not set. The environment is a
 * parameter, so that tests can give their own: production passes {@link System#getenv()}.
 */
public final class WiotpEnvironment {

    private static final Logger LOG = LoggerFactory.getLogger(WiotpEnvironment.class);

    // both SDKs, devices (iot-java reads ORGID for devices only, iot-python too; here it also fills an application's org)
    static final String ORG_ID = "WIOTP_IDENTITY_ORGID";
    static final String TYPE_ID = "WIOTP_IDENTITY_TYPEID";
    static final String DEVICE_ID = "WIOTP_IDENTITY_DEVICEID";
    // both SDKs, applications
    static final String APP_ID = "WIOTP_IDENTITY_APPID";
    static final String AUTH_KEY = "WIOTP_AUTH_KEY";
    /** Devices: the device's token; applications: the token of WIOTP_AUTH_KEY. */
    static final String AUTH_TOKEN = "WIOTP_AUTH_TOKEN";
    /** Applications, when WIOTP_AUTH_KEY is not set (iot-java ApplicationConfigAuth; iot-python when neither
     * WIOTP_AUTH_KEY nor WIOTP_AUTH_TOKEN is set). */
    static final String API_KEY = "WIOTP_API_KEY";
    static final String API_TOKEN = "WIOTP_API_TOKEN";
    // both SDKs, both kinds
    static final String DOMAIN = "WIOTP_OPTIONS_DOMAIN";
    static final String LOG_LEVEL = "WIOTP_OPTIONS_LOGLEVEL";
    static final String PORT = "WIOTP_OPTIONS_MQTT_PORT";
    static final String TRANSPORT = "WIOTP_OPTIONS_MQTT_TRANSPORT";
    static final String CA_FILE = "WIOTP_OPTIONS_MQTT_CAFILE";
    static final String CLEAN_START = "WIOTP_OPTIONS_MQTT_CLEANSTART";
    static final String SESSION_EXPIRY = "WIOTP_OPTIONS_MQTT_SESSIONEXPIRY";
    static final String KEEP_ALIVE = "WIOTP_OPTIONS_MQTT_KEEPALIVE";
    /** Applications, iot-python only: a shared subscription, client id A:org:appId:instanceId. */
    static final String INSTANCE_ID = "WIOTP_OPTIONS_MQTT_INSTANCEID";
    /** Applications, iot-java only. */
    static final String SHARED_SUBSCRIPTION = "WIOTP_OPTIONS_MQTT_SHAREDSUBSCRIPTION";
    /** Applications, iot-python only (iot-java has a reader for it that nothing calls). */
    static final String HTTP_VERIFY = "WIOTP_OPTIONS_HTTP_VERIFY";

    private static final List<String> DEVICE_VARIABLES = List.of(TYPE_ID, DEVICE_ID);
    private static final List<String> APPLICATION_VARIABLES = List.of(APP_ID, AUTH_KEY, API_KEY, API_TOKEN,
            INSTANCE_ID, SHARED_SUBSCRIPTION, HTTP_VERIFY);
    private static final Set<String> ALL = Set.of(ORG_ID, TYPE_ID, DEVICE_ID, APP_ID, AUTH_KEY, AUTH_TOKEN, API_KEY,
            API_TOKEN, DOMAIN, LOG_LEVEL, PORT, TRANSPORT, CA_FILE, CLEAN_START, SESSION_EXPIRY, KEEP_ALIVE,
            INSTANCE_ID, SHARED_SUBSCRIPTION, HTTP_VERIFY);

    private final Map<String, String> env;

    private WiotpEnvironment(Map<String, String> env) {
        this.env = env;
    }

    /** Fills the options of {@code config} that are not set from {@code env}. */
    public static void apply(Map<String, String> env, IotfConfiguration config) {
        OptionFiller filler = new OptionFiller(config, Set.of());
        filler.fill(read(env, filler.clientTypeIfSet()));
    }

    /**
     * @param clientTypeIfSet the option clientType when set: it decides when the environment has the variables of
     *                        both a device and an application
     * @throws IllegalArgumentException naming the variable and the problem, never a secret value
     */
    public static WiotpSettings read(Map<String, String> env, IotfClientType clientTypeIfSet) {
        return new WiotpEnvironment(env).settings(clientTypeIfSet);
    }

    private WiotpSettings settings(IotfClientType clientTypeIfSet) {
        WiotpSettings s = new WiotpSettings("the environment");
        warnUnknown();
        List<String> device = present(DEVICE_VARIABLES);
        List<String> application = present(APPLICATION_VARIABLES);
        IotfClientType type;
        if (!device.isEmpty() && !application.isEmpty()) {
            if (clientTypeIfSet == null) {
                throw new IllegalArgumentException("The environment variables " + String.join(", ", application)
                        + " (of an application) and " + String.join(", ", device) + " (of a device) are set: "
                        + "IBM's SDKs read the ones of the client they make; set the option clientType to say which "
                        + "this endpoint is");
            }
            type = clientTypeIfSet;
        } else if (!device.isEmpty() || !application.isEmpty()) {
            type = device.isEmpty() ? IotfClientType.application : IotfClientType.device;
            List<String> by = device.isEmpty() ? application : device;
            s.clientType = new Setting<>(type, "The environment variable" + (by.size() > 1 ? "s " : " ")
                    + String.join(", ", by));
        } else {
            type = clientTypeIfSet != null ? clientTypeIfSet : IotfClientType.application;
        }
        boolean deviceLike = type != IotfClientType.application; // a gateway's variables are a device's [later 3.4]
        ignored(deviceLike ? application : device, type);

        s.orgId = text(ORG_ID);
        if (deviceLike) {
            s.typeId = text(TYPE_ID);
            s.deviceId = text(DEVICE_ID);
            s.authToken = text(AUTH_TOKEN);
        } else {
            s.appId = text(APP_ID);
            boolean authPair = text(AUTH_KEY) != null;
            s.authKey = authPair ? text(AUTH_KEY) : text(API_KEY);
            s.authToken = authPair || text(API_KEY) == null ? text(AUTH_TOKEN) : text(API_TOKEN);
            s.shared = shared();
            Setting<Boolean> verify = bool(HTTP_VERIFY);
            if (verify != null) {
                WiotpValues.verify(verify.origin(), verify.value());
            }
        }
        s.domain = text(DOMAIN);
        Setting<String> logLevel = text(LOG_LEVEL);
        if (logLevel != null) {
            WiotpValues.logLevel(logLevel.origin(), logLevel.value());
            LOG.debug("{}: not used, the component logs through SLF4J", logLevel.origin());
        }
        s.port = number(PORT, WiotpValues::port);
        s.transport = text(TRANSPORT);
        if (s.transport != null) {
            WiotpValues.transport(s.transport.origin(), s.transport.value());
        }
        s.caFile = text(CA_FILE);
        s.cleanStart = bool(CLEAN_START);
        if (number(SESSION_EXPIRY, WiotpValues::sessionExpiry) != null) {
            LOG.debug("{}: not used, MQTT 3.1.1 has no session expiry", origin(SESSION_EXPIRY));
        }
        s.keepAlive = number(KEEP_ALIVE, WiotpValues::keepAlive);
        return s;
    }

    /** iot-java's WIOTP_OPTIONS_MQTT_SHAREDSUBSCRIPTION, or iot-python's WIOTP_OPTIONS_MQTT_INSTANCEID. */
    private Setting<Boolean> shared() {
        Setting<Boolean> shared = bool(SHARED_SUBSCRIPTION);
        Setting<String> instance = text(INSTANCE_ID);
        if (instance == null) {
            return shared;
        }
        if (shared != null && !shared.value()) {
            throw new IllegalArgumentException("The environment variable " + SHARED_SUBSCRIPTION + " is false, but "
                    + INSTANCE_ID + " makes a shared subscription (iot-python): unset one of them");
        }
        LOG.debug("{}: a shared subscription; the client id is A:org:appId, without the instance id", instance.origin());
        return new Setting<>(Boolean.TRUE, instance.origin());
    }

    private void ignored(List<String> variables, IotfClientType type) {
        if (!variables.isEmpty()) {
            LOG.info("The environment variables {} are not used: IBM's SDKs do not read them for {} client", variables,
                    type == IotfClientType.device ? "a device" : "an application");
        }
    }

    /** Names only: a misspelt variable should not go unnoticed, and a value may be secret. */
    private void warnUnknown() {
        Set<String> unknown = new TreeSet<>();
        for (String name : env.keySet()) {
            if (name.startsWith("WIOTP_") && !ALL.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            LOG.warn("The environment variables {} are not read: IBM's SDKs read no such variables", unknown);
        }
    }

    private List<String> present(List<String> names) {
        List<String> found = new ArrayList<>();
        for (String name : names) {
            if (text(name) != null) {
                found.add(name);
            }
        }
        return found;
    }

    private Setting<String> text(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : new Setting<>(value, origin(name));
    }

    private Setting<Integer> number(String name, WiotpValues.NumberCheck check) {
        Setting<String> text = text(name);
        return text == null ? null : new Setting<>(check.check(text.origin(), text.value()), text.origin());
    }

    /** true/false in any case (iot-java's Boolean.parseBoolean), and 1 (iot-python's "True", "true", "1"), 0. */
    private Setting<Boolean> bool(String name) {
        Setting<String> text = text(name);
        if (text == null) {
            return null;
        }
        String t = text.value().trim();
        Boolean value = t.equals("1") ? Boolean.TRUE : t.equals("0") ? Boolean.FALSE : WiotpValues.trueOrFalse(t);
        if (value == null) {
            throw new IllegalArgumentException(text.origin() + " must be true, false, 1 or 0, not '" + text.value()
                    + "'");
        }
        return new Setting<>(value, text.origin());
    }

    private static String origin(String name) {
        return "The environment variable " + name;
    }
}
