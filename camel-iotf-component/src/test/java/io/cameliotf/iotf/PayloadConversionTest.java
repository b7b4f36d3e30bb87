package io.cameliotf.iotf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.iotf.payload.IotfMessage;
import io.cameliotf.iotf.payload.IotfPayloadException;
import io.cameliotf.iotf.payload.IotfPayloads;
import io.cameliotf.iotf.payload.PayloadType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The IoTF payload rules [5.4] and Camel's type converters for them, loaded as any route would load them. */
class PayloadConversionTest {

    final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void iotfPayloadsAreRecognised() {
        assertThat(classify("{\"d\":{\"t\":1}}")).isEqualTo(PayloadType.IOTF);
        assertThat(classify("{\"d\":{},\"ts\":\"2014-12-30T14:47:36+00:00\"}")).isEqualTo(PayloadType.IOTF);
        assertThat(classify(" {\"ts\":\"2014-12-30T14:47:36Z\", \"d\":{\"a\":[1,2]}} ")).isEqualTo(PayloadType.IOTF);
        // the reference's custom JSON examples [5.4.2]
        assertThat(classify("[{\"d\":{}},{\"d\":{}}]")).isEqualTo(PayloadType.JSON);
        assertThat(classify("{\"d\":[\"green\",\"yellow\"]}")).isEqualTo(PayloadType.JSON);
        assertThat(classify("{\"d\":{},\"temp\":60,\"ts\":\"2014-12-30T14:47:36+00:00\"}")).isEqualTo(PayloadType.JSON);
        assertThat(classify("{\"d\":{},\"ts\":\"yesterday\"}")).isEqualTo(PayloadType.JSON);
        assertThat(classify("{\"temp\":21}")).isEqualTo(PayloadType.JSON);
        assertThat(classify("21.5,40")).isEqualTo(PayloadType.OTHER);
        assertThat(classify("{\"d\":{}")).isEqualTo(PayloadType.OTHER);
        assertThat(classify("{\"d\":{}} trailing")).isEqualTo(PayloadType.OTHER);
        assertThat(IotfPayloads.classify(new byte[] {(byte) 0xff, 0, 1})).isEqualTo(PayloadType.OTHER);
        assertThat(classify("")).isEqualTo(PayloadType.OTHER);
    }

    @Test
    void timestampsAreCheckedQuicklyAndStrictly() {
        for (String ok : new String[] {"2014-12-30T14:47:36+00:00", "2014-12-30T14:47:36.123Z", "2014-12-30T14:47:36Z",
            "2014-12-30T14:47:36", "2014-12-30T14:47:36.123456789-05:30", "2014-12-30T14:47+01:00",
            "2024-02-29T00:00:00Z"}) {
            assertThat(io.cameliotf.iotf.payload.IotfTimestamps.isValid(ok)).as(ok).isTrue();
            assertThat(io.cameliotf.iotf.payload.IotfTimestamps.parse(ok)).as(ok).isNotNull();
        }
        for (String bad : new String[] {"2014-13-30T14:47:36Z", "2014-12-30T25:47:36Z", "2014-12-30 14:47:36",
            "2014-12-30T14:47:36.Z", "yesterday", "2014-12-30T14:47:36+0", "", "2026-02-29T10:00:00Z", "2026-04-31T10:00:00Z",
            "2026-02-30T10:00:00.000+01:00"}) {
            assertThat(io.cameliotf.iotf.payload.IotfTimestamps.isValid(bad)).as(bad).isFalse();
        }
    }

