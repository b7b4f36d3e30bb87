package io.cameliotf.examples;

import io.cameliotf.iotf.payload.IotfMessage;
import io.cameliotf.iotf.rest.IotfApiException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * The demo in Java DSL (the same routes are in demo-routes.yaml). Organization A ({{iotf.a.org}}) has two sensors
 * and a valve; organization B ({{iotf.b.org}}) receives A's events through a relay.
 */
public class DemoRoutes extends RouteBuilder {

    /** An application of organization A with the given app id. */
    static final String APP_A = "org={{iotf.a.org}}&authKey={{iotf.a.authKey}}&authToken=RAW({{iotf.a.authToken}})";
    static final String APP_B = "org={{iotf.b.org}}&authKey={{iotf.b.authKey}}&authToken=RAW({{iotf.b.authToken}})";

    static String device(String type, String id, String tokenProperty) {
        return "clientType=device&org={{iotf.a.org}}&deviceType=" + type + "&deviceId=" + id + "&authToken=RAW({{"
                + tokenProperty + "}})";
    }

    /**
     * A device's event producer; lazily started, so that the devices connect once the status route listens (Camel
     * starts producers before consumers).
     */
    static String deviceEvents(String type, String id, String tokenProperty, String event) {
        return "iotf:device-event?" + device(type, id, tokenProperty) + "&event=" + event
                + "&qos=1&wrapPayload=true&lazyStartProducer=true";
    }

    @Override
    public void configure() {
        // device status first: this route starts before the devices connect and stops after they disconnect
        from("iotf:device-status?" + APP_A + "&appId=demo-app&qos=1").routeId("status")
                .bean("stats", "status");

        // 1. register a new device through the Device Management API and show its token, once
        from("timer:onboard?repeatCount=1&delay=200").routeId("onboard")
                .setHeader("CamelIotfOperation", constant("registerDevice"))
                .setHeader("CamelIotfDeviceType", constant("sensor"))
                .setHeader("CamelIotfDeviceId", simple("demo-${date:now:HHmmssSSS}"))
                .setBody(constant("{\"location\":\"created by the demo\"}"))
                .doTry()
                    .to("iotf:registry?" + APP_A)
                    .bean("stats", "registered")
                .doCatch(IotfApiException.class)
                    .log("Could not register a device: ${exception.message}")
                .end();

        // 2. two simulated sensors publish a reading every {{demo.interval}} ms, as devices
        for (String sensor : new String[] {"dev1", "dev2"}) {
            from("timer:" + sensor + "?period={{demo.interval}}&delay=1000").routeId("sensor-" + sensor)
                    .bean("simulator", "next('" + sensor + "')")
                    .to(deviceEvents("sensor", sensor, "iotf.a." + sensor + ".token", "reading"));
        }

        // 3. the valve listens for its commands and acts on them, reporting its new state
        from("iotf:command?" + device("valve", "v1", "iotf.a.valve.token") + "&command=setValve&qos=1").routeId("valve")
                .convertBodyTo(IotfMessage.class)
                .bean("valve", "act")
                .removeHeaders("CamelIotf*")
                .to(deviceEvents("valve", "v1", "iotf.a.valve.token", "state"));

        // 4. an application consumes the readings as POJOs and appends them as JSON lines to a file
        from("iotf:device-event?" + APP_A + "&appId=demo-app&deviceType=sensor&event=reading&qos=1").routeId("readings")
                .convertBodyTo(Reading.class)
                .bean("stats", "received")
                .to("direct:rule")
                .marshal().json(JsonLibrary.Jackson)
                .to("file:{{demo.output}}?fileName=readings.jsonl&fileExist=Append&appendChars=\\n")
                .bean("stats", "lineWritten");

        // 5. the rule: a command to the valve when a reading crosses the threshold
        from("direct:rule").routeId("rule")
                .filter(method("rule", "crossed"))
                .setBody(method("rule", "command"))
                // the reading's headers name the sensor; headers override the producer's options, so drop them
                .removeHeaders("CamelIotf*")
                .to("iotf:command?" + APP_A + "&appId=demo-app&deviceType=valve&deviceId=v1&command=setValve&wrapPayload=true")
                .bean("stats", "commandSent");

        // 6. a relay: organization A's events into organization B, through an application in each
        from("iotf:device-event?" + APP_A + "&appId=demo-relay&qos=1").routeId("relay-out")
                .to("iotf:device-event?" + APP_B + "&appId=demo-relay&qos=1");
        from("iotf:device-event?" + APP_B + "&appId=demo-watch-b&qos=1").routeId("relay-in")
                .bean("stats", "eventRelayed");

        // a line per batch on the console; the historian's summary at the end
        from("timer:progress?period=5000&delay=5000").routeId("progress").bean("stats", "progress");
        from("direct:historian-summary").routeId("historian-summary").bean("historianReport", "report");
    }
}
