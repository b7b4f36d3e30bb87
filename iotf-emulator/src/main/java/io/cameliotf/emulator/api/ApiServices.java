package io.cameliotf.emulator.api;

import io.cameliotf.emulator.historian.HistorianQueries;
import io.cameliotf.emulator.registry.ApiKeys;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.store.RegistryStore;
import java.time.Clock;

/** What the REST API's faces work on: the engines of the service's domains. */
public record ApiServices(ApiAuthenticator auth, RegistryStore organizations, DeviceRegistry devices, ApiKeys apiKeys,
        HistorianQueries historian, Clock clock) {
}