    @Test
    void bytesStringsAndStreamsBecomeIotfMessages() throws Exception {
        String json = "{\"d\":{\"host\":\"IBM700-R9E683D\",\"mem\":54.9,\"network\":{\"up\":1.22}},\"ts\":\"2014-12-30T14:47:36+00:00\"}";
        IotfMessage fromBytes = convert(IotfMessage.class, json.getBytes(StandardCharsets.UTF_8));
        IotfMessage fromString = convert(IotfMessage.class, json);
        IotfMessage fromStream = convert(IotfMessage.class, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(fromBytes).isEqualTo(fromString).isEqualTo(fromStream);
        assertThat(fromBytes.data().get("mem").asDouble()).isEqualTo(54.9);
        assertThat(fromBytes.timestamp()).contains(OffsetDateTime.parse("2014-12-30T14:47:36+00:00"));
        assertThat(convert(String.class, fromBytes)).isEqualTo(json);
        assertThat(new String(convert(byte[].class, fromBytes), StandardCharsets.UTF_8)).isEqualTo(json);
        Map<?, ?> map = convert(Map.class, fromBytes);
        assertThat(((Map<?, ?>) map.get("d")).get("host")).isEqualTo("IBM700-R9E683D");
        assertThat(map.get("ts")).isEqualTo("2014-12-30T14:47:36+00:00");
        JsonNode node = convert(JsonNode.class, fromBytes);
        assertThat(node.get("d").get("network").get("up").asDouble()).isEqualTo(1.22);
    }

    @Test
    void brokenPayloadsSayWhatIsWrong() {
        assertNotIotf("[{\"d\":{}}]", "the root is a JSON array, not an object");
        assertNotIotf("{\"d\":[\"green\"]}", "'d' is a JSON array, not an object");
        assertNotIotf("{\"d\":{},\"temp\":60}", "unexpected top-level element 'temp'; only 'd' and 'ts' are allowed");
        assertNotIotf("{\"ts\":\"2014-12-30T14:47:36Z\"}", "the 'd' element is missing");
        assertNotIotf("{\"d\":{},\"ts\":\"yesterday\"}", "'ts' is 'yesterday', not an ISO 8601 timestamp");
        assertNotIotf("{\"d\":{},\"ts\":17}", "'ts' is a JSON number");
        assertNotIotf("{\"d\":{", "Not JSON");
        assertNotIotf("21.5,40", "Not JSON");
        // one JSON document and nothing after it, as classify says
        assertNotIotf("{\"d\":{}} trailing", "Not JSON: Unrecognized token 'trailing'");
        assertNotIotf("{\"d\":{}} {\"d\":{}}", "Not JSON: Trailing token");
    }

    @Test
    void pojosToAndFromTheDataElement() {
        Reading reading = new Reading();
        reading.temp = 21.5;
        reading.unit = "C";
        IotfMessage message = convert(IotfMessage.class, reading);
        assertThat(message.data().get("temp").asDouble()).isEqualTo(21.5);
        assertThat(message.timestamp()).isPresent();
        assertThat(convert(Reading.class, message).unit).isEqualTo("C");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("temp", 3);
        assertThat(convert(IotfMessage.class, data).data().get("temp").asInt()).isEqualTo(3);
    }

    @Test
    void consumerPayloadsConvertToPojosInBothForms() {
        Exchange iotf = received("{\"d\":{\"temp\":20.0,\"unit\":\"C\"}}", PayloadType.IOTF);
        assertThat(iotf.getIn().getBody(Reading.class).temp).isEqualTo(20.0);
        // IBM's Java SDK publishes the data unwrapped: custom JSON converts from the whole document
        Exchange custom = received("{\"temp\":19.5,\"unit\":\"F\"}", PayloadType.JSON);
        assertThat(custom.getIn().getBody(Reading.class).unit).isEqualTo("F");
        Exchange text = received("21.5,40", PayloadType.OTHER);
        assertThatThrownBy(() -> text.getIn().getMandatoryBody(Reading.class))
                .rootCause().isInstanceOf(com.fasterxml.jackson.core.JsonParseException.class);
        assertThatThrownBy(() -> text.getIn().getMandatoryBody(Reading.class)).cause()
                .isInstanceOf(TypeConversionException.class).cause().isInstanceOf(IotfPayloadException.class)
                .hasMessageStartingWith("Not JSON: Unexpected character (',' (code 44))").hasMessageEndingWith("at line 1 column 5");
        Exchange broken = received("{\"d\":{\"temp\":\"warm\"}}", PayloadType.IOTF);
        assertThatThrownBy(() -> broken.getIn().getBody(Reading.class)).isInstanceOf(TypeConversionException.class)
                .hasRootCauseInstanceOf(com.fasterxml.jackson.databind.exc.InvalidFormatException.class);
    }

    @Test
    void consumerPayloadsConvertToMapAndJsonNodeOfTheWholeDocument() throws Exception {
        startWithIotfComponent();
        String iotfJson = "{\"d\":{\"temp\":20.5,\"on\":true,\"list\":[1,2]},\"ts\":\"2026-11-25T10:00:00Z\"}";
        String custom = "{\"temp\":19.5,\"big\":12345678901}";
        com.fasterxml.jackson.databind.ObjectMapper jackson = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String json : new String[] {iotfJson, custom}) {
            Exchange exchange = received(json, IotfPayloads.classify(json.getBytes(StandardCharsets.UTF_8)));
            assertThat(exchange.getIn().getBody(Map.class)).isInstanceOf(LinkedHashMap.class)
                    .isEqualTo(jackson.readValue(json, Map.class));
            assertThat(exchange.getIn().getBody(JsonNode.class)).isEqualTo(jackson.readTree(json));
            assertThat(exchange.getIn().getBody(String.class)).isEqualTo(json);
            // the same payload once a route made it text
            exchange.getIn().setBody(json);
            assertThat(exchange.getIn().getBody(Map.class)).isEqualTo(jackson.readValue(json, Map.class));
        }
        assertThat(received(iotfJson, PayloadType.IOTF).getIn().getBody(Map.class)).containsOnlyKeys("d", "ts");
    }

