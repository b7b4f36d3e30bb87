package io.cameliotf.emulator.interop;

import static io.cameliotf.emulator.interop.ProbeReport.expect;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.ibm.wiotp.sdk.codecs.JsonCodec;
import com.ibm.wiotp.sdk.device.Command;
import com.ibm.wiotp.sdk.device.CommandCallback;
import com.ibm.wiotp.sdk.device.config.DeviceConfigAuth;
import com.ibm.wiotp.sdk.device.config.DeviceConfigIdentity;
import com.ibm.wiotp.sdk.device.config.DeviceConfigOptions;
import com.ibm.wiotp.sdk.device.config.DeviceConfigOptionsMqtt;
import com.ibm.wiotp.sdk.gateway.GatewayClient;
import com.ibm.wiotp.sdk.gateway.config.GatewayConfig;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.MqttTestClient.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * IBM's Java SDK {@code com.ibm.wiotp:com.ibm.wiotp.sdk} 0.4.1, its {@code GatewayClient}, unchanged, as a gateway of
 * the local service (later contract 3.4), with a plain Paho application on the other side and plain HTTPS for the
 * registry. Run by {@link JavaSdkInteropTest} in a JVM of its own (hosts file, trust store), like {@link JavaSdkProbe}.
 * <p>
 * What the SDK itself gets wrong, so the checks go around it (recorded in docs/emulator.md, "IBM's clients"):
 * {@code GatewayClient.messageArrived} matches {@code iot-2/type/(t)/id/(d)/cmd/(c)/fmt/(f)} but takes group 1 (the
 * device type) as the command and group 2 (the device id) as the format, so a command reaches its callback only for
 * a device whose id is a registered codec's format ({@code json}), named after the device type; for any other device
 * its codec lookup is null and the callback thread throws a NullPointerException. Its inherited
 * {@code publishEvent} publishes a gateway's own event on the device form {@code iot-2/evt/...}, which is outside a
 * gateway's topic space here (3.4 documents the typed form); the probe publishes the gateway's own events with
 * {@code publishDeviceEvent(ownType, ownId, ...)}.
 * <p>
 * Arguments: org, API key, API token.
 */
public final class GatewaySdkProbe {

    static final String GATEWAY_TYPE = "sdkgw";
    static final String GATEWAY_ID = "gw1";
    static final String GATEWAY_TOKEN = "sdk-gateway-token-1";
    static final Duration WAIT = Duration.ofSeconds(10);

    private GatewaySdkProbe() {
    }

    public static void main(String[] args) throws Exception {
        String org = args[0];
        ProbeReport report = new ProbeReport();
        V2Http api = new V2Http(org, args[1], args[2]);

        report.check("a gateway type (classId Gateway) and a gateway registered over HTTPS", () -> {
            int type = api.post("/device/types", "{\"id\":\"" + GATEWAY_TYPE + "\",\"classId\":\"Gateway\"}").status();
            int device = api.post("/device/types/" + GATEWAY_TYPE + "/devices", "{\"deviceId\":\"" + GATEWAY_ID
                    + "\",\"authToken\":\"" + GATEWAY_TOKEN + "\"}").status();
            expect(type == 201 && device == 201, "HTTP " + type + ", " + device);
        });

        MqttTestClient app = MqttTestClient.builder("tcp://127.0.0.1:1883", "a:" + org + ":gwwatch").username(args[1])
                .password(args[2]).connect();
        app.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);

