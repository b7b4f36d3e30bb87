package io.cameliotf.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * One /mgmt/requests {@code device/reboot} of every managed device [later 2.14, 3.5.6]: the devices are plain Paho
 * clients that manage themselves ({@code iotdevice-1/mgmt/manage} with {@code supports.deviceActions}), answer the
 * reboot with rc 202 on {@code iotdevice-1/response} and, as a rebooted device does, manage again, which completes
 * the request for them. Measured: from the POST until every device has the reboot, until every 202 is sent, and until
 * the request reports {@code complete} with every per-device status complete.
 */
final class MgmtRebootRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANAGE = "{\"d\":{\"lifetime\":0,\"supports\":{\"deviceActions\":true}},\"reqId\":\"";

    private final ServiceProcess service;
    private final List<String[]> devices;
    private final AtomicInteger managed = new AtomicInteger();
    private final AtomicInteger rebooted = new AtomicInteger();
    private final AtomicInteger remanaged = new AtomicInteger();
    private final AtomicLong lastReboot = new AtomicLong();
    private final AtomicLong lastRemanage = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();

    MgmtRebootRun(ServiceProcess service) {
        this.service = service;
        this.devices = service.devices().subList(0, GatewayRoleBenchmark.DEVICES);
    }

    void run() throws Exception {
        List<MqttAsyncClient> clients = new ArrayList<>();
        try {
            long t0 = System.nanoTime();
            clients.addAll(GatewayRoleBenchmark.connectDevices(service.mqttUrl(), devices));
            for (MqttAsyncClient c : clients) {
                manage(c);
            }
            awaitCount(managed, devices.size(), 120);
            System.out.printf("%d managed devices connected and managed (rc 200) in %,d ms%n", managed.get(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));

            ObjectNode request = JSON.createObjectNode().put("action", "device/reboot");
            ArrayNode list = request.putArray("devices");
            devices.forEach(d -> list.addObject().put("typeId", d[0]).put("deviceId", d[1]));
            long start = System.nanoTime();
            JsonNode accepted = service.send("POST", "/api/v0002/mgmt/requests", JSON.writeValueAsString(request), 202);
            long posted = System.nanoTime();
            String reqId = accepted.path("reqId").asText();
            long completeAt = awaitComplete(reqId, 300);
            long statuses = completedStatuses(reqId);
            long done = completeAt < 0 ? -1 : completeAt - start;
            System.out.println();
            System.out.printf("| one device/reboot of %,d managed devices through /mgmt/requests | result |%n|---|---|%n",
                    devices.size());
            System.out.printf("| POST answered 202 | %,d ms |%n", millis(posted - start));
            System.out.printf("| every device has the reboot (iotdm-1/mgmt/initiate/device/reboot) | %s |%n",
                    rebooted.get() == devices.size() ? String.format("%,d ms", millis(lastReboot.get() - start))
                            : rebooted.get() + " of " + devices.size());
            System.out.printf("| every device answered 202 and managed again | %s |%n",
                    remanaged.get() == devices.size() ? String.format("%,d ms", millis(lastRemanage.get() - start))
                            : remanaged.get() + " of " + devices.size());
            System.out.printf("| the request complete (GET /mgmt/requests/{id}) | %s |%n",
                    done < 0 ? "not within 300 s" : String.format("%,d ms", millis(done)));
            System.out.printf("| per-device statuses complete with status 0 (success) | %,d of %,d |%n", statuses,
                    devices.size());
            System.out.printf("| device-side failures (publish or parse) | %d |%n", failures.get());
            System.out.println();
        } finally {
            clients.forEach(Mqtt::close);
        }
    }

    /** A device that manages itself, answers a reboot with 202 and manages again, as after a restart. */
    private void manage(MqttAsyncClient c) throws MqttException {
        AtomicInteger manages = new AtomicInteger();
        c.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                failures.incrementAndGet();
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                try {
                    JsonNode m = JSON.readTree(message.getPayload());
                    if (topic.equals("iotdm-1/response")) {
                        if (m.path("rc").asInt() == 200 && m.path("reqId").asText().startsWith("manage-")) {
                            (manages.get() == 1 ? managed : remanaged).incrementAndGet();
                            if (manages.get() > 1) {
                                lastRemanage.accumulateAndGet(System.nanoTime(), Math::max);
                            }
                        }
                    } else if (topic.equals("iotdm-1/mgmt/initiate/device/reboot")) {
                        rebooted.incrementAndGet();
                        lastReboot.accumulateAndGet(System.nanoTime(), Math::max);
                        // not awaited: this is Paho's callback thread
                        c.publish("iotdevice-1/response", ("{\"rc\":202,\"reqId\":\"" + m.path("reqId").asText()
                                + "\"}").getBytes(StandardCharsets.UTF_8), 1, false);
                        c.publish("iotdevice-1/mgmt/manage", (MANAGE + "manage-" + manages.incrementAndGet() + "\"}")
                                .getBytes(StandardCharsets.UTF_8), 1, false);
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // nothing to do
            }
        });
        c.subscribe("iotdm-1/#", 1).waitForCompletion(30_000);
        c.publish("iotdevice-1/mgmt/manage", (MANAGE + "manage-" + manages.incrementAndGet() + "\"}")
                .getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** Polls the request until it is complete; returns System.nanoTime() then, or -1 after {@code seconds}. */
    private long awaitComplete(String reqId, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (service.send("GET", "/api/v0002/mgmt/requests/" + reqId, null, 200).path("complete").asBoolean()) {
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        return -1;
    }

    /** The per-device statuses that are complete with status 0 (success), page by page. */
    private long completedStatuses(String reqId) throws Exception {
        long complete = 0;
        String bookmark = null;
        do {
            JsonNode page = service.send("GET", "/api/v0002/mgmt/requests/" + reqId + "/deviceStatus?_limit=500"
                    + (bookmark == null ? "" : "&_bookmark=" + URLEncoder.encode(bookmark, StandardCharsets.UTF_8)),
                    null, 200);
            for (JsonNode s : page.path("results")) {
                complete += s.path("complete").asBoolean() && s.path("status").asInt(-1) == 0 ? 1 : 0;
            }
            bookmark = page.path("bookmark").isTextual() && page.path("results").size() > 0
                    ? page.path("bookmark").asText() : null;
        } while (bookmark != null);
        return complete;
    }

    private static void awaitCount(AtomicInteger count, int expected, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (count.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
