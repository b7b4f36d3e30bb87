package io.cameliotf.iotf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.emulator.registry.NewDeviceType;
import io.cameliotf.emulator.store.DeviceInfo;
import io.cameliotf.emulator.store.DeviceType;
import io.cameliotf.iotf.model.IotfDevice;
import io.cameliotf.iotf.mqtt.ConnectionStats;
import io.cameliotf.iotf.mqtt.GatewayNotifications;
import io.cameliotf.iotf.mqtt.IotfConnection;
import io.cameliotf.iotf.mqtt.IotfDevConsole;
import io.cameliotf.iotf.payload.IotfGatewayNotification;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * clientType=gateway (later contract 3.4): a Camel route as the gateway of devices that cannot speak MQTT, against the
 * real local service, with plain Paho as the application on the other side. Each test has a gateway of its own.
 */
@ExtendWith(IotfEmulatorExtension.class)
class GatewayTest {

    static final String EVENTS = "iot-2/type/+/id/+/evt/+/fmt/+";

    static IotfEmulator iotf;
    static TestOrganization org;

    @BeforeAll
    static void organization(IotfEmulator emulator, TestOrganization organization) {
        iotf = emulator;
        org = organization;
        iotf.devices().createType(org.id(), new NewDeviceType("gw", DeviceType.GATEWAY, null, DeviceInfo.EMPTY, null));
    }

    /** Registers gateway gw/{@code id}; returns its token. */
    static String gateway(String id) {
        return org.registerDevice("gw", id);
    }

    /**
     * A started CamelContext whose iotf component has the organization and the service's URL, and whose property
     * gw.token is {@code token}: the routes' URIs read as they would in an application.
     */
    static CamelContext start(String token, RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        HealthCheckHelper.getHealthCheckRepository(context, "consumers");
        context.getPropertiesComponent().addInitialProperty("gw.token", token);
        IotfComponent component = context.getComponent("iotf", IotfComponent.class);
        component.getConfiguration().setOrg(org.id());
        component.getConfiguration().setBrokerUrl(iotf.mqttUrl());
        context.addRoutes(routes);
        context.start();
        return context;
    }

    static MqttTestClient app(String appId) throws Exception {
        return MqttTestClient.application(iotf, org.appClientId(appId), org.apiKey(), org.apiToken());
    }

    @Test
    void gatewayPublishesForItselfAndForTheDevicesItServes() throws Exception {
        String token = gateway("gw1");
        try (MqttTestClient app = app("gw-events")) {
            app.subscribe(EVENTS, 1);
            CamelContext context = start(token, new RouteBuilder() {
                @Override
                public void configure() {
                    // tag::gateway-producer[]
                    // gateway gw/gw1 publishes for itself, or for the device the headers name (registered on first use)
                    from("direct:reading")
                        .to("iotf:device-event?clientType=gateway&gatewayType=gw&gatewayId=gw1"
                            + "&authToken=RAW({{gw.token}})&event=reading&qos=1");
                    // or for one device, named by the options
                    from("direct:pump")
                        .to("iotf:device-event?clientType=gateway&gatewayType=gw&gatewayId=gw1"
                            + "&authToken=RAW({{gw.token}})&deviceType=pump&deviceId=p1&event=flow&qos=1");
                    // end::gateway-producer[]
                    from("direct:registry").to(RegistryTest.registry(iotf, org, IotfApiVersion.v0002)
                            + "&operation=getDevice");
                }
            });
            try {
                ProducerTemplate template = context.createProducerTemplate();
                Exchange own = template.send("direct:reading", e -> e.getMessage().setBody("{\"d\":{\"up\":true}}"));
                template.sendBodyAndHeaders("direct:reading", "{\"d\":{\"t\":21}}", Map.of(IotfConstants.DEVICE_TYPE,
                        "sensor", IotfConstants.DEVICE_ID, "s1"));
                template.sendBodyAndHeaders("direct:reading", "{\"d\":{\"t\":22}}", Map.of(IotfConstants.DEVICE_TYPE,
                        "sensor", IotfConstants.DEVICE_ID, "s2", IotfConstants.EVENT, "temp"));
                template.sendBody("direct:pump", "{\"d\":{\"l\":3}}");

                assertThat(own.getException()).isNull();
                assertThat(own.getMessage().getHeader(IotfConstants.TOPIC)).isEqualTo(
                        "iot-2/type/gw/id/gw1/evt/reading/fmt/json");
                assertThat(own.getMessage().getHeader(IotfConstants.CLIENT_ID)).isEqualTo("g:" + org.id() + ":gw:gw1");
                assertThat(Waits.next(app, 4)).extracting(Received::topic, Received::text).containsExactly(
                        tuple("iot-2/type/gw/id/gw1/evt/reading/fmt/json",
                                "{\"d\":{\"up\":true}}"),
                        tuple("iot-2/type/sensor/id/s1/evt/reading/fmt/json",
                                "{\"d\":{\"t\":21}}"),
                        tuple("iot-2/type/sensor/id/s2/evt/temp/fmt/json",
                                "{\"d\":{\"t\":22}}"),
                        tuple("iot-2/type/pump/id/p1/evt/flow/fmt/json",
                                "{\"d\":{\"l\":3}}"));
                // two endpoints of one gateway: one connection
                assertThat(connections(context)).extracting(IotfConnection::clientId)
                        .containsExactly("g:" + org.id() + ":gw:gw1");
                // the served devices were registered on first use, with their gateway, as the REST API shows
                for (String id : List.of("s1", "s2")) {
                    IotfDevice device = template.requestBodyAndHeaders("direct:registry", null, Map.of(
                            IotfConstants.DEVICE_TYPE, "sensor", IotfConstants.DEVICE_ID, id), IotfDevice.class);
                    assertThat(device.getGatewayTypeId()).isEqualTo("gw");
                    assertThat(device.getGatewayId()).isEqualTo("gw1");
                }
            } finally {
                context.stop();
            }
        }
        // and in the service's registry; the gateway is not its own
        assertThat(iotf.devices().device(org.id(), "pump", "p1").orElseThrow().gatewayId()).isEqualTo("gw1");
        assertThat(iotf.devices().device(org.id(), "gw", "gw1").orElseThrow().gatewayId()).isNull();
    }

