package io.cameliotf.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.junit.TestOrganization;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scalable applications: connections with the same {@code A:} client id share their subscriptions. */
@ExtendWith(IotfEmulatorExtension.class)
class SharedSubscriptionTest {

    @Test
    void aGroupSplitsMessagesWithoutDuplicates(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "s");
        String clientId = "A:" + org.id() + ":workers";
        try (MqttTestClient w1 = MqttTestClient.application(iotf, clientId, org.apiKey(), org.apiToken());
                MqttTestClient w2 = MqttTestClient.application(iotf, clientId, org.apiKey(), org.apiToken());
                MqttTestClient plain = TopicSpaceTest.app(iotf, org, "workers");
                MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "s", token)) {
            w1.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            w2.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            plain.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            for (int i = 0; i < 200; i++) {
                device.publish("iot-2/evt/n/fmt/text", Integer.toString(i), 1);
            }
            List<String> first = texts(w1.drain(Duration.ofSeconds(1)));
            List<String> second = texts(w2.drain(Duration.ofMillis(300)));
            assertThat(w1.isConnected()).isTrue();
            assertThat(w2.isConnected()).isTrue();
            assertThat(first).isNotEmpty();
            assertThat(second).isNotEmpty();
            Set<String> all = new HashSet<>(first);
            all.addAll(second);
            assertThat(first.size() + second.size()).isEqualTo(200);
            assertThat(all).isEqualTo(IntStream.range(0, 200).mapToObj(Integer::toString).collect(Collectors.toSet()));
            // an ordinary application with the same app id is not part of the group: it gets everything
            assertThat(plain.drain(Duration.ofMillis(300))).hasSize(200);
            // deliveries carry the client's topic, without the shared-subscription prefix
            device.publish("iot-2/evt/n/fmt/text", "topic", 1);
            Received r = w1.poll(Duration.ofSeconds(1));
            if (r == null) {
                r = w2.poll(Duration.ofSeconds(1));
            }
            assertThat(r).isNotNull();
            assertThat(r.topic()).isEqualTo("iot-2/type/sensor/id/s/evt/n/fmt/text");
        }
    }

    private static List<String> texts(List<Received> received) {
        return received.stream().map(Received::text).toList();
    }
}
