package io.cameliotf.benchmarks;

import io.cameliotf.emulator.auth.ClientIdentity;
import io.cameliotf.emulator.topics.ClientTopics;
import io.cameliotf.iotf.mqtt.IotfTopics;
import io.cameliotf.iotf.payload.IotfMessage;
import io.cameliotf.iotf.payload.IotfPayloads;
import io.cameliotf.iotf.payload.PayloadType;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The per-message work of the component and the gateway: the IoTF payload of about 200 bytes parsed and checked,
 * classified, converted to a POJO and back; topics built and parsed; the gateway's topic translation.
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
    final ClientTopics device = ClientTopics.of(ClientIdentity.parse("d:org001:sensor:dev1"));
    final ClientTopics application = ClientTopics.of(ClientIdentity.parse("a:org001:app"));
    final String internal = "org001/iot-2/type/sensor/id/dev1/evt/reading/fmt/json";

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
