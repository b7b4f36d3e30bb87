package org.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A user's own Paho client, as an application, receives what a registered device publishes. */
@ExtendWith(IotfEmulatorExtension.class)
class SensorEventsTest {

    @Test
    void anApplicationReceivesTheEventsOfADevice(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "s1");
        BlockingQueue<String> received = new LinkedBlockingQueue<>();

        MqttClient app = new MqttClient(iotf.mqttUrl(), org.appClientId("reader"), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(org.apiKey());
        options.setPassword(org.apiToken().toCharArray());
        app.connect(options);
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "s1", token)) {
            app.subscribe("iot-2/type/sensor/id/s1/evt/+/fmt/json", 1,
                    (topic, message) -> received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
            device.publish("iot-2/evt/temp/fmt/json", "{\"d\":{\"t\":21}}", 1);

            String event = received.poll(30, TimeUnit.SECONDS);
            assertNotNull(event, "no event within 30 s");
            assertEquals("iot-2/type/sensor/id/s1/evt/temp/fmt/json {\"d\":{\"t\":21}}", event);
        } finally {
            app.disconnect();
            app.close();
        }
    }
}
