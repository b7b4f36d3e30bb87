package io.cameliotf.emulator.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.Json;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.session.ClientStates;
import io.cameliotf.emulator.store.DeviceTypeCount;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * {@code GET /console/api/overview}: an organization at a glance. Devices, gateways and applications connected now
 * (from the connection states), events per second over the last minutes ({@link EventRates}), device types with
 * their device counts, and where devices connect.
 */
final class Overview {

    private final ClientStates states;
    private final DeviceRegistry devices;
    private final EventRates rates;
    private final Supplier<ConsoleEndpoints> endpoints;

    Overview(ClientStates states, DeviceRegistry devices, EventRates rates, Supplier<ConsoleEndpoints> endpoints) {
        this.states = states;
        this.devices = devices;
        this.rates = rates;
        this.endpoints = endpoints;
    }

    ObjectNode of(String org) {
        ObjectNode json = Json.object();
        json.put("org", org);
        json.put("devicesConnected", connected(org, "device"));
        json.put("applicationsConnected", connected(org, "application"));
        json.put("gatewaysConnected", connected(org, "gateway"));
        ArrayNode types = json.putArray("deviceTypes");
        for (DeviceTypeCount t : devices.typeCounts(org)) {
            types.addObject().put("id", t.deviceType()).put("devices", t.count());
        }
        ArrayNode rate = json.putArray("eventsPerSecond");
        for (EventRates.Second s : rates.last(org)) {
            rate.addObject().put("t", Json.date(Instant.ofEpochSecond(s.epochSecond()))).put("n", s.count());
        }
        ConsoleEndpoints e = endpoints.get();
        json.putObject("mqtt").put("host", e.host()).put("port", e.mqttPort()).put("tlsPort", e.mqttTlsPort());
        json.putObject("http").put("host", e.host()).put("port", e.httpPort()).put("tlsPort", e.httpsPort());
        return json;
    }

    /** {@code GET /console/api/settings}: what a device of {@code org} needs to connect. */
    ObjectNode settings(String org) {
        ConsoleEndpoints e = endpoints.get();
        ObjectNode json = Json.object();
        json.put("mqttHost", e.host());
        json.put("mqttPort", e.mqttPort());
        json.put("mqttTlsPort", e.mqttTlsPort());
        json.put("domain", e.domain());
        json.put("org", org);
        return json;
    }

    private long connected(String org, String clientType) {
        return states.states(org, s -> s.connected() && s.clientType().equals(clientType), null, 1).total();
    }
}
