package io.cameliotf.iotf.config;

import io.cameliotf.iotf.IotfClientType;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the YAML configuration files of IBM's current SDKs, wiotp.sdk (iot-python: device/config.py,
 * application/config.py parseConfigFile) and com.ibm.wiotp.sdk (iot-java: DeviceConfig, ApplicationConfig
 * generateFromConfig):
 * <pre>
 * identity:                          identity:
 *   orgId: ab12cd                      appId: myApp
 *   typeId: sensor                   auth:
 *   deviceId: dev1                     key: a-ab12cd-xxxxxxxxxx
 * auth:                                token: secret
 *   token: secret                    options:
 * options:                             mqtt:
 *   domain: example.com                  sharedSubscription: true
 *   mqtt:
 *     port: 8883
 *     transport: tcp
 * </pre>
 * The file is composed into nodes, not objects, so that every message names the line; a key that neither SDK reads
 * is an error, where the SDKs ignore it, because a misspelt key would otherwise go unnoticed. Numbers and booleans
 * may be plain (iot-python's files) or quoted (iot-java reads them as strings).
 */
final class WiotpYamlConfig {

    private static final Logger LOG = LoggerFactory.getLogger(WiotpYamlConfig.class);

    /** The keys of each mapping, by path; "" is the top level. */
    private static final Map<String, List<String>> KEYS = Map.of(
            "", List.of("identity", "auth", "options"),
            "identity", List.of("orgId", "typeId", "deviceId", "appId", "classId"),
            "auth", List.of("key", "token"),
            "options", List.of("domain", "logLevel", "mqtt", "http"),
            "options.mqtt", List.of("port", "transport", "caFile", "cleanStart", "sessionExpiry", "keepAlive",
                    "instanceId", "sharedSubscription"),
            "options.http", List.of("verify"));
    /** Keys that only a device's file has (iot-python DeviceClientConfig, iot-java DeviceConfigIdentity). */
    private static final List<String> DEVICE_ONLY = List.of("identity.typeId", "identity.deviceId");
    /** Keys that only an application's file has (iot-python ApplicationClientConfig, iot-java ApplicationConfig*). */
    private static final List<String> APPLICATION_ONLY = List.of("identity.appId", "auth.key",
            "options.mqtt.instanceId", "options.mqtt.sharedSubscription", "options.http.verify");
    /** YAML 1.1's words for booleans, which PyYAML (iot-python) and SnakeYAML (iot-java) read as such. */
    private static final Set<String> YAML_TRUE = Set.of("true", "yes", "on");
    private static final Set<String> YAML_FALSE = Set.of("false", "no", "off");

    private final Path file;
    /** The scalar values by path (options.mqtt.port), in the order of the file. */
    private final Map<String, ScalarNode> values = new LinkedHashMap<>();

    private WiotpYamlConfig(Path file) {
        this.file = file;
    }

    /** @throws IllegalArgumentException naming the file, the line, the key and the problem, never a secret value */
    static WiotpSettings parse(Path file, String text) {
        WiotpYamlConfig reader = new WiotpYamlConfig(file);
        Node root = reader.compose(text);
        reader.collect(root, "");
        return reader.settings();
    }

    private Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10); // a configuration file has no use for many aliases
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            // problem and context only: the snippet of the line that toString() adds may hold a token
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new IllegalArgumentException((mark != null ? at(mark) : "configFile " + file + ": ")
                    + "not valid YAML: " + e.getProblem() + (e.getContext() != null ? " (" + e.getContext() + ")" : ""));
        } catch (YAMLException e) {
            throw new IllegalArgumentException("configFile " + file + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new IllegalArgumentException("The configFile " + file + " is empty");
        }
        return root;
    }

    /** Walks the mapping at {@code path}, checking every key, and keeps its scalar values. */
    private void collect(Node node, String path) {
        if (!(node instanceof MappingNode mapping)) {
            throw new IllegalArgumentException(at(node.getStartMark()) + (path.isEmpty() ? "the file" : path)
                    + " must be a mapping of " + String.join(", ", KEYS.get(path)) + ", not " + kind(node));
        }
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                throw new IllegalArgumentException(at(keyNode.getStartMark()) + "the keys of "
                        + (path.isEmpty() ? "the file" : path) + " must be names, not " + kind(keyNode));
            }
            String key = scalarKey.getValue();
            String full = path.isEmpty() ? key : path + "." + key;
            if (path.isEmpty() && key.equals("gateway")) {
                throw gateway(keyNode, "gateway");
            }
            if (!KEYS.get(path).contains(key)) {
                throw new IllegalArgumentException(at(keyNode.getStartMark()) + "unknown key '" + full + "' (known "
                        + (path.isEmpty() ? "at the top" : "in " + path) + ": " + String.join(", ", KEYS.get(path))
                        + ")");
            }
            if (!seen.add(key)) {
                throw new IllegalArgumentException(at(keyNode.getStartMark()) + "the key " + full + " appears twice");
            }
            Node value = tuple.getValueNode();
            if (isNull(value)) {
                continue; // as in iot-python, an empty value is the default
            }
            if (KEYS.containsKey(full)) {
                collect(value, full);
            } else if (value instanceof ScalarNode scalar) {
                values.put(full, scalar);
            } else {
                throw new IllegalArgumentException(at(value.getStartMark()) + full + " must be a single value, not "
                        + kind(value));
            }
        }
    }

    private WiotpSettings settings() {
        WiotpSettings s = new WiotpSettings("configFile " + file);
        s.clientType = clientType();
        s.orgId = text("identity.orgId");
        s.typeId = text("identity.typeId");
        s.deviceId = text("identity.deviceId");
        s.appId = text("identity.appId");
        s.authKey = text("auth.key");
        s.authToken = text("auth.token");
        s.domain = text("options.domain");
        Setting<String> logLevel = text("options.logLevel");
        if (logLevel != null) {
            WiotpValues.logLevel(logLevel.origin(), logLevel.value());
            LOG.debug("{}: not used, the component logs through SLF4J", logLevel.origin());
        }
        s.port = number("options.mqtt.port", WiotpValues::port);
        s.transport = text("options.mqtt.transport");
        if (s.transport != null) {
            WiotpValues.transport(s.transport.origin(), s.transport.value());
        }
        s.caFile = text("options.mqtt.caFile");
        s.cleanStart = bool("options.mqtt.cleanStart");
        Setting<Integer> expiry = number("options.mqtt.sessionExpiry", WiotpValues::sessionExpiry);
        if (expiry != null) {
            LOG.debug("{}: not used, MQTT 3.1.1 has no session expiry", expiry.origin());
        }
        s.keepAlive = number("options.mqtt.keepAlive", WiotpValues::keepAlive);
        s.shared = shared();
        Setting<Boolean> verify = bool("options.http.verify");
        if (verify != null) {
            WiotpValues.verify(verify.origin(), verify.value());
        }
        return s;
    }

    /** A device file has typeId or deviceId, an application file has appId, an API key or application options. */
    private Setting<IotfClientType> clientType() {
        Setting<String> classId = text("identity.classId");
        if (classId != null) {
            // not a key of IBM's SDKs (their gateway files are device files): the registry's name for the kind of
            // client; Gateway makes typeId and deviceId the gateway's identity [later contract 3.4]
            if (!classId.value().equalsIgnoreCase("device") && !classId.value().equalsIgnoreCase("gateway")) {
                throw new IllegalArgumentException(classId.origin() + " must be Device or Gateway, not '"
                        + classId.value() + "'");
            }
        }
        List<String> device = present(DEVICE_ONLY);
        List<String> application = present(APPLICATION_ONLY);
        if (!device.isEmpty() && !application.isEmpty()) {
            throw new IllegalArgumentException("configFile " + file + " configures both a device (" + lines(device)
                    + ") and an application (" + lines(application) + "): a file configures one client");
        }
        if (classId != null && !application.isEmpty()) {
            throw new IllegalArgumentException(classId.origin() + " says " + classId.value() + ", but the file "
                    + "configures an application (" + lines(application) + ")");
        }
        if (classId != null && classId.value().equalsIgnoreCase("gateway")) {
            return new Setting<>(IotfClientType.gateway, origin("identity.classId"));
        }
        if (!device.isEmpty() || classId != null) {
            return new Setting<>(IotfClientType.device, origin(!device.isEmpty() ? device.get(0) : "identity.classId"));
        }
        return application.isEmpty() ? null : new Setting<>(IotfClientType.application, origin(application.get(0)));
    }

    /** iot-java's sharedSubscription, or iot-python's instanceId (client id A:org:appId:instanceId). */
    private Setting<Boolean> shared() {
        Setting<Boolean> shared = bool("options.mqtt.sharedSubscription");
        Setting<String> instance = text("options.mqtt.instanceId");
        if (instance == null) {
            return shared;
        }
        if (shared != null && !shared.value()) {
            throw new IllegalArgumentException(shared.origin() + " is false, but " + instance.origin()
                    + " makes a shared subscription (iot-python): remove one of them");
        }
        LOG.debug("{}: a shared subscription; the client id is A:org:appId, without the instance id", instance.origin());
        return new Setting<>(Boolean.TRUE, instance.origin());
    }

    private Setting<String> text(String path) {
        ScalarNode node = values.get(path);
        return node == null || node.getValue().isEmpty() ? null : new Setting<>(node.getValue(), origin(path));
    }

    private Setting<Integer> number(String path, WiotpValues.NumberCheck check) {
        Setting<String> text = text(path);
        return text == null ? null : new Setting<>(check.check(text.origin(), text.value()), text.origin());
    }

    private Setting<Boolean> bool(String path) {
        ScalarNode node = values.get(path);
        if (node == null) {
            return null;
        }
        String text = node.getValue();
        String word = text.trim().toLowerCase(Locale.ROOT);
        Boolean value;
        if (node.getTag().equals(Tag.BOOL)) {
            value = YAML_TRUE.contains(word) ? Boolean.TRUE : YAML_FALSE.contains(word) ? Boolean.FALSE : null;
        } else {
            value = WiotpValues.trueOrFalse(text); // quoted, as iot-java's files have them
        }
        if (value == null) {
            throw new IllegalArgumentException(origin(path) + " must be true or false, not '" + text + "'");
        }
        return new Setting<>(value, origin(path));
    }

    private List<String> present(List<String> paths) {
        List<String> found = new ArrayList<>();
        for (String path : paths) {
            if (text(path) != null) {
                found.add(path);
            }
        }
        return found;
    }

    private String lines(List<String> paths) {
        List<String> named = new ArrayList<>();
        for (String path : paths) {
            named.add(path + " line " + line(values.get(path).getStartMark()));
        }
        return String.join(", ", named);
    }

    private String origin(String path) {
        return at(values.get(path).getStartMark()) + path;
    }

    private String at(Mark mark) {
        return "configFile " + file + " line " + line(mark) + ": ";
    }

    private IllegalArgumentException gateway(Node node, String what) {
        return new IllegalArgumentException(at(node.getStartMark()) + what + ": not a key of IBM's SDKs; a gateway's "
                + "file is a device's (identity orgId, typeId, deviceId; auth token) with identity.classId: Gateway or "
                + "the option clientType=gateway");
    }

    private static int line(Mark mark) {
        return mark.getLine() + 1;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    private static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        return node instanceof SequenceNode ? "a list" : "a single value";
    }
}