    @Test
    void aWrongDeviceInTheHeadersIsRefusedBeforePublishing() throws Exception {
        String token = gateway("gw2");
        try (MqttTestClient app = app("gw-wrong")) {
            app.subscribe(EVENTS, 1);
            CamelContext context = start(token, new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:reading").to("iotf:device-event?clientType=gateway&gatewayType=gw&gatewayId=gw2"
                            + "&authToken=RAW({{gw.token}})&event=reading&qos=1");
                }
            });
            try {
                ProducerTemplate template = context.createProducerTemplate();
                Exchange badId = template.send("direct:reading", e -> {
                    e.getMessage().setBody("{}");
                    e.getMessage().setHeader(IotfConstants.DEVICE_TYPE, "sensor");
                    e.getMessage().setHeader(IotfConstants.DEVICE_ID, "s 1");
                });
                assertThat(badId.getException()).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("The header CamelIotfDeviceId").hasMessageContaining("' '");
                Exchange typeOnly = template.send("direct:reading", e -> {
                    e.getMessage().setBody("{}");
                    e.getMessage().setHeader(IotfConstants.DEVICE_TYPE, "sensor");
                });
                assertThat(typeOnly.getException()).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("needs both the device's type and id")
                        .hasMessageContaining("CamelIotfDeviceId").hasMessageContaining("[later contract 3.4]");
                // a marker behind them: had either been published, it would have come first
                template.sendBody("direct:reading", "marker");
                assertThat(Waits.next(app).topic()).isEqualTo("iot-2/type/gw/id/gw2/evt/reading/fmt/json");
            } finally {
                context.stop();
            }
        }
    }

    @Test
    void commandsForServedDevicesReachTheirRoutesOnTheGatewaysOneConnection() throws Exception {
        String gwToken = gateway("gw3");
        CamelContext context = start(gwToken, new RouteBuilder() {
            @Override
            public void configure() {
                // tag::gateway-commands[]
                // every command for gateway gw/gw3 and the devices it serves, on the gateway's one connection
                from("iotf:command?clientType=gateway&gatewayType=gw&gatewayId=gw3&authToken=RAW({{gw.token}})&qos=1")
                    .log("${header.CamelIotfCommand} for ${header.CamelIotfDeviceType}/${header.CamelIotfDeviceId}")
                    .to("mock:all");
                // only the open commands of the valves behind it
                from("iotf:command?clientType=gateway&gatewayType=gw&gatewayId=gw3&authToken=RAW({{gw.token}})"
                        + "&deviceType=valve&command=open&qos=1")
                    .to("mock:valves");
                // end::gateway-commands[]
                from("direct:status").to("iotf:device-event?clientType=gateway&gatewayType=gw&gatewayId=gw3"
                        + "&authToken=RAW({{gw.token}})&event=status");
            }
        });
        try (MqttTestClient app = app("gw-commander")) {
            MockEndpoint all = context.getEndpoint("mock:all", MockEndpoint.class);
            MockEndpoint valves = context.getEndpoint("mock:valves", MockEndpoint.class);
            all.expectedMessageCount(3);
            valves.expectedMessageCount(1);
            app.publish("iot-2/type/sensor/id/s7/cmd/reboot/fmt/json", "{\"delay\":5}", 1);
            app.publish("iot-2/type/valve/id/v9/cmd/open/fmt/text", "50", 1);
            app.publish("iot-2/type/gw/id/gw3/cmd/ping/fmt/json", "{}", 1);
            all.assertIsSatisfied(Waits.LONG_MILLIS);
            valves.assertIsSatisfied(Waits.LONG_MILLIS);
            assertHeaders(all.getExchanges().get(0), "sensor", "s7", "reboot", "json");
            assertHeaders(all.getExchanges().get(1), "valve", "v9", "open", "text");
            assertHeaders(all.getExchanges().get(2), "gw", "gw3", "ping", "json");
            assertHeaders(valves.getExchanges().get(0), "valve", "v9", "open", "text");
            assertThat(valves.getExchanges().get(0).getIn().getHeader(IotfConstants.CLIENT_ID))
                    .isEqualTo("g:" + org.id() + ":gw:gw3");

            // consumers and a producer of one gateway: one connection, with both subscriptions and the notify topic
            List<IotfConnection> connections = connections(context);
            assertThat(connections).hasSize(1);
            IotfConnection connection = connections.get(0);
            assertThat(connection.stats().subscriptions()).extracting(ConnectionStats.Subscribed::topicFilter)
                    .containsExactly("iot-2/type/gw/id/gw3/notify", "iot-2/type/+/id/+/cmd/+/fmt/+",
                            "iot-2/type/valve/id/+/cmd/open/fmt/+");

            // another client takes the gateway's id over and goes: the connection is made again, every subscription
            // restored (a probe is sent until it arrives: the subscriptions are restored without waiting)
            try (MqttTestClient intruder = MqttTestClient.builder(iotf.mqttUrl(), connection.clientId())
                    .username("use-token-auth").password(gwToken).connect()) {
                Waits.await().until(() -> !connection.isConnected());
            }
            Waits.await().until(() -> connection.isConnected() && connection.stats().reconnects() >= 1);
            valves.reset();
            valves.expectedMinimumMessageCount(1);
            Waits.await().until(() -> {
                app.publish("iot-2/type/valve/id/v9/cmd/open/fmt/text", "after", 1);
                return valves.getReceivedCounter() > 0;
            });
            assertHeaders(valves.getExchanges().get(0), "valve", "v9", "open", "text");
            assertThat(connection.stats().subscriptions()).hasSize(3);
            context.createProducerTemplate().sendBody("direct:status", "{}");
            assertThat(connections(context)).containsExactly(connection);
        } finally {
            context.stop();
        }
    }

    @Test
    void aGatewayWatchesTheStatusOfItsOrganizationsDevices() throws Exception {
        String gwToken = gateway("gw5");
        String sensorToken = org.registerDevice("sensor", "watched1");
        CamelContext context = start(gwToken, new RouteBuilder() {
            @Override
            public void configure() {
                // tag::gateway-status[]
                // connects and disconnects of the sensors (later contract 3.4: iot-2/type/sensor/id/+/mon)
                from("iotf:device-status?clientType=gateway&gatewayType=gw&gatewayId=gw5&authToken=RAW({{gw.token}})"
                        + "&deviceType=sensor")
                    .log("${header.CamelIotfDeviceId}: ${header.CamelIotfStatusAction}")
                    .to("mock:status");
                // end::gateway-status[]
            }
        });
        try {
            MockEndpoint status = context.getEndpoint("mock:status", MockEndpoint.class);
            status.expectedMinimumMessageCount(1);
            try (MqttTestClient sensor = MqttTestClient.device(iotf, org.id(), "sensor", "watched1", sensorToken)) {
                status.assertIsSatisfied(Waits.LONG_MILLIS);
            }
            Exchange connect = status.getExchanges().get(0);
            assertThat(connect.getIn().getHeader(IotfConstants.DEVICE_ID)).isEqualTo("watched1");
            assertThat(connect.getIn().getHeader(IotfConstants.STATUS_ACTION)).isEqualTo("Connect");
            assertThat(connect.getIn().getHeader(IotfConstants.CLIENT_ID)).isEqualTo("g:" + org.id() + ":gw:gw5");
        } finally {
            context.stop();
        }
    }

    @Test
    void whatTheServiceRefusesTheGatewayIsLoggedCountedShownAndRouted() throws Exception {
        String token = gateway("gw4");
        try (CapturedLog log = CapturedLog.of(GatewayNotifications.class)) {
            CamelContext context = start(token, new RouteBuilder() {
                @Override
                public void configure() {
                    // tag::gateway-notify[]
                    // what the service refused gateway gw/gw4 (its body an IotfGatewayNotification; ${body.x} needs
                    // camel-bean)
                    from("iotf:gateway-notify?clientType=gateway&gatewayType=gw&gatewayId=gw4&authToken=RAW({{gw.token}})")
                        .routeId("refusals")
                        .log("Refused: ${body.request} on ${body.topic}: ${body.message}")
                        .to("mock:refused");
                    // end::gateway-notify[]
                    from("direct:outside").to("iotf:device-event?clientType=gateway&gatewayType=gw&gatewayId=gw4"
                            + "&authToken=RAW({{gw.token}})&event=e&qos=1");
                }
            });
            try {
                MockEndpoint refused = context.getEndpoint("mock:refused", MockEndpoint.class);
                refused.expectedMessageCount(1);
                // a device id the service takes for a URL path's dot segment, which this component lets through
                Throwable error = catchThrowable(() -> context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("iotf:command?clientType=gateway&gatewayType=gw&gatewayId=gw4&authToken=RAW({{gw.token}})"
                                + "&deviceType=sensor&deviceId=.").routeId("outside").to("log:x");
                    }
                }));
                assertThat(error).isNotNull();
                assertThat(messages(error)).contains("refused the subscription of g:" + org.id()
                        + ":gw:gw4 to iot-2/type/sensor/id/./cmd/+/fmt/+", "outside the client's topic space");
                refused.assertIsSatisfied(Waits.LONG_MILLIS);
                Exchange e = refused.getExchanges().get(0);
                IotfGatewayNotification n = e.getIn().getBody(IotfGatewayNotification.class);
                assertThat(n.getRequest()).isEqualTo("subscribe");
                assertThat(n.getTopic()).isEqualTo("iot-2/type/sensor/id/./cmd/+/fmt/+");
                assertThat(n.getClient()).isEqualTo("g:" + org.id() + ":gw:gw4");
                assertThat(n.getRc()).isEqualTo(128);
                assertThat(n.getMessage()).contains("outside");
                assertThat(n.getTime()).isNotEmpty();
                assertThat(e.getIn().getHeader(IotfConstants.DEVICE_TYPE)).isEqualTo("sensor");
                assertThat(e.getIn().getHeader(IotfConstants.DEVICE_ID)).isEqualTo(".");
                assertThat(e.getIn().getHeader(IotfConstants.TOPIC)).isEqualTo("iot-2/type/gw/id/gw4/notify");

                IotfConnection connection = connections(context).get(0);
                assertThat(connection.stats().gatewayNotifications()).isEqualTo(1);
                Waits.await().until(() -> log.contains(Level.WARN, "refused gateway g:" + org.id() + ":gw:gw4",
                        "subscribe on iot-2/type/sensor/id/./cmd/+/fmt/+", "RC 128"));
                assertThat(log.messages(Level.WARN)).noneMatch(m -> m.contains(token));

                IotfDevConsole console = new IotfDevConsole();
                console.setCamelContext(context);
                JsonObject json = (JsonObject) ((List<?>) ((Map<?, ?>) console.call(DevConsole.MediaType.JSON))
                        .get("connections")).get(0);
                assertThat(json.getLong("gatewayNotifications")).isEqualTo(1);
                assertThat(json.getString("lastGatewayNotification")).contains("subscribe", "sensor/.");
                assertThat((String) console.call(DevConsole.MediaType.TEXT)).contains("Gateway Notifications: 1");
                HealthCheck.Result health = HealthCheckHelper.invoke(context, c -> Map.of(), c -> false, "full").stream()
                        .filter(r -> r.getCheck().getId().equals("consumer:refusals")).findFirst().orElseThrow();
                assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
                assertThat(health.getDetails()).containsEntry("iotf.gatewayNotifications", 1L);

                // a publish outside its space: the local service disconnects the gateway (its notification, sent just
                // before, is lost with the connection), and the failed send says why it may have been
                Exchange outside = context.createProducerTemplate().send("direct:outside", x -> {
                    x.getMessage().setBody("{}");
                    x.getMessage().setHeader(IotfConstants.DEVICE_TYPE, "sensor");
                    x.getMessage().setHeader(IotfConstants.DEVICE_ID, ".");
                });
                assertThat(outside.getException()).hasMessageContaining("Publishing to iot-2/type/sensor/id/./evt/e/fmt/"
                        + "json on g:" + org.id() + ":gw:gw4 failed").hasMessageContaining("outside its topic space");
                Waits.await().until(() -> connection.isConnected() && connection.stats().reconnects() >= 1);
            } finally {
                context.stop();
            }
        }
    }

    @Test
    void optionsOutOfTheirPlaceAreRefusedNamingTheFix() throws Exception {
        String base = "org=orga01&brokerUrl=tcp://127.0.0.1:1";
        String gw = "clientType=gateway&" + base + "&gatewayType=gw&gatewayId=g1&authToken=t";
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
            }
        });
        try {
            assertRefused(context, "iotf:device-event?" + base + "&authKey=a-orga01-k&authToken=t&gatewayType=gw",
                    null, "gatewayType and gatewayId are a gateway's identity", "set clientType=gateway",
                    "[later contract 3.4]");
            assertRefused(context, "iotf:device-event?clientType=gateway&" + base + "&gatewayType=gw&authToken=t",
                    null, "needs the options gatewayType and gatewayId", "g:org:gatewayType:gatewayId");
            assertRefused(context, "iotf:device-event?" + gw.replace("g1", "g 1"), null, "The option gatewayId");
            assertRefused(context, "iotf:device-event?" + gw + "&authKey=a-orga01-secretkey1", null,
                    "The option authKey (not shown: it is secret) is for applications", "remove authKey");
            assertRefused(context, "iotf:device-event?" + gw.replace("&authToken=t", ""), null,
                    "needs the option authToken");
            assertRefused(context, "iotf:device-event?" + gw.replace("orga01", "quickstart"), null,
                    "QuickStart has no gateways");
            assertRefused(context, "iotf:device-event?" + gw + "&deviceId=s%201", null, "The option deviceId");
            assertRefused(context, "iotf:registry?" + gw, null, "takes an API key");
            assertRefused(context, "iotf:gateway-notify?" + base + "&authKey=a-orga01-k&authToken=t", null,
                    "needs clientType=gateway");
            assertRefused(context, "iotf:command?" + gw, e -> producer(e), "A gateway does not send commands",
                    "iotf:command in from()");
            assertRefused(context, "iotf:device-event?" + gw + "&transport=http", e -> producer(e),
                    "transport=http with clientType=gateway is not supported yet", "[later contract 2.11]");
            assertRefused(context, "iotf:gateway-notify?" + gw, e -> producer(e), "has no producer");
            assertRefused(context, "iotf:device-event?" + gw, e -> consumer(e), "A gateway cannot receive events");
            assertRefused(context, "iotf:app-status?" + gw, e -> consumer(e), "Only applications");
        } finally {
            context.stop();
        }
    }

    private static void producer(Endpoint endpoint) {
        try {
            endpoint.createProducer();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void consumer(Endpoint endpoint) {
        try {
            endpoint.createConsumer(exchange -> { });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Making the endpoint, then {@code use} of it (its producer or consumer), fails with all of {@code parts}. */
    private static void assertRefused(CamelContext context, String uri, Consumer<Endpoint> use, String... parts) {
        Throwable error = catchThrowable(() -> {
            Endpoint endpoint = context.getEndpoint(uri);
            if (use != null) {
                use.accept(endpoint);
            }
        });
        assertThat(error).as("no error for %s", uri).isNotNull();
        assertThat(messages(error)).as(uri).contains(parts).doesNotContain("secretkey1");
    }

    private static void assertHeaders(Exchange e, String type, String id, String command, String format) {
        assertThat(e.getIn().getHeader(IotfConstants.DEVICE_TYPE)).isEqualTo(type);
        assertThat(e.getIn().getHeader(IotfConstants.DEVICE_ID)).isEqualTo(id);
        assertThat(e.getIn().getHeader(IotfConstants.COMMAND)).isEqualTo(command);
        assertThat(e.getIn().getHeader(IotfConstants.FORMAT)).isEqualTo(format);
    }

    private static List<IotfConnection> connections(CamelContext context) {
        return context.getComponent("iotf", IotfComponent.class).getConnections().all();
    }

    /** The messages of {@code e} and its causes. */
    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
