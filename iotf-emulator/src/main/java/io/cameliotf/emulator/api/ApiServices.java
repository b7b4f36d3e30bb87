package io.cameliotf.emulator.api;

import io.cameliotf.emulator.historian.HistorianQueries;
import io.cameliotf.emulator.lec.LastEventCache;
import io.cameliotf.emulator.messaging.HttpMessaging;
import io.cameliotf.emulator.mgmt.DeviceManagement;
import io.cameliotf.emulator.registry.ApiKeys;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.session.ClientStates;
import io.cameliotf.emulator.store.RegistryStore;
import io.cameliotf.emulator.usage.UsageMeter;
import java.time.Clock;
import java.time.Duration;

/**
 * What the REST API's faces work on: the engines of the service's domains, and the historian's settings the
 * organization shows.
 */
public record ApiServices(ApiAuthenticator auth, RegistryStore organizations, DeviceRegistry devices, ApiKeys apiKeys,
        HistorianQueries historian, LastEventCache lastEvents, ClientStates clientStates, UsageMeter usage,
        HttpMessaging messaging, DeviceManagement management,
        boolean historianEnabled, Duration retention, Clock clock) {
}
