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
import io.cameliotf.emulator.api.v2.MgmtApi;
import io.cameliotf.emulator.api.v2.MgmtRequestsApi;
import io.cameliotf.emulator.mgmt.RequestRefusedException;
import io.cameliotf.emulator.api.v2.OrganizationApi;
import io.cameliotf.emulator.api.v2.UsageApi;
import io.cameliotf.emulator.historian.HistorianQueryException;
import io.cameliotf.emulator.log.LogSafe;
import io.cameliotf.emulator.messaging.MessagingException;
import io.cameliotf.emulator.historian.HistorianSessions;
import io.cameliotf.emulator.store.StoreUnavailableException;
import io.cameliotf.emulator.registry.RegistryException;
import org.apache.camel.Exchange;
import java.util.function.Function;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API of the local service, in Camel's REST DSL: API v0001 [3.1, 3.2] under {@code /api/v0001} and API
 * v0002 (the later contract) under {@code /api/v0002}, two thin faces over the same registry and historian. Every
 * answer other than success is JSON in the later contract's error shape ({@link ApiErrors}).
 */
public final class RestApi extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);
    private static final String V1 = "/api/v0001";
    private static final String V2 = "/api/v0002";

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
    private final MgmtApi v2mgmt;
    private final MgmtRequestsApi v2requests;
    private final ApiAuthenticator auth;

    public RestApi(ApiServices s) {
        ApiAuthenticator auth = s.auth();
        this.auth = auth;
        this.devices = new DeviceApi(auth, s.organizations(), s.devices());
        this.historian = new HistorianApi(auth, s.historian(), new HistorianSessions(), s.clock());
        this.v2organization = new OrganizationApi(auth, s.organizations(), s.historianEnabled(), s.retention());
        this.v2types = new DeviceTypesApi(auth, s.devices());
        this.v2devices = new DevicesApi(auth, s.devices(), s.management().management());
        this.v2bulk = new BulkApi(auth, s.devices(), v2devices);
        this.v2lastEvents = new LastEventsApi(auth, s.lastEvents());
        this.v2states = new ConnectionStatesApi(auth, s.clientStates(), s.devices());
        this.v2historian = new io.cameliotf.emulator.api.v2.HistorianApi(auth, s.historian());
        this.v2keys = new ApiKeysApi(auth, s.apiKeys());
        this.v2messaging = new MessagingApi(auth, s.messaging());
        this.v2usage = new UsageApi(auth, s.usage());
        this.v2mgmt = new MgmtApi(auth, s.management().management(), s.management().diagnostics());
        this.v2requests = new MgmtRequestsApi(auth, s.management().requests(), s.management().queries());
    }

    /** How the API authenticates its callers (also before routing, see {@link RestLogins}). */
    ApiAuthenticator auth() {
        return auth;
    }

    @Override
    public void configure() {
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off);

        answer(ApiException.class, e -> e);
        answer(RegistryException.class, e -> new ApiException(switch (e.kind()) {
            case INVALID -> 400;
            case CONFLICT -> 409;
            default -> 404;
        }, e.getMessage()));
        answer(RequestRefusedException.class, e -> new ApiException(e.status(), e.getMessage())
                .withViolations(e.violations()));
        answer(HistorianQueryException.class, e -> ApiException.badRequest(e.getMessage()));
        // nothing of the request was kept; the message names the data file and the cause, never the SQL
        answer(StoreUnavailableException.class, e -> new ApiException(503, e.getMessage()
                + "; nothing was changed, try again once the service can write its data directory"));
        answer(MessagingException.class, e -> new ApiException(switch (e.kind()) {
            case TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
            default -> 400;
        }, e.getMessage()));
        onException(Exception.class).handled(true).process(e -> {
            Exception error = caught(e, Exception.class);
            LOG.error("The REST API failed on {} {}", e.getIn().getHeader(Exchange.HTTP_METHOD),
                    LogSafe.of(e.getIn().getHeader(Exchange.HTTP_PATH, String.class)), error);
            RestResponses.error(e, new ApiException(500, "Internal error; the service log has the details"));
        });

        Api v1 = new Api(rest(V1), V1);
        v1.on("get", "", "v1-organization", devices::organization);
        v1.on("get", "/devices", "v1-list-devices", devices::listDevices);
        v1.on("post", "/devices", "v1-register-device", devices::register);
        v1.on("get", "/devices/{deviceType}", "v1-list-devices-of-type", devices::listDevicesOfType);
        v1.on("get", "/devices/{deviceType}/{deviceId}", "v1-device", devices::device);
        v1.on("put", "/devices/{deviceType}/{deviceId}", "v1-update-device", devices::update);
        v1.on("delete", "/devices/{deviceType}/{deviceId}", "v1-delete-device", devices::delete);
        v1.on("get", "/device-types", "v1-device-types", devices::deviceTypes);
        v1.on("get", "/historian", "v1-historian-organization", historian::query);
        v1.on("get", "/historian/{deviceType}", "v1-historian-type", historian::query);
        v1.on("get", "/historian/{deviceType}/{deviceId}", "v1-historian-device", historian::query);

        String type = "/device/types/{typeId}";
        String device = type + "/devices/{deviceId}";
        String application = "/application/types/{typeId}/devices/{deviceId}";
        Api v2 = new Api(rest(V2), V2);
        v2.on("get", "", "v2-organization", v2organization::organization);
        v2.on("get", "/service-status", "v2-service-status", v2organization::serviceStatus);
        v2.on("get", "/usage/data-traffic", "v2-usage-traffic", v2usage::dataTraffic);
        v2.on("get", "/usage/active-devices", "v2-usage-active-devices", v2usage::activeDevices);
        v2.on("get", "/usage/historical-data", "v2-usage-historical-data", v2usage::historicalData);
        v2.on("get", "/device/types", "v2-list-types", v2types::list);
        v2.on("post", "/device/types", "v2-create-type", v2types::create);
        v2.on("get", type, "v2-type", v2types::get);
        v2.on("put", type, "v2-update-type", v2types::update);
        v2.on("delete", type, "v2-delete-type", v2types::delete);
        v2.on("get", type + "/devices", "v2-list-devices", v2devices::listOfType);
        v2.on("post", type + "/devices", "v2-register-device", v2devices::register);
        v2.on("get", device, "v2-device", v2devices::get);
        v2.on("put", device, "v2-update-device", v2devices::update);
        v2.on("delete", device, "v2-delete-device", v2devices::delete);
        v2.on("get", device + "/devices", "v2-devices-of-gateway", v2devices::listOfGateway);
        v2.on("get", device + "/location", "v2-location", v2devices::location);
        v2.on("put", device + "/location", "v2-update-location", v2devices::updateLocation);
        v2.on("get", device + "/mgmt", "v2-device-mgmt", v2mgmt::mgmt);
        v2.on("get", device + "/diag/logs", "v2-diag-logs", v2mgmt::logs);
        v2.on("post", device + "/diag/logs", "v2-add-diag-log", v2mgmt::addLog);
        v2.on("delete", device + "/diag/logs", "v2-clear-diag-logs", v2mgmt::clearLogs);
        v2.on("get", device + "/diag/logs/{logId}", "v2-diag-log", v2mgmt::log);
        v2.on("delete", device + "/diag/logs/{logId}", "v2-delete-diag-log", v2mgmt::deleteLog);
        v2.on("get", device + "/diag/errorCodes", "v2-diag-error-codes", v2mgmt::errorCodes);
        v2.on("post", device + "/diag/errorCodes", "v2-add-diag-error-code", v2mgmt::addErrorCode);
        v2.on("delete", device + "/diag/errorCodes", "v2-clear-diag-error-codes", v2mgmt::clearErrorCodes);
        String request = "/mgmt/requests/{requestId}";
        v2.on("get", "/mgmt/requests", "v2-mgmt-requests", v2requests::list);
        v2.on("post", "/mgmt/requests", "v2-initiate-mgmt-request", v2requests::initiate);
        v2.on("get", request, "v2-mgmt-request", v2requests::get);
        v2.on("delete", request, "v2-delete-mgmt-request", v2requests::delete);
        v2.on("post", request + "/cancel", "v2-cancel-mgmt-request", v2requests::cancel);
        v2.on("get", request + "/deviceStatus", "v2-mgmt-request-status", v2requests::deviceStatus);
        v2.on("get", request + "/deviceStatus/{typeId}/{deviceId}", "v2-mgmt-request-device-status",
                v2requests::oneDeviceStatus);
        v2.on("get", device + "/events", "v2-last-events", v2lastEvents::events);
        v2.on("get", device + "/events/{eventId}", "v2-last-event", v2lastEvents::event);
        v2.on("post", device + "/events/{eventId}", "v2-http-device-event", v2messaging::deviceEvent);
        v2.on("post", application + "/events/{eventId}", "v2-http-application-event", v2messaging::applicationEvent);
        v2.on("post", application + "/commands/{commandId}", "v2-http-command", v2messaging::command);
        v2.on("get", "/bulk/devices", "v2-bulk-list", v2bulk::list);
        v2.on("post", "/bulk/devices/add", "v2-bulk-add", v2bulk::add);
        v2.on("post", "/bulk/devices/remove", "v2-bulk-remove", v2bulk::remove);
        v2.on("get", "/clientconnectionstates", "v2-connection-states", v2states::states);
        v2.on("get", "/clientconnectionstates/{clientId}", "v2-connection-state", v2states::state);
        v2.on("get", "/logs/connection", "v2-connection-log", v2states::log);
        v2.on("get", "/historian", "v2-historian-organization", v2historian::query);
        v2.on("get", "/historian/types/{typeId}", "v2-historian-type", v2historian::query);
        v2.on("get", "/historian/types/{typeId}/devices/{deviceId}", "v2-historian-device", v2historian::query);
        v2.on("get", "/authorization/apikeys", "v2-list-api-keys", v2keys::list);
        v2.on("post", "/authorization/apikeys", "v2-create-api-key", v2keys::create);
        v2.on("get", "/authorization/apikeys/{key}", "v2-api-key", v2keys::get);
        v2.on("delete", "/authorization/apikeys/{key}", "v2-delete-api-key", v2keys::delete);
    }

    /** One API version in the REST DSL: each path of it runs one method of a face, in a route of its own. */
    private final class Api {
        private final RestDefinition rest;
        private final String base;

        Api(RestDefinition rest, String base) {
            this.rest = rest;
            this.base = base;
        }

        /** {@code verb path} runs {@code method}, with the path parameters bound from the path ({@link PathParams}). */
        void on(String verb, String path, String id, Processor method) {
            (path.isEmpty() ? rest.verb(verb) : rest.verb(verb, path)).to("direct:" + id);
            from("direct:" + id).routeId(id).process(PathParams.bind(base + path, method));
        }
    }

    /** Answers every {@code type} a face throws with the error {@code answer} makes of it. */
    private <T extends Exception> void answer(Class<T> type, Function<T, ApiException> answer) {
        onException(type).handled(true).process(e -> RestResponses.error(e, answer.apply(caught(e, type))));
    }

    private static <T extends Exception> T caught(Exchange e, Class<T> type) {
        return e.getProperty(Exchange.EXCEPTION_CAUGHT, type);
    }
}