    @Test
    void consumerPayloadsThatAreNotWhatIsAskedFailSayingWhy() {
        startWithIotfComponent();
        for (Class<?> type : new Class<?>[] {Map.class, JsonNode.class, Reading.class}) {
            assertPayloadError(received("21.5,40", PayloadType.OTHER), type, "Not JSON: Unexpected character",
                    "at line 1 column 5");
            assertPayloadError(received("", PayloadType.OTHER), type, "Not JSON: the payload is empty", "empty");
            assertPayloadError(received("42 43", PayloadType.OTHER), type, "Not JSON: Trailing token",
                    "at line 1 column 4");
            assertPayloadError(received("{\"d\":{\"t\":1}\n", PayloadType.OTHER), type, "Not JSON: Unexpected end-of-input",
                    "at line 2 column 1");
        }
        assertPayloadError(received("[1,2]", PayloadType.JSON), Map.class,
                "The payload is a JSON array, not an object: it cannot convert to a Map", "Map");
        assertThat(received("[1,2]", PayloadType.JSON).getIn().getBody(JsonNode.class).isArray()).isTrue();
    }

    /** What a route with an iotf: endpoint does: the component, started, scopes camel-jackson's JsonNode converters. */
    private void startWithIotfComponent() {
        context.start();
        context.getComponent("iotf");
    }

    private static void assertPayloadError(Exchange exchange, Class<?> type, String start, String end) {
        assertThatThrownBy(() -> exchange.getIn().getMandatoryBody(type)).as(type.getSimpleName())
                .isInstanceOf(org.apache.camel.InvalidPayloadException.class).cause()
                .isInstanceOf(TypeConversionException.class).cause().isInstanceOf(IotfPayloadException.class)
                .hasMessageStartingWith(start).hasMessageEndingWith(end);
    }

