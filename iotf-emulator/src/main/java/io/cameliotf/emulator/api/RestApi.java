package io.cameliotf.emulator.api;

import io.cameliotf.emulator.api.v1.DeviceApi;
import io.cameliotf.emulator.api.v1.HistorianApi;
import io.cameliotf.emulator.api.v2.ApiKeysApi;
import io.cameliotf.emulator.api.v2.BulkApi;
import io.cameliotf.emulator.api.v2.ConnectionStatesApi;
import io.cameliotf.emulator.api.v2.DeviceTypesApi;
import io.cameliotf.emulator.api.v2.DevicesApi;
import io.cameliotf.emulator.api.v2.LastEventsApi;
import io.cameliotf.emulator.api.v2.MessagingApi;
import io.cameliotf.emulator.api.v2.OrganizationApi;
import io.cameliotf.emulator.api.v2.UsageApi;
import io.cameliotf.emulator.historian.HistorianQueryException;
import io.cameliotf.emulator.messaging.MessagingException;
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
    private final OrganizationApi v2organization;
    private final DeviceTypesApi v2types;
    private final DevicesApi v2devices;
    private final BulkApi v2bulk;
    private final LastEventsApi v2lastEvents;
    private final ConnectionStatesApi v2states;
    private final io.cameliotf.emulator.api.v2.HistorianApi v2historian;
    private final ApiKeysApi v2keys;
    private final MessagingApi v2messaging;
    private final UsageApi v2usage;

    public RestApi(ApiServices s) {
        ApiAuthenticator auth = s.auth();
        this.devices = new DeviceApi(auth, s.organizations(), s.devices());
        this.historian = new HistorianApi(auth, s.historian(), new HistorianSessions(), s.clock());
        this.v2organization = new OrganizationApi(auth, s.organizations(), s.historianEnabled(), s.retention());
        this.v2types = new DeviceTypesApi(auth, s.devices());
        this.v2devices = new DevicesApi(auth, s.devices());
        this.v2bulk = new BulkApi(auth, s.devices(), v2devices);
        this.v2lastEvents = new LastEventsApi(auth, s.lastEvents());
        this.v2states = new ConnectionStatesApi(auth, s.clientStates());
        this.v2historian = new io.cameliotf.emulator.api.v2.HistorianApi(auth, s.historian());
        this.v2keys = new ApiKeysApi(auth, s.apiKeys());
        this.v2messaging = new MessagingApi(auth, s.messaging());
        this.v2usage = new UsageApi(auth, s.usage());
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
        onException(MessagingException.class).handled(true).process(e -> {
            MessagingException error = caught(e, MessagingException.class);
            int status = switch (error.kind()) {
                case TOO_LARGE -> 413;
                case UNAVAILABLE -> 503;
                default -> 400;
            };
            RestResponses.error(e, new ApiException(status, error.getMessage()));
        });
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

        String type = "/device/types/{typeId}";
        String device = type + "/devices/{deviceId}";
        rest("/api/v0002")
                .get().to(face("v2-organization", v2organization::organization))
                .get("/service-status").to(face("v2-service-status", v2organization::serviceStatus))
                .get("/usage/data-traffic").to(face("v2-usage-traffic", v2usage::dataTraffic))
                .get("/usage/active-devices").to(face("v2-usage-active-devices", v2usage::activeDevices))
                .get("/usage/historical-data").to(face("v2-usage-historical-data", v2usage::historicalData))
                .get("/device/types").to(face("v2-list-types", v2types::list))
                .post("/device/types").to(face("v2-create-type", v2types::create))
                .get(type).to(face("v2-type", v2types::get))
                .put(type).to(face("v2-update-type", v2types::update))
                .delete(type).to(face("v2-delete-type", v2types::delete))
                .get(type + "/devices").to(face("v2-list-devices", v2devices::listOfType))
                .post(type + "/devices").to(face("v2-register-device", v2devices::register))
                .get(device).to(face("v2-device", v2devices::get))
                .put(device).to(face("v2-update-device", v2devices::update))
                .delete(device).to(face("v2-delete-device", v2devices::delete))
                .get(device + "/devices").to(face("v2-devices-of-gateway", v2devices::listOfGateway))
                .get(device + "/location").to(face("v2-location", v2devices::location))
                .put(device + "/location").to(face("v2-update-location", v2devices::updateLocation))
                .get(device + "/events").to(face("v2-last-events", v2lastEvents::events))
                .get(device + "/events/{eventId}").to(face("v2-last-event", v2lastEvents::event))
                .post(device + "/events/{eventId}").to(face("v2-http-device-event", v2messaging::deviceEvent))
                .post("/application/types/{typeId}/devices/{deviceId}/events/{eventId}")
                        .to(face("v2-http-application-event", v2messaging::applicationEvent))
                .post("/application/types/{typeId}/devices/{deviceId}/commands/{commandId}")
                        .to(face("v2-http-command", v2messaging::command))
                .get("/bulk/devices").to(face("v2-bulk-list", v2bulk::list))
                .post("/bulk/devices/add").to(face("v2-bulk-add", v2bulk::add))
                .post("/bulk/devices/remove").to(face("v2-bulk-remove", v2bulk::remove))
                .get("/clientconnectionstates").to(face("v2-connection-states", v2states::states))
                .get("/clientconnectionstates/{clientId}").to(face("v2-connection-state", v2states::state))
                .get("/logs/connection").to(face("v2-connection-log", v2states::log))
                .get("/historian").to(face("v2-historian-organization", v2historian::query))
                .get("/historian/types/{typeId}").to(face("v2-historian-type", v2historian::query))
                .get("/historian/types/{typeId}/devices/{deviceId}").to(face("v2-historian-device", v2historian::query))
                .get("/authorization/apikeys").to(face("v2-list-api-keys", v2keys::list))
                .post("/authorization/apikeys").to(face("v2-create-api-key", v2keys::create))
                .get("/authorization/apikeys/{key}").to(face("v2-api-key", v2keys::get))
                .delete("/authorization/apikeys/{key}").to(face("v2-delete-api-key", v2keys::delete));
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
