package io.cameliotf.emulator.api.v2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.ApiAuthenticator;
import io.cameliotf.emulator.api.ApiCaller;
import io.cameliotf.emulator.api.ApiException;
import io.cameliotf.emulator.api.Json;
import io.cameliotf.emulator.api.RestResponses;
import io.cameliotf.emulator.store.Organization;
import io.cameliotf.emulator.store.RegistryStore;
import java.time.Duration;
import org.apache.camel.Exchange;

/** The organization and the service's status in API v0002 (later contract 2.1, 2.16). */
public final class OrganizationApi {

    private final ApiAuthenticator auth;
    private final RegistryStore organizations;
    private final boolean historian;
    private final Duration retention;

    public OrganizationApi(ApiAuthenticator auth, RegistryStore organizations, boolean historian, Duration retention) {
        this.auth = auth;
        this.organizations = organizations;
        this.historian = historian;
        this.retention = retention;
    }

    /** GET / */
    public void organization(Exchange exchange) {
        ApiCaller caller = auth.authenticate(exchange.getIn());
        Organization o = organizations.organization(caller.org()).orElseThrow(
                () -> ApiException.notFound("Organization " + caller.org() + " does not exist", caller.org()));
        ObjectNode json = Json.object();
        json.put("id", o.id());
        json.put("name", o.name());
        json.put("enabled", true);
        json.put("type", "Trial");
        ObjectNode config = json.putObject("config").putObject("historian");
        config.put("enabled", historian);
        // the contract counts retention in months (0 = forever); this service keeps days
        config.put("retention", Math.max(1, (retention.toDays() + 29) / 30));
        json.put("created", Json.dateTime(o.created()));
        json.put("updated", Json.dateTime(o.updated()));
        RestResponses.ok(exchange, json);
    }

    /** GET /service-status: one region, every part green while the service answers. */
    public void serviceStatus(Exchange exchange) {
        auth.authenticate(exchange.getIn());
        ObjectNode json = Json.object();
        ObjectNode region = json.putObject("local");
        region.put("messaging", "green");
        region.put("dashboard", "green");
        region.put("thirdParty", "green");
        RestResponses.ok(exchange, json);
    }
}
