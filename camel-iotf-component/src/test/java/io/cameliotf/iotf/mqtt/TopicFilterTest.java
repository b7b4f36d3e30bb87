package io.cameliotf.iotf.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Filters matched on the client side, for the consumers sharing one connection. */
class TopicFilterTest {

    static boolean matches(String filter, String topic) {
        return new TopicFilter(filter).matches(IotfTopics.split(topic));
    }

    @Test
    void plusMatchesOneLevel() {
        assertThat(matches("iot-2/type/+/id/+/evt/+/fmt/+", "iot-2/type/t/id/d/evt/e/fmt/json")).isTrue();
        assertThat(matches("iot-2/type/+/id/+/evt/+/fmt/+", "iot-2/type/t/id/d/evt/e/fmt")).isFalse();
    }

    @Test
    void aLastHashMatchesTheRestOfTheTopic() {
        assertThat(matches("iotdm-1/#", "iotdm-1/response")).isTrue();
        assertThat(matches("iotdm-1/#", "iotdm-1/mgmt/initiate/device/reboot")).isTrue();
        assertThat(matches("iotdm-1/type/gw/id/g1/#", "iotdm-1/type/gw/id/g1/observe")).isTrue();
        assertThat(matches("iotdm-1/type/gw/id/g1/#", "iotdm-1/type/gw/id/g2/observe")).isFalse();
        assertThat(matches("iotdm-1/#", "iot-2/cmd/x/fmt/json")).isFalse();
    }
}