        GatewayConfig config = new GatewayConfig(new DeviceConfigIdentity(org, GATEWAY_TYPE, GATEWAY_ID),
                new DeviceConfigAuth(GATEWAY_TOKEN), new DeviceConfigOptions(IbmPortsService.DOMAIN, "INFO",
                        new DeviceConfigOptionsMqtt(8883, "tcp", null, true, 3600, 60)));
        GatewayClient gateway = new GatewayClient(config);
        gateway.registerCodec(new JsonCodec());
        BlockingQueue<Command<JsonObject>> commands = new LinkedBlockingQueue<>();
        gateway.registerCommandCallback(new CommandCallback<JsonObject>() {
            @Override
            public void processCommand(Command<JsonObject> command) {
                commands.add(command);
            }

            @Override
            public Class<JsonObject> getMessageClass() {
                return JsonObject.class;
            }
        });
        report.check("GatewayClient connects as g:<org>:" + GATEWAY_TYPE + ":" + GATEWAY_ID
                + " (ssl://<org>.messaging.<domain>:8883)", () -> {
            gateway.connect(); // it also subscribes to iot-2/cmd/+/fmt/+, which a gateway may not (SUBACK 0x80)
            expect(gateway.isConnected(), "not connected");
            expect(config.getClientId().equals("g:" + org + ":" + GATEWAY_TYPE + ":" + GATEWAY_ID), config.getClientId());
        });

        report.check("publishDeviceEvent for the gateway itself and for two served devices reaches a Paho application",
                () -> {
                    gateway.publishDeviceEvent(GATEWAY_TYPE, GATEWAY_ID, "status", json("{\"up\":true}"), 1);
                    gateway.publishDeviceEvent("sdksensor", "s1", "temp", json("{\"t\":21}"), 1);
                    gateway.publishDeviceEvent("sdkvalve", "v1", "flow", json("{\"f\":3}"), 1);
                    List<String> got = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        Received r = app.poll(WAIT);
                        expect(r != null, "only " + got);
                        got.add(r.topic() + " " + r.text());
                    }
                    expect(got.equals(List.of("iot-2/type/sdkgw/id/gw1/evt/status/fmt/json {\"up\":true}",
                            "iot-2/type/sdksensor/id/s1/evt/temp/fmt/json {\"t\":21}",
                            "iot-2/type/sdkvalve/id/v1/evt/flow/fmt/json {\"f\":3}")), got.toString());
                });

        report.check("the served devices are registered with the gateway, shown by API v0002", () -> {
            for (String device : List.of("/device/types/sdksensor/devices/s1", "/device/types/sdkvalve/devices/v1")) {
                JsonNode d = api.get(device).json();
                expect(GATEWAY_TYPE.equals(d.path("gatewayTypeId").asText()) && GATEWAY_ID.equals(d.path("gatewayId")
                        .asText()), device + ": " + d);
            }
            JsonNode served = api.get("/device/types/" + GATEWAY_TYPE + "/devices/" + GATEWAY_ID + "/devices").json();
            expect(served.path("results").size() == 2, served.toString());
        });

        report.check("subscribeToDeviceCommands(type, +, +, json): an application's command for a served device "
                + "reaches the SDK's command callback", () -> {
            // the device id "json" is the one the SDK's misparse can decode (see above): it reports the device type
            // as the command id
            gateway.subscribeToDeviceCommands("sdksensor", "+", "+", "json", 1);
            app.publish("iot-2/type/sdksensor/id/json/cmd/blink/fmt/json", "{\"d\":{\"times\":3}}", 1);
            Command<JsonObject> command = commands.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            expect(command != null, "no command");
            expect(command.getData().getAsJsonObject("d").get("times").getAsInt() == 3, String.valueOf(command.getData()));
            expect(command.getCommandId().equals("sdksensor"), "the SDK now names the command " + command.getCommandId()
                    + ": its misparse is fixed, update GatewaySdkProbe and docs/emulator.md");
        });

        report.check("the gateway's connection state over API v0002 (/clientconnectionstates)", () -> {
            JsonNode state = api.get("/clientconnectionstates/g:" + org + ":" + GATEWAY_TYPE + ":" + GATEWAY_ID).json();
            expect("connected".equals(state.path("connectionStatus").asText()), state.toString());
        });

        gateway.disconnect();
        app.close();
        report.exit();
    }

    private static JsonObject json(String text) {
        return new JsonParser().parse(text).getAsJsonObject();
    }
}
