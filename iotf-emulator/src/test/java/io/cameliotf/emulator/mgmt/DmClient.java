package io.cameliotf.emulator.mgmt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import io.cameliotf.emulator.junit.TestOrganization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A managed device or gateway played with the plain Paho client ({@link MqttTestClient}): publishes device management
 * requests on {@code iotdevice-1/...} (a gateway in the gateway form, for a target device), receives the service's
 * messages on {@code iotdm-1/...}, and waits for the ones a test expects, keeping the others for later.
 */
public final class DmClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    public static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration QUIET = Duration.ofMillis(400);

    private final MqttTestClient mqtt;
    /** The gateway-form prefix of the target device ({@code type/<t>/id/<d>/}), or "" for a device. */
    private final String target;
    private final List<Received> backlog = new ArrayList<>();

    private DmClient(MqttTestClient mqtt, String target) {
        this.mqtt = mqtt;
        this.target = target;
    }

    /** A device connected on its own, subscribed to {@code iotdm-1/#} at QoS 1. */
    public static DmClient device(IotfEmulator iotf, TestOrganization org, String type, String id, String token,
            boolean cleanSession) throws Exception {
        return device(iotf.mqttUrl(), org.deviceClientId(type, id), token, cleanSession);
    }

    /** A device connected on its own to the service at {@code mqttUrl}, subscribed to {@code iotdm-1/#}. */
    public static DmClient device(String mqttUrl, String clientId, String token, boolean cleanSession) throws Exception {
        MqttTestClient mqtt = MqttTestClient.builder(mqttUrl, clientId).username("use-token-auth").password(token)
                .cleanSession(cleanSession).connect();
        assertThat(mqtt.subscribe("iotdm-1/#", 1)).isEqualTo(1);
        return new DmClient(mqtt, "");
    }

    /** A device reconnecting to its durable session: no new subscription. */
    public static DmClient resume(IotfEmulator iotf, TestOrganization org, String type, String id, String token)
            throws Exception {
        return new DmClient(MqttTestClient.builder(iotf.mqttUrl(), org.deviceClientId(type, id))
                .username("use-token-auth").password(token).cleanSession(false).connect(), "");
    }

    /** A gateway, subscribed to {@code iotdm-1/type/+/id/+/#}. */
    public static MqttTestClient gateway(IotfEmulator iotf, TestOrganization org, String type, String id, String token)
            throws Exception {
        MqttTestClient mqtt = MqttTestClient.builder(iotf.mqttUrl(), "g:" + org.id() + ':' + type + ':' + id)
                .username("use-token-auth").password(token).connect();
        assertThat(mqtt.subscribe("iotdm-1/type/+/id/+/#", 1)).isEqualTo(1);
        return mqtt;
    }

    /** The gateway {@code mqtt} acting for device {@code type}/{@code id} (itself or one behind it). */
    public static DmClient through(MqttTestClient mqtt, String type, String id) {
        return new DmClient(mqtt, "type/" + type + "/id/" + id + "/");
    }

    public MqttTestClient mqtt() {
        return mqtt;
    }

    /** Publishes {@code {"d": d, "reqId": <new>}} on {@code iotdevice-1/<op>} and returns the service's response. */
    public JsonNode request(String op, String d) throws Exception {
        String reqId = UUID.randomUUID().toString();
        publish(op, "{" + (d == null ? "" : "\"d\":" + d + ",") + "\"reqId\":\"" + reqId + "\"}");
        return response(reqId);
    }

    /** {@code mgmt/manage} with a lifetime and what it supports; asserts rc 200. */
    public void manage(String supports) throws Exception {
        JsonNode r = request("mgmt/manage", "{\"lifetime\":0,\"supports\":" + supports + "}");
        assertThat(r.get("rc").asInt()).as(r.toString()).isEqualTo(200);
    }

    public void publish(String op, String payload) throws Exception {
        mqtt.publish("iotdevice-1/" + target + op, payload, 1);
    }

    /** The service's response with {@code reqId} on {@code iotdm-1/response}. */
    public JsonNode response(String reqId) throws Exception {
        Received r = await("response", m -> reqId.equals(m.path("reqId").asText(null)));
        return JSON.readTree(r.payload());
    }

    /** The next message of the service on {@code iotdm-1/<path>} (of the target, for a gateway) with a test. */
    public Received await(String path, Predicate<JsonNode> test) throws Exception {
        String topic = "iotdm-1/" + target + path;
        for (Iterator<Received> it = backlog.iterator(); it.hasNext();) {
            Received r = it.next();
            if (r.topic().equals(topic) && test.test(JSON.readTree(r.payload()))) {
                it.remove();
                return r;
            }
        }
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            Received r = mqtt.poll(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            if (r == null) {
                break;
            }
            if (r.topic().equals(topic) && test.test(JSON.readTree(r.payload()))) {
                return r;
            }
            backlog.add(r);
        }
        throw new AssertionError("Nothing arrived on " + topic + " within " + WAIT + "; received " + backlog);
    }

    /** The next message on {@code iotdm-1/<path>}, as JSON. */
    public ObjectNode next(String path) throws Exception {
        return (ObjectNode) JSON.readTree(await(path, m -> true).payload());
    }

    /** Answers a request of the service on {@code iotdevice-1/response}. */
    public void respond(JsonNode request, int rc, String message) throws Exception {
        ObjectNode response = JSON.createObjectNode();
        response.put("rc", rc);
        response.put("reqId", request.get("reqId").asText());
        if (message != null) {
            response.put("message", message);
        }
        publish("response", response.toString());
    }

    /** What arrived and was not taken. */
    public List<Received> rest() throws InterruptedException {
        List<Received> all = new ArrayList<>(backlog);
        backlog.clear();
        all.addAll(mqtt.drain(QUIET));
        return all;
    }

    @Override
    public void close() {
        mqtt.close();
    }
}
