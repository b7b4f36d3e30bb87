package io.cameliotf.examples.gateway;

import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.model.IotfDevice;
import io.cameliotf.iotf.payload.IotfMessage;
import io.cameliotf.iotf.rest.IotfApiException;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;

/**
 * The gateway demo's routes. A Camel route is the IoTF gateway {{gateway.type}}/{{gateway.id}} of organization
 * {{iotf.a.org}} for fridges that only write and read files (see {@link FolderDevice}): it publishes their readings
 * as the fridges' own events, hands commands for them to their folders and answers the management requests the
 * service sends them. An application of the same organization watches the readings, commands a fridge that is too
 * warm, and reboots a fridge and updates the fridges' firmware through the service's device management requests.
 */
public class GatewayRoutes extends RouteBuilder {

    /** The gateway's connection: one MQTT connection for every gateway endpoint below. */
    static final String GATEWAY = "clientType=gateway&org={{iotf.a.org}}&gatewayType={{gateway.type}}"
            + "&gatewayId={{gateway.id}}&authToken=RAW({{gateway.token}})";
    /** The application (an API key of the organization). */
    static final String APP = "org={{iotf.a.org}}&authKey={{iotf.a.authKey}}&authToken=RAW({{iotf.a.authToken}})";
    /** The gateway's routes, started once the gateway is registered. */
    static final List<String> GATEWAY_ROUTES = List.of("gateway-readings", "gateway-commands");

    private final List<String> fridges;

    /** @param fridges the ids of the fridges (device type {@code fridge}) the gateway serves */
    public GatewayRoutes(List<String> fridges) {
        this.fridges = fridges;
    }

    @Override
    public void configure() {
        // 0. the gateway's device type (class Gateway) and the gateway itself, registered once (409: already there)
        from("timer:gateway-onboard?repeatCount=1&delay=200").routeId("gateway-onboard")
                .setBody(simple("{\"id\":\"{{gateway.type}}\",\"classId\":\"Gateway\"}"))
                .doTry()
                    .to("iotf:registry?" + APP + "&operation=createDeviceType")
                .doCatch(IotfApiException.class).onWhen(simple("${exception.statusCode} == 409"))
                    .log("${exception.message}: already there")
                .end()
                .setHeader(IotfConstants.DEVICE_TYPE, simple("{{gateway.type}}"))
                .setHeader(IotfConstants.DEVICE_ID, simple("{{gateway.id}}"))
                // an IotfDevice body is the whole registration, with the token the gateway will connect with
                .process(e -> {
                    IotfDevice gateway = new IotfDevice();
                    gateway.setAuthToken(e.getContext().resolvePropertyPlaceholders("{{gateway.token}}"));
                    e.getMessage().setBody(gateway);
                })
                .doTry()
                    .to("iotf:registry?" + APP + "&operation=registerDevice")
                .doCatch(IotfApiException.class).onWhen(simple("${exception.statusCode} == 409"))
                    .log("${exception.message}: already there")
                .end()
                .log("Gateway {{gateway.type}}/{{gateway.id}} registered; starting its routes")
                .bean("gatewayStats", "gatewayRegistered")
                .process(e -> {
                    for (String route : GATEWAY_ROUTES) {
                        e.getContext().getRouteController().startRoute(route);
                    }
                    for (String fridge : fridges) {
                        e.getContext().getRouteController().startRoute("gateway-mgmt-" + fridge);
                    }
                })
                // a management route has started once the service answered its fridge's manage request
                .bean("fridgeManagement", "gatewayManaged");

        // 1. the fridges' readings, files in the inbox named <type>.<id>.<n>.txt, become their events
        from("file:{{gateway.folder}}/inbox?delete=true&include=.*\\.txt&delay=100").routeId("gateway-readings")
                .autoStartup(false)
                .bean(FolderReadings.class, "toEvent")
                // lazily started: Camel starts a stopped route's producers too, and the gateway is not registered yet
                .to("iotf:device-event?" + GATEWAY + "&event=reading&qos=1&wrapPayload=true&lazyStartProducer=true")
                .bean("gatewayStats", "readingPublished");

        // 2. commands for any fridge the gateway serves go to that fridge's folder
        from("iotf:command?" + GATEWAY + "&deviceType=fridge&command=setpoint&qos=1").routeId("gateway-commands")
                .autoStartup(false)
                .setHeader("CamelFileName", simple("${header.CamelIotfDeviceId}/command-${exchangeId}.json"))
                .to("file:{{gateway.folder}}/outbox")
                .bean("gatewayStats", "commandDelivered");

        // 3. each fridge is a managed device: the gateway answers its reboot and firmware requests
        for (String fridge : fridges) {
            from("iotf:device-management?" + GATEWAY + "&deviceType=fridge&deviceId=" + fridge
                    + "&supportsDeviceActions=true&supportsFirmwareActions=true").routeId("gateway-mgmt-" + fridge)
                    .autoStartup(false)
                    .bean("fridgeManagement", "handle(${header.CamelIotfMgmtAction}, ${header.CamelIotfDeviceId}, ${body})")
                    .bean("gatewayStats", "managed(${header.CamelIotfMgmtAction}, ${header.CamelIotfDeviceId})");
        }

        // 4. the application: readings of the fridges; a fridge above the limit is told to cool down
        from("iotf:device-event?" + APP + "&appId=fridge-watch&deviceType=fridge&event=reading&qos=1")
                .routeId("app-readings")
                .convertBodyTo(IotfMessage.class)
                .bean("gatewayStats", "received")
                .filter(method("gatewayStats", "tooWarm"))
                    .setBody(constant("{\"setpoint\":3.0}"))
                    // the reading's device headers name the fridge to command; its other headers would override options
                    .removeHeaders("CamelIotf*", IotfConstants.DEVICE_TYPE, IotfConstants.DEVICE_ID)
                    .to("iotf:command?" + APP + "&appId=fridge-watch&command=setpoint")
                    .bean("gatewayStats", "commandSent")
                .end();

        // 5. the operator: once every fridge is managed, reboot one, then download and install new firmware
        from("timer:operator?repeatCount=1&delay={{gateway.operatorDelay}}").routeId("app-operator")
                .bean("fridgeManagement", "awaitManaged")
                .setBody(constant("fridge/" + fridges.get(0)))
                .to("iotf:registry?" + APP + "&operation=initiateMgmtRequest&mgmtAction=device/reboot"
                        + "&awaitCompletion=true")
                .bean("gatewayStats", "requestDone('device/reboot', ${header.CamelIotfMgmtFailures}, ${body})")
                .bean("fridgeManagement", "firmwareDownloadRequest")
                .to("iotf:registry?" + APP + "&operation=initiateMgmtRequest&awaitCompletion=true")
                .bean("gatewayStats", "requestDone('firmware/download', ${header.CamelIotfMgmtFailures}, ${body})")
                .bean("fridgeManagement", "firmwareUpdateRequest")
                .to("iotf:registry?" + APP + "&operation=initiateMgmtRequest&awaitCompletion=true")
                .bean("gatewayStats", "requestDone('firmware/update', ${header.CamelIotfMgmtFailures}, ${body})");

        from("timer:gateway-progress?period=5000&delay=5000").routeId("gateway-progress")
                .bean("gatewayStats", "progress");
    }
}
