package io.cameliotf.iotf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.config.IbmConfigFile;
import io.cameliotf.iotf.config.WiotpEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The configuration of IBM's current SDKs (wiotp.sdk for Python, com.ibm.wiotp.sdk for Java): their YAML files
 * (configFile) and their WIOTP_* environment variables (configFromEnvironment).
 */
@ExtendWith(IotfEmulatorExtension.class)
class WiotpConfigTest {

    private static final String TOKEN = "Ab$76s)asj8_s5-SECRET";
    private static final String KEY_SECRET_PART = "SECRETKEY9";

    @TempDir
    Path dir;

    // ---- end to end: the files and the environment configure endpoints that connect

    @Test
    void yamlDeviceAndApplicationFilesConfigureConnectingEndpoints(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        String token = org.registerDevice("sensor", "y1");
        Path device = yaml("device.yaml", """
                # as iot-python's parseConfigFile reads it
                identity:
                  orgId: %s
                  typeId: sensor
                  deviceId: y1
                auth:
                  token: "%s"
                options:
                  logLevel: info
                  mqtt:
                    port: 8883
                    transport: tcp
                    cleanStart: true
                    sessionExpiry: 3600
                    keepAlive: 30
                """.formatted(org.id(), token));
        // no orgId: as in the SDKs, an application's organization is its API key's; no extension, told by content
        Path app = yaml("app.cfg", """
                identity:
                  appId: yamlapp
                auth:
                  key: %s
                  token: "%s"
                options:
                  mqtt:
                    keepAlive: "45"
                    cleanStart: "true"
                """.formatted(org.apiKey(), org.apiToken()));
        try (MqttTestClient listener = MqttTestClient.application(iotf, org.appClientId("l"), org.apiKey(), org.apiToken())) {
            listener.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            CamelContext context = CamelContexts.start(new RouteBuilder() {
                @Override
                public void configure() {
                    from("iotf:device-event?configFile=" + app + "&brokerUrl=" + iotf.mqttUrl() + "&deviceType=sensor"
                            + "&event=hello&qos=1").routeId("app").to("mock:app");
                    from("direct:device").to("iotf:device-event?configFile=" + device + "&brokerUrl=" + iotf.mqttUrl()
                            + "&event=hello&qos=1");
                }
            });
            try {
                MockEndpoint received = context.getEndpoint("mock:app", MockEndpoint.class);
                received.expectedMessageCount(1);
                context.createProducerTemplate().sendBody("direct:device", "{\"d\":{\"t\":1}}");
                received.assertIsSatisfied(Waits.LONG_MILLIS);
                assertThat(received.getExchanges().get(0).getIn().getHeader(IotfConstants.DEVICE_ID)).isEqualTo("y1");
                assertThat(Waits.next(listener, 1)).extracting(MqttTestClient.Received::topic)
                        .containsExactly("iot-2/type/sensor/id/y1/evt/hello/fmt/json");

                IotfConfiguration d = endpointWith(context, "device.yaml").getConfiguration();
                assertThat(d.clientId()).isEqualTo("d:" + org.id() + ":sensor:y1");
                assertThat(d.getKeepAliveInterval()).isEqualTo(30);
                IotfConfiguration a = endpointWith(context, "app.cfg").getConfiguration();
                assertThat(a.clientId()).isEqualTo("a:" + org.id() + ":yamlapp");
                assertThat(a.getKeepAliveInterval()).isEqualTo(45);
            } finally {
                context.stop();
            }
        }
    }

