package io.cameliotf.iotf;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.junit.TestOrganization;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * What the service still holds for an application's durable session once Camel let go of it: a plain Paho client
 * takes the session over (same client id, cleanSession=false), and receives what was never acknowledged and what was
 * queued, before a marker the device publishes now. Nothing before the marker means the session held nothing.
 */
final class DurableSessions {

    private DurableSessions() {
    }

    /**
     * @param filter the session's subscription (made again, harmlessly, in case the session lost it)
     * @param device a device of {@code org} that the session's subscription covers; it publishes the marker
     */
    static List<Received> leftOver(IotfEmulator iotf, TestOrganization org, String appId, String filter,
            MqttTestClient device) throws MqttException, InterruptedException {
        try (MqttTestClient session = MqttTestClient.builder(iotf.mqttUrl(), org.appClientId(appId))
                .username(org.apiKey()).password(org.apiToken()).cleanSession(false).connect()) {
            session.subscribe(filter, 1);
            device.publish("iot-2/evt/session-marker/fmt/json", "{}", 1);
            return Waits.before(session, r -> r.topic().endsWith("/evt/session-marker/fmt/json"));
        }
    }
}
