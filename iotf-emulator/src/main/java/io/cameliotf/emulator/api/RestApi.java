package io.cameliotf.emulator.api;

import io.cameliotf.emulator.api.v1.DeviceApi;
import io.cameliotf.emulator.api.v1.HistorianApi;
import io.cameliotf.emulator.historian.HistorianQueryException;
import io.cameliotf.emulator.historian.HistorianSessions;
import io.cameliotf.emulator.registry.RegistryException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API of the local service, in Camel's REST DSL: API v0001 [3.1, 3.2] under {@code /api/v0001} and API
 * v0002 (the later contract) under {@code /api/v0002}, two thin faces over the same registry and historian. Every
 * answer other than success is JSON in the later contract's error shape ({@link ApiErrors}).
 */
public final class RestApi extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);

    private final DeviceApi devices;
    private final HistorianApi historian;

    public RestApi(ApiServices services) {
        this.devices = new DeviceApi(services.auth(), services.organizations(), services.devices());
        this.historian = new HistorianApi(services.auth(), services.historian(), new HistorianSessions(),
                services.clock());
    }

    @Override
    public void configure() {
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off);

        onException(ApiException.class).handled(true).process(e -> RestResponses.error(e, caught(e, ApiException.class)));
        onException(RegistryException.class).handled(true).process(e -> {
            RegistryException error = caught(e, RegistryException.class);
            int status = switch (error.kind()) {
                case INVALID -> 400;
                case CONFLICT -> 409;
                default -> 404;
            };
            RestResponses.error(e, new ApiException(status, error.getMessage()));
        });
        onException(HistorianQueryException.class).handled(true)
                .process(e -> RestResponses.error(e, ApiException.badRequest(caught(e, HistorianQueryException.class).getMessage())));
        onException(Exception.class).handled(true).process(e -> {
            Exception error = caught(e, Exception.class);
            LOG.error("The REST API failed on {} {}", e.getIn().getHeader(Exchange.HTTP_METHOD),
                    e.getIn().getHeader(Exchange.HTTP_PATH), error);
            RestResponses.error(e, new ApiException(500, "Internal error; the service log has the details"));
        });

        rest("/api/v0001")
                .get().to(face("v1-organization", devices::organization))
                .get("/devices").to(face("v1-list-devices", devices::listDevices))
                .post("/devices").to(face("v1-register-device", devices::register))
                .get("/devices/{deviceType}").to(face("v1-list-devices-of-type", devices::listDevicesOfType))
                .get("/devices/{deviceType}/{deviceId}").to(face("v1-device", devices::device))
                .put("/devices/{deviceType}/{deviceId}").to(face("v1-update-device", devices::update))
                .delete("/devices/{deviceType}/{deviceId}").to(face("v1-delete-device", devices::delete))
                .get("/device-types").to(face("v1-device-types", devices::deviceTypes))
                .get("/historian").to(face("v1-historian-organization", historian::query))
                .get("/historian/{deviceType}").to(face("v1-historian-type", historian::query))
                .get("/historian/{deviceType}/{deviceId}").to(face("v1-historian-device", historian::query));
    }

    /** A route {@code id} that runs one method of a face; returns its endpoint for the REST DSL. */
    private String face(String id, Processor method) {
        from("direct:" + id).routeId(id).process(method);
        return "direct:" + id;
    }

    private static <T extends Exception> T caught(Exchange e, Class<T> type) {
        return e.getProperty(Exchange.EXCEPTION_CAUGHT, type);
    }
}
