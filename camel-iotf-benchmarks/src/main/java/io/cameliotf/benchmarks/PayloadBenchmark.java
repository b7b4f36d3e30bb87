package io.cameliotf.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.auth.ClientIdentity;
import io.cameliotf.emulator.topics.ClientTopics;
import io.cameliotf.emulator.topics.InternalTopics;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.mqtt.IotfTopics;
import io.cameliotf.iotf.payload.IotfMessage;
import io.cameliotf.iotf.payload.IotfPayloads;
import io.cameliotf.iotf.payload.PayloadType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConverter;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The per-message work of the component and the gateway: the IoTF payload of about 200 bytes parsed and checked,
 * classified, converted to a POJO and back; topics built and parsed; the gateway's topic translation. The
 * {@code convertTo*} benchmarks convert a consumer's body (the payload bytes, with the {@code CamelIotfPayloadType}
 * header) through a started CamelContext's TypeConverter, as {@code convertBodyTo} does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PayloadBenchmark {

    static final byte[] PAYLOAD = ("{\"d\":{\"temp\":21.5,\"hum\":40.25,\"pressure\":1013.2,\"battery\":87,"
            + "\"status\":\"ok\",\"site\":\"north-wing\",\"line\":\"assembly-3\",\"firmware\":\"2.4.1\","
            + "\"unit\":\"celsius\",\"seq\":123456},"
            + "\"ts\":\"2026-11-25T16:28:19.123Z\"}").getBytes(StandardCharsets.UTF_8);

    final IotfMessage message = IotfPayloads.parse(PAYLOAD);
    final Reading reading = message.dataAs(Reading.class);
    final String topic = "iot-2/type/sensor/id/dev1/evt/reading/fmt/json";
    final ClientTopics device = ClientTopics.of(ClientIdentity.parse("d:org001:sensor:dev1"), InternalTopics.ALL_MOUNTED);
    final ClientTopics application = ClientTopics.of(ClientIdentity.parse("a:org001:app"), InternalTopics.ALL_MOUNTED);
    final String internal = "org001/iot-2/type/sensor/id/dev1/evt/reading/fmt/json";

    CamelContext camel;
    TypeConverter converter;
    Exchange received;

    @Setup
    public void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
        camel.getComponent("iotf"); // what a route's iotf: endpoint does: camel-jackson's JsonNode converters scoped
        converter = camel.getTypeConverter();
        received = new DefaultExchange(camel);
        received.getIn().setBody(PAYLOAD);
        received.getIn().setHeader(IotfConstants.PAYLOAD_TYPE, PayloadType.IOTF);
    }

    @TearDown
    public void stopCamel() {
        camel.stop();
    }

    /** A POJO of the d element. */
    public static class Reading {
        public double temp;
        public double hum;
        public double pressure;
        public int battery;
        public String status;
        public String site;
        public String line;
        public String firmware;
        public String unit;
        public long seq;
    }

    @Benchmark
    public IotfMessage parseAndValidate() {
        return IotfPayloads.parse(PAYLOAD);
    }

    @Benchmark
    public IotfMessage convertToIotfMessage() {
        return converter.convertTo(IotfMessage.class, received, PAYLOAD);
    }

    @Benchmark
    public Map<?, ?> convertToMap() {
        return converter.convertTo(Map.class, received, PAYLOAD);
    }

    @Benchmark
    public JsonNode convertToJsonNode() {
        return converter.convertTo(JsonNode.class, received, PAYLOAD);
    }

    @Benchmark
    public Reading convertToPojo() {
        return converter.convertTo(Reading.class, received, PAYLOAD);
    }

    @Benchmark
    public PayloadType classify() {
        return IotfPayloads.classify(PAYLOAD);
    }

    @Benchmark
    public Reading bytesToPojo() {
        return IotfPayloads.parse(PAYLOAD).dataAs(Reading.class);
    }

    @Benchmark
    public byte[] pojoToBytes() {
        return IotfMessage.of(reading).toBytes();
    }

    @Benchmark
    public String buildTopic() {
        return IotfTopics.event("sensor", "dev1", "reading", "json");
    }

    @Benchmark
    public IotfTopics.Incoming parseTopic() {
        return IotfTopics.parse(topic);
    }

    @Benchmark
    public Object gatewayInboundDevicePublish() {
        return device.publish("iot-2/evt/reading/fmt/json");
    }

    @Benchmark
    public String gatewayDeliveryToApplication() {
        return application.delivery(internal);
    }
}
