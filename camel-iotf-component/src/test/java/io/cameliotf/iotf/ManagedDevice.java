package io.cameliotf.iotf;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.model.ModelJson;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A managed device played by a plain Paho client (the test kit's), speaking the device management protocol itself
 * (later contract 3.5): it subscribes to iotdm-1/#, sends a manage request with what it supports and waits for
 * rc 200, and then, on a reboot, answers rc 202 and, like a device that has restarted, sends manage again
 * (the completion of a reboot, 3.5.6); unless it was made {@code silent}, when it ignores every request.
 */
final class ManagedDevice implements AutoCloseable {

    private static final String REBOOT = "iotdm-1/mgmt/initiate/device/reboot";

    private final MqttTestClient client;
    private final boolean silent;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Thread loop;
    private volatile boolean closed;

    private ManagedDevice(MqttTestClient client, boolean silent) {
        this.client = client;
        this.silent = silent;
        this.loop = new Thread(this::answer, "managed-device-" + client.clientId());
        this.loop.setDaemon(true);
    }

    /** Registers {@code type/id}, connects it and makes it managed, supporting device actions. */
    static ManagedDevice start(IotfEmulator iotf, TestOrganization org, String type, String id, boolean silent)
            throws Exception {
        String token = org.registerDevice(type, id);
        ManagedDevice device = new ManagedDevice(MqttTestClient.device(iotf, org.id(), type, id, token), silent);
        device.client.subscribe("iotdm-1/#", 1);
        device.manage(true);
        device.loop.start();
        return device;
    }

    /** The topics of the management requests the device received. */
    List<String> requests() {
        return requests;
    }

    private void manage(boolean awaitAnswer) throws Exception {
        String reqId = UUID.randomUUID().toString();
        client.publish("iotdevice-1/mgmt/manage", "{\"d\":{\"lifetime\":0,\"supports\":{\"deviceActions\":true,"
                + "\"firmwareActions\":true}},\"reqId\":\"" + reqId + "\"}", 1);
        if (!awaitAnswer) {
            return;
        }
        long end = System.nanoTime() + Waits.LONG.toNanos();
        while (System.nanoTime() < end) {
            Received r = client.poll(Duration.ofMillis(200));
            if (r != null && r.topic().equals("iotdm-1/response")) {
                JsonNode answer = ModelJson.MAPPER.readTree(r.text());
                if (reqId.equals(answer.path("reqId").asText())) {
                    if (answer.path("rc").asInt() != 200) {
                        throw new IllegalStateException(client.clientId() + ": manage answered " + r.text());
                    }
                    return;
                }
            }
        }
        throw new IllegalStateException(client.clientId() + ": no answer to manage");
    }

    private void answer() {
        while (!closed) {
            try {
                Received r = client.poll(Duration.ofMillis(100));
                if (r == null || r.topic().equals("iotdm-1/response")) {
                    continue;
                }
                requests.add(r.topic());
                if (silent) {
                    continue;
                }
                String reqId = ModelJson.MAPPER.readTree(r.text()).path("reqId").asText();
                boolean reboot = r.topic().equals(REBOOT);
                client.publish("iotdevice-1/response", "{\"rc\":" + (reboot ? 202 : 501) + ",\"reqId\":\"" + reqId
                        + "\"}", 1);
                if (reboot) {
                    manage(false); // back after the restart: the reboot is complete (3.5.6)
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!closed) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        loop.join(5_000);
        client.close();
    }
}