    @Test
    void statusAndHistoricalEventsToMapJsonNodeAndString() {
        io.cameliotf.iotf.payload.IotfStatus status = io.cameliotf.iotf.payload.IotfStatus.parse(
                "{\"Action\":\"Connect\",\"Time\":\"2026-11-25T10:00:00.000Z\",\"ClientID\":\"d:o:t:i\",\"Port\":1883}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(convert(Map.class, status)).containsEntry("Action", "Connect").containsEntry("Port", 1883);
        assertThat(convert(JsonNode.class, status).get("ClientID").asText()).isEqualTo("d:o:t:i");
        assertThat(convert(String.class, status)).startsWith("{\"Action\":\"Connect\",\"Time\":");
        io.cameliotf.iotf.model.IotfHistoricalEvent event = new io.cameliotf.iotf.model.IotfHistoricalEvent("o", "t", "i",
                "reading", java.time.Instant.ofEpochMilli(1_764_064_800_000L),
                IotfPayloads.readJson("{\"temp\":3}".getBytes(StandardCharsets.UTF_8)));
        String expected = "{\"device_id\":\"d:o:t:i\",\"device_type\":\"t\",\"evt_type\":\"reading\","
                + "\"timestamp\":{\"$date\":1764064800000},\"evt\":{\"temp\":3}}";
        assertThat(convert(String.class, event)).isEqualTo(expected);
        assertThat(convert(JsonNode.class, event)).isEqualTo(IotfPayloads.readJson(expected.getBytes(StandardCharsets.UTF_8)));
        Map<?, ?> map = convert(Map.class, event);
        assertThat(map.get("device_id")).isEqualTo("d:o:t:i");
        assertThat(map.get("timestamp")).isEqualTo(Map.of("$date", 1764064800000L));
        assertThat(map.get("evt")).isEqualTo(Map.of("temp", 3));
    }

    @Test
    void producerPayloads() {
        assertThat(new String(IotfPayloads.toPayload("plain text", false), StandardCharsets.UTF_8)).isEqualTo("plain text");
        assertThat(new String(IotfPayloads.toPayload(Map.of("a", 1), false), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        String wrapped = new String(IotfPayloads.toPayload(Map.of("a", 1), true), StandardCharsets.UTF_8);
        assertThat(wrapped).startsWith("{\"d\":{\"a\":1},\"ts\":\"");
        assertThat(IotfPayloads.classify(wrapped.getBytes(StandardCharsets.UTF_8))).isEqualTo(PayloadType.IOTF);
        assertThat(new String(IotfPayloads.toPayload("{\"a\":1}", true), StandardCharsets.UTF_8)).startsWith("{\"d\":{\"a\":1},\"ts\":");
        String already = "{\"d\":{\"a\":1}}";
        assertThat(new String(IotfPayloads.toPayload(already, true), StandardCharsets.UTF_8)).isEqualTo(already);
        assertThatThrownBy(() -> IotfPayloads.toPayload("1,2,3", true)).isInstanceOf(IotfPayloadException.class)
                .hasMessageContaining("wrapPayload needs a JSON object");
        assertThatThrownBy(() -> IotfPayloads.toPayload(null, false)).hasMessageContaining("body is empty");
        assertThatThrownBy(() -> IotfPayloads.toPayload(new byte[131_073], false)).hasMessageContaining("131072 bytes");
        assertThat(IotfPayloads.toPayload(new byte[131_072], false)).hasSize(131_072);
    }

    private Exchange received(String payload, PayloadType type) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getIn().setBody(payload.getBytes(StandardCharsets.UTF_8));
        exchange.getIn().setHeader(IotfConstants.PAYLOAD_TYPE, type);
        return exchange;
    }

    private void assertNotIotf(String payload, String message) {
        assertThatThrownBy(() -> convert(IotfMessage.class, payload.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TypeConversionException.class).cause()
                .isInstanceOf(IotfPayloadException.class).hasMessageContaining(message);
    }

    private <T> T convert(Class<T> type, Object value) {
        try {
            return context.getTypeConverter().mandatoryConvertTo(type, value);
        } catch (org.apache.camel.NoTypeConversionAvailableException e) {
            throw new AssertionError(e);
        }
    }

    private static PayloadType classify(String payload) {
        return IotfPayloads.classify(payload.getBytes(StandardCharsets.UTF_8));
    }

    /** A POJO of a route. */
    public static class Reading {
        public double temp;
        public String unit;
    }
}
