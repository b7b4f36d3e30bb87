package io.cameliotf.iotf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.PayloadConversionTest.Reading;
import io.cameliotf.iotf.payload.IotfPayloadException;
import io.cameliotf.iotf.payload.PayloadType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The body of every kind of {@code iotf:} exchange converts in one step, {@code convertBodyTo(Map.class)},
 * {@code JsonNode.class}, {@code String.class} or a POJO, against the local service; a payload that is not JSON reaches
 * the route's error handler; exchanges of other endpoints convert as they do without this component.
 */
@ExtendWith(IotfEmulatorExtension.class)
class BodyConversionTest {

    static final ObjectMapper JACKSON = new ObjectMapper();
    static final String IOTF = "{\"d\":{\"temp\":21.5,\"unit\":\"°C\",\"tags\":[\"a\",1]},\"ts\":\"2026-11-25T10:00:00Z\"}";
    static final String CUSTOM = "{\"temp\":19.5,\"unit\":\"F\",\"n\":12345678901}";
    static final Class<?>[] TARGETS = {Map.class, JsonNode.class, String.class, Reading.class};

    /** One route per target: from(uri + the target's name).convertBodyTo(target).to("mock:" + its name). */
    static RouteBuilder oneRoutePerTarget(String uri, String suffixOption) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (Class<?> target : TARGETS) {
                    from(uri + suffixOption + name(target)).routeId(name(target)).convertBodyTo(target)
                            .to("mock:" + name(target));
                }
            }
        };
    }

    static String name(Class<?> target) {
        return target.getSimpleName().toLowerCase();
    }

    static MockEndpoint mock(CamelContext context, Class<?> target) {
        return context.getEndpoint("mock:" + name(target), MockEndpoint.class);
    }

    static List<Object> bodies(CamelContext context, Class<?> target) {
        return mock(context, target).getExchanges().stream().map(e -> e.getIn().getBody()).collect(Collectors.toList());
    }

    /** What camel-jackson makes of the same bytes on an exchange of its own (byte[] to JsonNode to Map). */
    static Object camelJackson(CamelContext context, Class<?> type, String json) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getIn().setBody(json.getBytes(StandardCharsets.UTF_8));
        JsonNode node = exchange.getIn().getBody(JsonNode.class);
        return type == JsonNode.class ? node : context.getTypeConverter().convertTo(type, exchange, node);
    }

    @Test
    void deviceEventsBothJsonForms(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "s1");
        CamelContext context = CamelContexts.start(oneRoutePerTarget("iotf:device-event?"
                + CamelContexts.app(iotf, org, "conv") + "&qos=1", "&event="));
        try {
            expectEach(context, 2);
            try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "s1", token)) {
                for (Class<?> target : TARGETS) {
                    device.publish("iot-2/evt/" + name(target) + "/fmt/json", IOTF, 1);
                    device.publish("iot-2/evt/" + name(target) + "/fmt/json", CUSTOM, 1);
                }
            }
            assertBothJsonForms(context);
        } finally {
            context.stop();
        }
    }

    @Test
    void commandsBothJsonForms(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("valve", "v1");
        CamelContext context = CamelContexts.start(oneRoutePerTarget("iotf:command?"
                + CamelContexts.device(iotf, org, "valve", "v1", token) + "&qos=1", "&command="));
        try {
            expectEach(context, 2);
            try (MqttTestClient app = MqttTestClient.application(iotf, org.appClientId("commander"), org.apiKey(),
                    org.apiToken())) {
                for (Class<?> target : TARGETS) {
                    app.publish("iot-2/type/valve/id/v1/cmd/" + name(target) + "/fmt/json", IOTF, 1);
                    app.publish("iot-2/type/valve/id/v1/cmd/" + name(target) + "/fmt/json", CUSTOM, 1);
                }
            }
            assertBothJsonForms(context);
        } finally {
            context.stop();
        }
    }

    private static void expectEach(CamelContext context, int count) {
        for (Class<?> target : TARGETS) {
            mock(context, target).expectedMessageCount(count);
        }
    }

    /** The IoTF payload then the custom JSON, each converted by each route. */
    private static void assertBothJsonForms(CamelContext context) throws Exception {
        for (Class<?> target : TARGETS) {
            mock(context, target).assertIsSatisfied(Waits.LONG_MILLIS);
        }
        // Map and JsonNode: the whole document, as camel-jackson makes it
        assertThat(bodies(context, Map.class)).containsExactly(camelJackson(context, Map.class, IOTF),
                camelJackson(context, Map.class, CUSTOM));
        Map<?, ?> iotfMap = (Map<?, ?>) bodies(context, Map.class).get(0);
        assertThat(iotfMap).isInstanceOf(LinkedHashMap.class);
        assertThat(List.<Object>copyOf(iotfMap.keySet())).containsExactly("d", "ts");
        assertThat(((Map<?, ?>) iotfMap.get("d")).get("temp")).isEqualTo(21.5);
        assertThat(((Map<?, ?>) bodies(context, Map.class).get(1)).get("n")).isEqualTo(12345678901L);
        assertThat(bodies(context, JsonNode.class)).containsExactly(JACKSON.readTree(IOTF), JACKSON.readTree(CUSTOM));
        assertThat(bodies(context, String.class)).containsExactly(IOTF, CUSTOM);
        assertThat(mock(context, String.class).getExchanges().get(0).getProperty(Exchange.CHARSET_NAME))
                .as("UTF-8 whatever the JVM's default charset").isEqualTo("UTF-8");
        // a POJO: from d of the IoTF payload, from the whole document of custom JSON
        List<Object> readings = bodies(context, Reading.class);
        assertThat(readings).extracting(r -> ((Reading) r).temp).containsExactly(21.5, 19.5);
        assertThat(readings).extracting(r -> ((Reading) r).unit).containsExactly("°C", "F");
    }

    @Test
    void deviceAndAppStatusToMapJsonNodeAndString(IotfEmulator iotf, TestOrganization org) throws Exception {
        Class<?>[] targets = {Map.class, JsonNode.class, String.class};
        String app = CamelContexts.app(iotf, org, "monitor") + "&qos=1";
        Map<Class<?>, String> tokens = new LinkedHashMap<>();
        for (Class<?> target : targets) {
            tokens.put(target, org.registerDevice("sensor", "st-" + name(target)));
        }
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                for (Class<?> target : targets) {
                    from("iotf:device-status?" + app + "&deviceType=sensor&deviceId=st-" + name(target))
                            .convertBodyTo(target).to("mock:" + name(target));
                    from("iotf:app-status?" + app + "&watchAppId=worker-" + name(target))
                            .convertBodyTo(target).to("mock:app-" + name(target));
                }
            }
        });
        try {
            for (Class<?> target : targets) {
                mock(context, target).expectedMessageCount(2);
                context.getEndpoint("mock:app-" + name(target), MockEndpoint.class).expectedMessageCount(2);
                MqttTestClient.device(iotf, org.id(), "sensor", "st-" + name(target), tokens.get(target)).close();
                MqttTestClient.application(iotf, org.appClientId("worker-" + name(target)), org.apiKey(), org.apiToken())
                        .close();
            }
            for (Class<?> target : targets) {
                mock(context, target).assertIsSatisfied(Waits.LONG_MILLIS);
                context.getEndpoint("mock:app-" + name(target), MockEndpoint.class).assertIsSatisfied(Waits.LONG_MILLIS);
                assertStatus(mock(context, target), target, org.deviceClientId("sensor", "st-" + name(target)));
                assertStatus(context.getEndpoint("mock:app-" + name(target), MockEndpoint.class), target,
                        org.appClientId("worker-" + name(target)));
            }
        } finally {
            context.stop();
        }
    }

    /** A Connect then a Disconnect of clientId, as Map, JsonNode or JSON text with the service's field names. */
    private static void assertStatus(MockEndpoint mock, Class<?> target, String clientId) throws Exception {
        for (int i = 0; i < 2; i++) {
            Object body = mock.getExchanges().get(i).getIn().getBody();
            assertThat(body).isInstanceOf(target);
            JsonNode json = body instanceof String ? JACKSON.readTree((String) body) : JACKSON.valueToTree(body);
            assertThat(json.get("Action").asText()).isEqualTo(i == 0 ? "Connect" : "Disconnect");
            assertThat(json.get("ClientID").asText()).isEqualTo(clientId);
            assertThat(json.get("Time").asText()).isNotBlank();
        }
    }

    @Test
    void historianEventsToMapJsonNodeAndString(IotfEmulator iotf, TestOrganization org) throws Exception {
        Class<?>[] targets = {Map.class, JsonNode.class, String.class};
        for (Class<?> target : targets) {
            HistorianTest.publish(iotf, org, "meter", "h-" + name(target), 1, 7);
        }
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                for (Class<?> target : targets) {
                    from(HistorianTest.historian(iotf, org, IotfApiVersion.v0002) + "&deviceType=meter&deviceId=h-" + name(target)
                            + "&event=reading&since=0&settleTime=300&delay=200").convertBodyTo(target)
                            .to("mock:" + name(target));
                }
            }
        });
        try {
            for (Class<?> target : targets) {
                MockEndpoint mock = mock(context, target);
                mock.expectedMessageCount(1);
                mock.assertIsSatisfied(Waits.LONG_MILLIS);
                Object body = mock.getExchanges().get(0).getIn().getBody();
                assertThat(body).isInstanceOf(target);
                JsonNode json = body instanceof String ? JACKSON.readTree((String) body) : JACKSON.valueToTree(body);
                assertThat(json.get("device_id").asText()).isEqualTo("d:" + org.id() + ":meter:h-" + name(target));
                assertThat(json.get("device_type").asText()).isEqualTo("meter");
                assertThat(json.get("evt_type").asText()).isEqualTo("reading");
                assertThat(json.get("evt")).isEqualTo(JACKSON.readTree("{\"n\":7,\"temp\":27}"));
                assertThat(json.get("timestamp").get("$date").asLong()).isPositive();
            }
        } finally {
            context.stop();
        }
    }

    @Test
    void payloadThatIsNotJsonReachesTheRoutesErrorHandler(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "bad1");
        String app = "iotf:device-event?" + CamelContexts.app(iotf, org, "strict") + "&qos=1&event=";
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from(app + "map").onException(IotfPayloadException.class).handled(true).to("mock:errors").end()
                        .convertBodyTo(Map.class).to("mock:converted");
                from(app + "pojo").onException(IotfPayloadException.class).handled(true).to("mock:errors").end()
                        .convertBodyTo(Reading.class).to("mock:converted");
                from(app + "jsonnode").errorHandler(deadLetterChannel("mock:dead")).convertBodyTo(JsonNode.class)
                        .to("mock:converted");
            }
        });
        try {
            MockEndpoint errors = context.getEndpoint("mock:errors", MockEndpoint.class);
            MockEndpoint dead = context.getEndpoint("mock:dead", MockEndpoint.class);
            MockEndpoint converted = context.getEndpoint("mock:converted", MockEndpoint.class);
            errors.expectedMessageCount(4);
            dead.expectedMessageCount(2);
            converted.expectedMessageCount(0);
            try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "bad1", token)) {
                device.publish("iot-2/evt/map/fmt/csv", "21.5,40", 1);
                device.publish("iot-2/evt/map/fmt/json", "{\"d\":{\"temp\":", 1);
                device.publish("iot-2/evt/map/fmt/json", new byte[0], 1);
                device.publish("iot-2/evt/pojo/fmt/text", "warm", 1);
                device.publish("iot-2/evt/jsonnode/fmt/csv", "21.5,40", 1);
                device.publish("iot-2/evt/jsonnode/fmt/json", "{\"d\":{}} {\"d\":{}}", 1);
            }
            errors.assertIsSatisfied(Waits.LONG_MILLIS);
            dead.assertIsSatisfied(Waits.LONG_MILLIS);
            converted.assertIsSatisfied();
            // Jackson's words, then where parsing failed
            assertErrors(errors, "Unexpected character (',' (code 44)) at line 1 column 5",
                    "Unexpected end-of-input within/between Object entries at line 1 column 14",
                    "the payload is empty",
                    "Unrecognized token 'warm' at line 1 column 1");
            assertErrors(dead, "Unexpected character (',' (code 44)) at line 1 column 5",
                    "Trailing token (of type START_OBJECT) found after value at line 1 column 10");
            assertThat(errors.getExchanges().get(0).getIn().getHeader(IotfConstants.PAYLOAD_TYPE))
                    .isEqualTo(PayloadType.OTHER);
            // the payload is still there for the error handler
            assertThat(errors.getExchanges().get(0).getIn().getBody(String.class)).isEqualTo("21.5,40");
        } finally {
            context.stop();
        }
    }

    /**
     * Each exchange failed with an IotfPayloadException "Not JSON: " + the expected message: the start of Jackson's
     * message and, if any, the "at line ... column ..." at its end.
     */
    private static void assertErrors(MockEndpoint mock, String... expected) {
        assertThat(mock.getExchanges()).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            String message = payloadError(mock.getExchanges().get(i));
            int at = expected[i].indexOf(" at line ");
            String start = at < 0 ? expected[i] : expected[i].substring(0, at);
            assertThat(message).as("error %d", i).startsWith("Not JSON: " + start);
            if (at >= 0) {
                assertThat(message).as("error %d", i).endsWith(expected[i].substring(at));
            }
        }
    }

    /** The message of the IotfPayloadException the conversion failed with, wherever Camel wrapped it. */
    private static String payloadError(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        IotfPayloadException payload = ObjectHelper.getException(IotfPayloadException.class, caught);
        assertThat(payload).as("caught %s", caught).isNotNull();
        return payload.getMessage();
    }

    @Test
    void theScopeIsTheExchangeNotTheHeader(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "hop1");
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                // no CamelIotfPayloadType header left: the exchange still came from an iotf: consumer
                from("iotf:device-event?" + CamelContexts.app(iotf, org, "hop") + "&qos=1")
                        .removeHeaders("CamelIotf*").convertBodyTo(Map.class).to("mock:map");
            }
        });
        try {
            MockEndpoint map = context.getEndpoint("mock:map", MockEndpoint.class);
            map.expectedBodiesReceived(camelJackson(context, Map.class, CUSTOM));
            try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "hop1", token)) {
                device.publish("iot-2/evt/e/fmt/json", CUSTOM, 1);
            }
            map.assertIsSatisfied(Waits.LONG_MILLIS);
            assertThat(map.getExchanges().get(0).getIn().getHeader(IotfConstants.PAYLOAD_TYPE)).isNull();
        } finally {
            context.stop();
        }
    }

    /**
     * {@code from("direct:...")} with a byte[] body and no iotf header: each conversion ends as it ends in a CamelContext
     * without this component's converters (byte[] to Map: no converter; to JsonNode: camel-jackson's, which reads
     * {@code 42 43} as 42). The non-iotf conversions run first, so that a miss Camel would cache for the pair cannot
     * stop the iotf route from converting afterwards; they run again after it.
     */
    @Test
    void exchangesOfOtherEndpointsConvertAsWithoutTheComponent(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "cmp1");
        CamelContext baseline = CamelContexts.withoutIotfConverters(directRoutes());
        CamelContext ours = CamelContexts.start(directRoutes());
        try {
            ours.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    String events = "iotf:device-event?" + CamelContexts.app(iotf, org, "cmp") + "&qos=1";
                    from(events + "&event=map").convertBodyTo(Map.class).to("mock:map");
                    from(events + "&event=reading").convertBodyTo(Reading.class).to("mock:reading");
                }
            });
            assertThat(ours.getTypeConverterRegistry().lookup(JsonNode.class, byte[].class).toString())
                    .as("camel-jackson's converter, scoped").startsWith("ScopedJsonNodeConverter[");
            String[] payloads = {IOTF, CUSTOM, "42 43", "21.5,40", "", "[1]", "null"};
            Map<String, String> expected = outcomes(baseline, payloads);
            assertThat(expected).containsEntry("map " + CUSTOM, "NoTypeConversionAvailableException")
                    .containsEntry("jsonnode 42 43", "IntNode 42")
                    .containsEntry("jsonnode " + CUSTOM, "ObjectNode " + JACKSON.readTree(CUSTOM))
                    .containsEntry("reading " + CUSTOM, "NoTypeConversionAvailableException");
            assertThat(outcomes(ours, payloads)).isEqualTo(expected);

            MockEndpoint map = ours.getEndpoint("mock:map", MockEndpoint.class);
            map.expectedBodiesReceived(camelJackson(ours, Map.class, CUSTOM));
            MockEndpoint reading = ours.getEndpoint("mock:reading", MockEndpoint.class);
            reading.expectedMessageCount(1);
            try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "cmp1", token)) {
                device.publish("iot-2/evt/map/fmt/json", CUSTOM, 1);
                device.publish("iot-2/evt/reading/fmt/json", IOTF, 1);
            }
            map.assertIsSatisfied(Waits.LONG_MILLIS);
            reading.assertIsSatisfied(Waits.LONG_MILLIS);
            assertThat(reading.getExchanges().get(0).getIn().getBody(Reading.class).temp).isEqualTo(21.5);
            assertThat(outcomes(ours, payloads)).isEqualTo(expected);
        } finally {
            ours.stop();
            baseline.stop();
        }
    }

    /** from("direct:" + the target's name).convertBodyTo(target), for each target. */
    private static RouteBuilder directRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (Class<?> target : TARGETS) {
                    from("direct:" + name(target)).convertBodyTo(target);
                }
            }
        };
    }

    /** For each target and payload: the body's class and value, or the innermost exception's class. */
    private static Map<String, String> outcomes(CamelContext context, String[] payloads) {
        ProducerTemplate template = context.createProducerTemplate();
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (Class<?> target : TARGETS) {
            for (String payload : payloads) {
                Exchange done = template.request("direct:" + name(target),
                        e -> e.getIn().setBody(payload.getBytes(StandardCharsets.UTF_8)));
                String outcome;
                if (done.getException() != null) {
                    Throwable cause = done.getException();
                    while (cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    outcome = cause.getClass().getSimpleName();
                } else {
                    Object body = done.getMessage().getBody();
                    outcome = body.getClass().getSimpleName() + " " + body;
                }
                outcomes.put(name(target) + " " + payload, outcome);
            }
        }
        return outcomes;
    }
}