    @Test
    void environmentConfiguresConnectingEndpoints(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "e1");
        Map<String, String> env = Map.of(
                "WIOTP_IDENTITY_ORGID", org.id(),
                "WIOTP_IDENTITY_TYPEID", "sensor",
                "WIOTP_IDENTITY_DEVICEID", "e1",
                "WIOTP_AUTH_TOKEN", token,
                "WIOTP_OPTIONS_MQTT_KEEPALIVE", "20",
                "WIOTP_OPTIONS_LOGLEVEL", "debug");
        // iot-java's and iot-python's other names of an application's credentials
        Map<String, String> appEnv = Map.of(
                "WIOTP_API_KEY", org.apiKey(),
                "WIOTP_API_TOKEN", org.apiToken(),
                "WIOTP_IDENTITY_APPID", "envapp",
                "WIOTP_OPTIONS_MQTT_SHAREDSUBSCRIPTION", "false");
        try (MqttTestClient listener = MqttTestClient.application(iotf, org.appClientId("l"), org.apiKey(), org.apiToken())) {
            listener.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            CamelContext devices = start(env, new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:device").to("iotf:device-event?configFromEnvironment=true&brokerUrl=" + iotf.mqttUrl()
                            + "&event=fromenv&qos=1");
                }
            });
            CamelContext apps = start(appEnv, new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:app").to("iotf:device-event?configFromEnvironment=true&brokerUrl=" + iotf.mqttUrl()
                            + "&deviceType=sensor&deviceId=proxied&event=fromenv&qos=1");
                }
            });
            try {
                devices.createProducerTemplate().sendBody("direct:device", "{}");
                apps.createProducerTemplate().sendBody("direct:app", "{}");
                assertThat(Waits.next(listener, 2)).extracting(MqttTestClient.Received::topic)
                        .containsExactlyInAnyOrder("iot-2/type/sensor/id/e1/evt/fromenv/fmt/json",
                                "iot-2/type/sensor/id/proxied/evt/fromenv/fmt/json");
                IotfConfiguration d = onlyIotfEndpoint(devices).getConfiguration();
                assertThat(d.clientId()).isEqualTo("d:" + org.id() + ":sensor:e1");
                assertThat(d.getKeepAliveInterval()).isEqualTo(20);
                assertThat(onlyIotfEndpoint(apps).getConfiguration().clientId()).isEqualTo("a:" + org.id() + ":envapp");
            } finally {
                devices.stop();
                apps.stop();
            }
        }
    }

    // ---- the broker URL the SDKs build, from options.mqtt.port and transport

    @Test
    void portAndTransportMakeTheBrokerUrlAsTheSdksDo() throws Exception {
        assertThat(brokerUrlOfFile("port: 1883", "transport: tcp")).isEqualTo("tcp://ab12cd.messaging.example.com:1883");
        assertThat(brokerUrlOfFile("port: 8883")).isEqualTo("ssl://ab12cd.messaging.example.com:8883");
        assertThat(brokerUrlOfFile("port: 443", "transport: websockets")).isEqualTo("wss://ab12cd.messaging.example.com:443");
        assertThat(brokerUrlOfFile("port: 80", "transport: websockets")).isEqualTo("ws://ab12cd.messaging.example.com:80");
        assertThat(brokerUrlOfFile("transport: websockets")).isEqualTo("wss://ab12cd.messaging.example.com:8883");
        assertThat(brokerUrlOfFile("port: 1884")).isEqualTo("ssl://ab12cd.messaging.example.com:1884");
        assertThat(brokerUrlOfFile("keepAlive: 10")).isEqualTo("ssl://ab12cd.messaging.example.com:8883"); // the default

        Map<String, String> env = new HashMap<>(deviceEnv());
        env.put("WIOTP_OPTIONS_DOMAIN", "example.org");
        env.put("WIOTP_OPTIONS_MQTT_PORT", "1883");
        assertThat(endpoint(env, "iotf:device-event?configFromEnvironment=true").getConfiguration().effectiveBrokerUrl())
                .isEqualTo("tcp://ab12cd.messaging.example.org:1883");
        env.put("WIOTP_OPTIONS_MQTT_TRANSPORT", "websockets");
        assertThat(endpoint(env, "iotf:device-event?configFromEnvironment=true").getConfiguration().effectiveBrokerUrl())
                .isEqualTo("ws://ab12cd.messaging.example.org:1883");
        // the endpoint's org and domain make the URL, and its brokerUrl wins
        assertThat(endpoint(env, "iotf:device-event?configFromEnvironment=true&org=zz99yy&domain=local.test")
                .getConfiguration().effectiveBrokerUrl()).isEqualTo("ws://zz99yy.messaging.local.test:1883");
        assertThat(endpoint(env, "iotf:device-event?configFromEnvironment=true&brokerUrl=tcp://127.0.0.1:1")
                .getConfiguration().effectiveBrokerUrl()).isEqualTo("tcp://127.0.0.1:1");
    }

    // ---- precedence: endpoint and component > configFile > environment

    @Test
    void endpointWinsOverTheFileWhichWinsOverTheEnvironment() throws Exception {
        Path file = yaml("device.yaml", """
                identity: {orgId: ab12cd, typeId: sensor, deviceId: fromfile}
                auth: {token: tok}
                options:
                  mqtt: {keepAlive: 15, cleanStart: false}
                """);
        Map<String, String> env = new HashMap<>(deviceEnv());
        env.put("WIOTP_IDENTITY_DEVICEID", "fromenv");
        env.put("WIOTP_IDENTITY_TYPEID", "envtype");
        env.put("WIOTP_OPTIONS_MQTT_KEEPALIVE", "99");
        env.put("WIOTP_OPTIONS_MQTT_CLEANSTART", "true");
        env.put("WIOTP_OPTIONS_DOMAIN", "example.org");
        IotfConfiguration c = endpoint(env, "iotf:device-event?configFile=" + file + "&configFromEnvironment=true"
                + "&deviceId=fromendpoint").getConfiguration();
        assertThat(c.getDeviceId()).isEqualTo("fromendpoint");
        assertThat(c.getDeviceType()).isEqualTo("sensor");
        assertThat(c.getKeepAliveInterval()).isEqualTo(15);
        assertThat(c.isCleanSession()).as("the file's cleanStart: false wins over the environment's").isFalse();
        assertThat(c.getDomain()).isEqualTo("example.org");

        // iot-python's caFile _os_ (the default trust store) is a value: the environment's caFile does not replace it
        Path os = yaml("os.yaml", "identity: {orgId: ab12cd, typeId: sensor, deviceId: d1}\nauth: {token: tok}\n"
                + "options: {mqtt: {caFile: _os_}}\n");
        env.put("WIOTP_OPTIONS_MQTT_CAFILE", "/etc/iotf/ca.pem");
        assertThat(endpoint(env, "iotf:device-event?configFile=" + os + "&configFromEnvironment=true")
                .getConfiguration().getCaFile()).isNull();
        env.remove("WIOTP_OPTIONS_MQTT_CAFILE");

        // an option set on the endpoint to its default value is set all the same
        c = endpoint(Map.of(), "iotf:device-event?configFile=" + file + "&cleanSession=true&keepAliveInterval=60")
                .getConfiguration();
        assertThat(c.isCleanSession()).isTrue();
        assertThat(c.getKeepAliveInterval()).isEqualTo(60);

        // the component's options win as well
        CamelContext context = new DefaultCamelContext();
        IotfComponent component = new IotfComponent();
        component.useEnvironment(env);
        component.getConfiguration().setKeepAliveInterval(7);
        context.addComponent("iotf", component);
        context.start();
        try {
            assertThat(context.getEndpoint("iotf:device-event?configFromEnvironment=true", IotfEndpoint.class)
                    .getConfiguration().getKeepAliveInterval()).isEqualTo(7);
        } finally {
            context.stop();
        }
    }

    @Test
    void applicationSettingsMapToTheirOptions() throws Exception {
        Path file = yaml("app.yml", """
                identity: {appId: a1}
                auth: {key: a-ab12cd-0123456789, token: tok}
                options:
                  domain: example.com
                  logLevel: INFO
                  mqtt: {instanceId: i1, caFile: _os_, keepAlive: 0}
                  http: {verify: true}
                """);
        IotfConfiguration c = new IotfConfiguration();
        IbmConfigFile.apply(file, c);
        assertThat(c.getClientType()).isEqualTo(IotfClientType.application);
        assertThat(c.getOrg()).isEqualTo("ab12cd");
        assertThat(c.isShared()).as("iot-python's instanceId is a shared subscription").isTrue();
        assertThat(c.clientId()).isEqualTo("A:ab12cd:a1");
        assertThat(c.getCaFile()).as("_os_ is the default trust store").isNull();
        assertThat(c.getKeepAliveInterval()).isZero();

        IotfConfiguration e = new IotfConfiguration();
        WiotpEnvironment.apply(Map.of("WIOTP_AUTH_KEY", "a-ab12cd-0123456789", "WIOTP_AUTH_TOKEN", "tok",
                "WIOTP_OPTIONS_MQTT_CAFILE", "/etc/ca.pem", "WIOTP_OPTIONS_MQTT_CLEANSTART", "False",
                "WIOTP_OPTIONS_MQTT_SHAREDSUBSCRIPTION", "TRUE", "WIOTP_OPTIONS_HTTP_VERIFY", "1"), e);
        assertThat(e.getOrg()).isEqualTo("ab12cd");
        assertThat(e.getAuthKey()).isEqualTo("a-ab12cd-0123456789");
        assertThat(e.getAuthToken()).isEqualTo("tok");
        assertThat(e.getCaFile()).isEqualTo("/etc/ca.pem");
        assertThat(e.isCleanSession()).isFalse();
        assertThat(e.isShared()).isTrue();
    }

    @Test
    void theOptionClientTypeDecidesWhenTheEnvironmentHasBothKinds() throws Exception {
        Map<String, String> env = new HashMap<>(deviceEnv());
        env.put("WIOTP_AUTH_KEY", "a-ab12cd-0123456789");
        env.put("WIOTP_OPTIONS_MQTT_SHAREDSUBSCRIPTION", "true");
        assertThat(refusal(env, "iotf:device-event?configFromEnvironment=true"))
                .contains("WIOTP_AUTH_KEY, WIOTP_OPTIONS_MQTT_SHAREDSUBSCRIPTION (of an application) and "
                        + "WIOTP_IDENTITY_TYPEID, WIOTP_IDENTITY_DEVICEID (of a device) are set")
                .contains("set the option clientType");
        IotfConfiguration device = endpoint(env, "iotf:device-event?configFromEnvironment=true&clientType=device")
                .getConfiguration();
        assertThat(device.clientId()).isEqualTo("d:ab12cd:sensor:d1");
        assertThat(device.isShared()).isFalse();
        assertThat(device.getAuthKey()).isNull();
        IotfConfiguration app = endpoint(env, "iotf:device-event?configFromEnvironment=true&clientType=application"
                + "&appId=x").getConfiguration();
        assertThat(app.clientId()).isEqualTo("A:ab12cd:x");
        assertThat(app.getDeviceId()).isNull();
    }

    // ---- errors

    @Test
    void unknownKeysAndWrongTypesNameTheFileLineAndKey() throws Exception {
        assertThat(fileRefusal("unknown.yaml", "identity: {orgId: ab12cd}\noptions:\n  mqtt:\n    prot: 1883\n"))
                .contains("unknown.yaml line 4: unknown key 'options.mqtt.prot' (known in options.mqtt: port,");
        assertThat(fileRefusal("top.yaml", "identity: {orgId: ab12cd}\ncolour: blue\n"))
                .contains("top.yaml line 2: unknown key 'colour' (known at the top: identity, auth, options)");
        assertThat(fileRefusal("list.yaml", "identity: {orgId: ab12cd}\noptions:\n  mqtt:\n    keepAlive: [1, 2]\n"))
                .contains("list.yaml line 4: options.mqtt.keepAlive must be a single value, not a list");
        assertThat(fileRefusal("bool.yaml", "identity:\n  orgId: ab12cd\noptions:\n  mqtt:\n    cleanStart: maybe\n"))
                .contains("bool.yaml line 5: options.mqtt.cleanStart must be true or false, not 'maybe'");
        assertThat(fileRefusal("section.yaml", "identity: dev1\n"))
                .contains("section.yaml line 1: identity must be a mapping of orgId, typeId, deviceId, appId, classId, "
                        + "not a single value");
        assertThat(fileRefusal("twice.yaml", "identity: {orgId: ab12cd}\nidentity: {orgId: cd34ef}\n"))
                .contains("twice.yaml line 2: the key identity appears twice");
        assertThat(fileRefusal("transport.yaml", "identity: {orgId: ab12cd}\noptions: {mqtt: {transport: quic}}\n"))
                .contains("transport.yaml line 2: options.mqtt.transport must be tcp or websockets, not 'quic'");
        assertThat(fileRefusal("level.yaml", "identity: {orgId: ab12cd}\noptions: {logLevel: loud}\n"))
                .contains("level.yaml line 2: options.logLevel must be one of error, warning, info, debug");
        assertThat(fileRefusal("syntax.yaml", "identity:\n  orgId: ab12cd\n typeId: x\n"))
                .contains("syntax.yaml line 3: not valid YAML:");
        assertThat(fileRefusal("both.yaml", "identity: {orgId: ab12cd, typeId: t, deviceId: d, appId: a}\n"))
                .contains("both.yaml configures both a device (identity.typeId line 1, identity.deviceId line 1) and "
                        + "an application (identity.appId line 1): a file configures one client");
        assertThat(fileRefusal("verify.yaml", "auth: {key: a-ab12cd-0123456789, token: t}\noptions:\n  http:\n"
                + "    verify: false\n"))
                .contains("verify.yaml line 4: options.http.verify is false, which turns certificate checks off");
        assertThat(fileRefusal("empty.yaml", "# nothing\n")).contains("empty.yaml is empty");
    }

    @Test
    void badPortsAreRefused() throws Exception {
        assertThat(fileRefusal("big.yaml", "identity: {orgId: ab12cd}\noptions:\n  mqtt:\n    port: 70000\n"))
                .contains("big.yaml line 4: options.mqtt.port must be a port number from 1 to 65535, not 70000");
        assertThat(fileRefusal("word.yaml", "identity: {orgId: ab12cd}\noptions:\n  mqtt:\n    port: abc\n"))
                .contains("word.yaml line 4: options.mqtt.port must be a port number (a whole number from 1 to 65535), "
                        + "not 'abc'");
        assertThat(fileRefusal("float.yaml", "identity: {orgId: ab12cd}\noptions: {mqtt: {port: 8883.5}}\n"))
                .contains("not '8883.5'");
        assertThat(envRefusal(Map.of("WIOTP_OPTIONS_MQTT_PORT", "eighty")))
                .contains("The environment variable WIOTP_OPTIONS_MQTT_PORT must be a port number (a whole number "
                        + "from 1 to 65535), not 'eighty'");
        assertThat(envRefusal(Map.of("WIOTP_OPTIONS_MQTT_PORT", "0")))
                .contains("WIOTP_OPTIONS_MQTT_PORT must be a port number from 1 to 65535, not 0");
    }

    @Test
    void environmentErrorsNameTheVariable() {
        assertThat(envRefusal(Map.of("WIOTP_OPTIONS_MQTT_KEEPALIVE", "-1")))
                .contains("The environment variable WIOTP_OPTIONS_MQTT_KEEPALIVE must be a number of seconds");
        assertThat(envRefusal(Map.of("WIOTP_OPTIONS_MQTT_CLEANSTART", "yes")))
                .contains("The environment variable WIOTP_OPTIONS_MQTT_CLEANSTART must be true, false, 1 or 0, not 'yes'");
        assertThat(envRefusal(Map.of("WIOTP_OPTIONS_MQTT_TRANSPORT", "udp")))
                .contains("WIOTP_OPTIONS_MQTT_TRANSPORT must be tcp or websockets, not 'udp'");
        assertThat(envRefusal(Map.of("WIOTP_OPTIONS_MQTT_SESSIONEXPIRY", "soon")))
                .contains("WIOTP_OPTIONS_MQTT_SESSIONEXPIRY must be a number of seconds");
        assertThat(envRefusal(Map.of("WIOTP_OPTIONS_LOGLEVEL", "chatty")))
                .contains("WIOTP_OPTIONS_LOGLEVEL must be one of error, warning, info, debug");
        assertThat(envRefusal(Map.of("WIOTP_AUTH_KEY", "a-ab12cd-0123456789", "WIOTP_OPTIONS_HTTP_VERIFY", "False")))
                .contains("WIOTP_OPTIONS_HTTP_VERIFY is false");
        assertThat(envRefusal(Map.of("WIOTP_AUTH_KEY", "a-ab12cd-0123456789",
                "WIOTP_OPTIONS_MQTT_SHAREDSUBSCRIPTION", "false", "WIOTP_OPTIONS_MQTT_INSTANCEID", "i1")))
                .contains("WIOTP_OPTIONS_MQTT_SHAREDSUBSCRIPTION is false, but WIOTP_OPTIONS_MQTT_INSTANCEID makes a "
                        + "shared subscription");
    }

    @Test
    void gatewayIdentitiesComeFromTheFilesAndTheEnvironment() throws Exception {
        // a gateway's files and variables are a device's (IBM's SDKs); classId: Gateway, [gateway] or the option say so
        IotfConfiguration yaml = new IotfConfiguration();
        IbmConfigFile.apply(yaml("gw.yaml", "identity:\n  orgId: ab12cd\n  classId: Gateway\n  typeId: gw\n"
                + "  deviceId: g1\nauth: {token: t}\n"), yaml);
        assertGateway(yaml);
        IotfConfiguration ini = new IotfConfiguration();
        IbmConfigFile.apply(Files.writeString(dir.resolve("gw.cfg"), "[gateway]\norg=ab12cd\ntype=gw\nid=g1\n"
                + "auth-method=token\nauth-token=t\n"), ini);
        assertGateway(ini);
        IotfConfiguration deviceFile = new IotfConfiguration();
        deviceFile.setClientType(IotfClientType.gateway);
        IbmConfigFile.apply(yaml("dev.yaml", "identity: {orgId: ab12cd, typeId: gw, deviceId: g1}\nauth: {token: t}\n"),
                deviceFile);
        assertGateway(deviceFile);
        IotfConfiguration env = new IotfConfiguration();
        env.setClientType(IotfClientType.gateway);
        WiotpEnvironment.apply(Map.of("WIOTP_IDENTITY_ORGID", "ab12cd", "WIOTP_IDENTITY_TYPEID", "gw",
                "WIOTP_IDENTITY_DEVICEID", "g1", "WIOTP_AUTH_TOKEN", "t"), env);
        assertGateway(env);

        assertThat(fileRefusal("gw2.yaml", "gateway:\n  orgId: ab12cd\n"))
                .contains("gw2.yaml line 1: gateway: not a key of IBM's SDKs", "identity.classId: Gateway");
        assertThat(fileRefusal("class.yaml", "identity: {orgId: ab12cd, classId: Thing}\n"))
                .contains("class.yaml line 1: identity.classId must be Device or Gateway, not 'Thing'");
        assertThat(fileRefusal("gwapp.cfg", "[gateway]\norg=ab12cd\nauth-key=a-ab12cd-0123456789\n"))
                .contains("gwapp.cfg line 3: unknown key 'auth-key' in [gateway]");
        IotfConfiguration c = new IotfConfiguration();
        IbmConfigFile.apply(yaml("dev2.yaml", "identity: {orgId: ab12cd, classId: Device, typeId: t, deviceId: d}\n"), c);
        assertThat(c.getClientType()).isEqualTo(IotfClientType.device);
        assertThat(c.getGatewayType()).isNull();
    }

    private static void assertGateway(IotfConfiguration c) {
        assertThat(c.getClientType()).isEqualTo(IotfClientType.gateway);
        assertThat(c.clientId()).isEqualTo("g:ab12cd:gw:g1");
        assertThat(c.getDeviceType()).isNull();
        assertThat(c.getDeviceId()).isNull();
        assertThat(c.getAuthToken()).isEqualTo("t");
        assertThat(c.username()).isEqualTo("use-token-auth");
    }

    @Test
    void missingFilesAndClientTypeConflictsAreRefused() throws Exception {
        assertThat(refusal(Map.of(), "iotf:device-event?configFile=" + dir.resolve("missing.yaml")))
                .contains("The configFile " + dir.resolve("missing.yaml") + " does not exist");
        Path device = yaml("device.yaml", "identity: {orgId: ab12cd, typeId: t, deviceId: d}\nauth: {token: t}\n");
        assertThat(refusal(Map.of(), "iotf:device-event?configFile=" + device + "&clientType=application"))
                .contains("device.yaml line 1: identity.typeId configures a device, but the option clientType is "
                        + "application");
        // the file made the endpoint a device: an application environment cannot change it
        assertThat(refusal(Map.of("WIOTP_AUTH_KEY", "a-ab12cd-0123456789", "WIOTP_AUTH_TOKEN", "t"),
                "iotf:device-event?configFile=" + device + "&configFromEnvironment=true"))
                .contains("The environment variable WIOTP_AUTH_KEY configures an application, but the option "
                        + "clientType is device");
    }

    // ---- secrets

    @Test
    void tokensAndKeysNeverAppearInErrorsOrLogs() throws Exception {
        String key = "a-ab12cd-" + KEY_SECRET_PART;
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger config = (Logger) LoggerFactory.getLogger("io.cameliotf.iotf.config");
        Level before = config.getLevel();
        config.setLevel(Level.DEBUG);
        logs.start();
        config.addAppender(logs);
        List<String> messages = new ArrayList<>();
        try {
            String auth = "auth:\n  key: " + key + "\n  token: \"" + TOKEN + "\"\n";
            messages.add(fileRefusal("s1.yaml", auth + "options: {mqtt: {port: 99999}}\n"));
            messages.add(fileRefusal("s2.yaml", auth + "  tokn: x\n"));
            messages.add(fileRefusal("s3.yaml", "auth:\n  token: [\"" + TOKEN + "\"]\n"));
            messages.add(fileRefusal("s4.yaml", "auth:\n  key: b" + KEY_SECRET_PART + "\n  token: " + TOKEN + "\n"));
            messages.add(fileRefusal("s5.yaml", "auth:\n  token: " + TOKEN + ": x\n"));
            messages.add(fileRefusal("s6.yaml", "auth: " + TOKEN + "\n"));
            messages.add(fileRefusal("s7.yaml", "identity: {typeId: t}\n" + auth));
            messages.add(fileRefusal("s8.cfg", "[application]\norg=ab12cd\nauth-key=" + key + "\nauth-token=" + TOKEN
                    + "\nauth-method=token\n"));
            messages.add(envRefusal(Map.of("WIOTP_AUTH_KEY", "b" + KEY_SECRET_PART, "WIOTP_AUTH_TOKEN", TOKEN)));
            messages.add(envRefusal(Map.of("WIOTP_AUTH_KEY", key, "WIOTP_AUTH_TOKEN", TOKEN,
                    "WIOTP_OPTIONS_MQTT_PORT", "99999")));
            // the endpoint's own check of an API key of another organization
            messages.add(refusal(Map.of("WIOTP_AUTH_KEY", key, "WIOTP_AUTH_TOKEN", TOKEN),
                    "iotf:device-event?configFromEnvironment=true&org=zz99yy"));
            // and a configuration that works, logged at DEBUG
            IbmConfigFile.apply(yaml("ok.yaml", auth + "options: {logLevel: debug, mqtt: {port: 443}}\n"),
                    new IotfConfiguration());
            WiotpEnvironment.apply(Map.of("WIOTP_AUTH_KEY", key, "WIOTP_AUTH_TOKEN", TOKEN, "WIOTP_ORG_ID", "x"),
                    new IotfConfiguration());
        } finally {
            config.detachAppender(logs);
            config.setLevel(before);
        }
        assertThat(messages).hasSize(11).allSatisfy(m -> assertThat(m).isNotBlank().doesNotContain(TOKEN)
                .doesNotContain(KEY_SECRET_PART).doesNotContain("Ab$76s"));
        assertThat(messages.get(3)).contains("auth.key (not shown: it is secret) does not read a-<org>-<random>");
        assertThat(messages.get(5)).contains("auth must be a mapping of key, token, not a single value");
        assertThat(logs.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain(TOKEN).doesNotContain(KEY_SECRET_PART));
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("WIOTP_ORG_ID").contains("are not read"));
    }

    // ---- helpers

    private Path yaml(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static Map<String, String> deviceEnv() {
        return Map.of("WIOTP_IDENTITY_ORGID", "ab12cd", "WIOTP_IDENTITY_TYPEID", "sensor",
                "WIOTP_IDENTITY_DEVICEID", "d1", "WIOTP_AUTH_TOKEN", "tok");
    }

    private String brokerUrlOfFile(String... mqtt) throws Exception {
        Path file = yaml("url.yaml", "identity: {orgId: ab12cd, typeId: sensor, deviceId: d1}\nauth: {token: tok}\n"
                + "options:\n  domain: example.com\n  mqtt:\n    " + String.join("\n    ", mqtt) + "\n");
        return endpoint(Map.of(), "iotf:device-event?configFile=" + file).getConfiguration().effectiveBrokerUrl();
    }

    private String fileRefusal(String name, String text) throws Exception {
        Path file = yaml(name, text);
        Throwable thrown = catchThrowable(() -> IbmConfigFile.apply(file, new IotfConfiguration()));
        assertThat(thrown).as(name).isInstanceOf(IllegalArgumentException.class);
        return thrown.getMessage();
    }

    private static String envRefusal(Map<String, String> env) {
        Throwable thrown = catchThrowable(() -> WiotpEnvironment.apply(env, new IotfConfiguration()));
        assertThat(thrown).as(env.keySet().toString()).isInstanceOf(IllegalArgumentException.class);
        return thrown.getMessage();
    }

    /** The message of the exception that refused to make the endpoint. */
    private static String refusal(Map<String, String> env, String uri) throws Exception {
        CamelContext context = context(env);
        try {
            Throwable thrown = catchThrowable(() -> context.getEndpoint(uri));
            assertThat(thrown).as(uri).isNotNull();
            Throwable cause = thrown;
            while (!(cause instanceof IllegalArgumentException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertThat(cause).as(uri).isInstanceOf(IllegalArgumentException.class);
            return cause.getMessage();
        } finally {
            context.stop();
        }
    }

    private static IotfEndpoint endpoint(Map<String, String> env, String uri) throws Exception {
        CamelContext context = context(env);
        try {
            return context.getEndpoint(uri, IotfEndpoint.class);
        } finally {
            context.stop();
        }
    }

    private static CamelContext context(Map<String, String> env) throws Exception {
        CamelContext context = new DefaultCamelContext();
        IotfComponent component = new IotfComponent();
        component.useEnvironment(env);
        context.addComponent("iotf", component);
        context.start();
        return context;
    }

    private static CamelContext start(Map<String, String> env, RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        IotfComponent component = new IotfComponent();
        component.useEnvironment(env);
        context.addComponent("iotf", component);
        context.addRoutes(routes);
        context.start();
        return context;
    }

    private static IotfEndpoint endpointWith(CamelContext context, String configFileName) {
        return context.getEndpoints().stream().filter(IotfEndpoint.class::isInstance).map(IotfEndpoint.class::cast)
                .filter(e -> e.getConfiguration().getConfigFile() != null
                        && e.getConfiguration().getConfigFile().endsWith(configFileName))
                .findFirst().orElseThrow();
    }

    private static IotfEndpoint onlyIotfEndpoint(CamelContext context) {
        return context.getEndpoints().stream().filter(IotfEndpoint.class::isInstance).map(IotfEndpoint.class::cast)
                .findFirst().orElseThrow();
    }
}
