package io.cameliotf.emulator.api;

import io.cameliotf.emulator.auth.CredentialCheck;
import io.cameliotf.emulator.historian.HistorianSessions;
import io.cameliotf.emulator.registry.Provisioning;
import io.cameliotf.emulator.store.EventStore;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API of the local service, in Camel's REST DSL: the Device Management API [3.1] and the Historical Event
 * API [3.2] under {@code /api/v0001}. Every answer other than success is JSON, {@code {"status": .., "message": ..}}.
 */
public final class RestApi extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);

    private final DeviceApi devices;
    private final HistorianApi historian;

    public RestApi(CredentialCheck check, String domain, Provisioning provisioning, EventStore events, Clock clock) {
        ApiAuthenticator auth = new ApiAuthenticator(check, domain);
        this.devices = new DeviceApi(auth, provisioning);
        this.historian = new HistorianApi(auth, events, new HistorianSessions(), clock);
    }

    @Override
    public void configure() {
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off);

        onException(ApiException.class).handled(true).process(e -> {
            ApiException error = e.getProperty(Exchange.EXCEPTION_CAUGHT, ApiException.class);
            RestResponses.error(e, error.status(), error.getMessage());
        });
        onException(Exception.class).handled(true).process(e -> {
            Exception error = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            LOG.error("The REST API failed on {} {}", e.getIn().getHeader(Exchange.HTTP_METHOD),
                    e.getIn().getHeader(Exchange.HTTP_PATH), error);
            RestResponses.error(e, 500, "Internal error: " + error.getMessage());
        });

        rest("/api/v0001")
                .get().to("direct:organization")
                .get("/devices").to("direct:listDevices")
                .post("/devices").to("direct:register")
                .get("/devices/{deviceType}").to("direct:listDevicesOfType")
                .get("/devices/{deviceType}/{deviceId}").to("direct:device")
                .put("/devices/{deviceType}/{deviceId}").to("direct:update")
                .delete("/devices/{deviceType}/{deviceId}").to("direct:delete")
                .get("/device-types").to("direct:deviceTypes")
                .get("/historian").to("direct:historianOfOrganization")
                .get("/historian/{deviceType}").to("direct:historianOfType")
                .get("/historian/{deviceType}/{deviceId}").to("direct:historianOfDevice");

        from("direct:organization").routeId("api-organization").process(devices::organization);
        from("direct:listDevices").routeId("api-list-devices").process(devices::listDevices);
        from("direct:register").routeId("api-register-device").process(devices::register);
        from("direct:listDevicesOfType").routeId("api-list-devices-of-type").process(devices::listDevicesOfType);
        from("direct:device").routeId("api-device").process(devices::device);
        from("direct:update").routeId("api-update-device").process(devices::update);
        from("direct:delete").routeId("api-delete-device").process(devices::delete);
        from("direct:deviceTypes").routeId("api-device-types").process(devices::deviceTypes);
        from("direct:historianOfOrganization").routeId("api-historian-organization").process(historian::query);
        from("direct:historianOfType").routeId("api-historian-type").process(historian::query);
        from("direct:historianOfDevice").routeId("api-historian-device").process(historian::query);
    }
}
