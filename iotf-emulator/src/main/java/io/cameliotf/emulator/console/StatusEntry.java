package io.cameliotf.emulator.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.Json;
import io.cameliotf.emulator.auth.ClientIdentity;
import java.time.Instant;

/**
 * A connect or disconnect of one of an organization's clients, as the console shows it.
 *
 * @param kind {@code device}, {@code gateway} or {@code application}
 * @param type the device type, or null for an application
 * @param id the device id, or an application's app id
 * @param reason why it disconnected, or null for a connect
 */
record StatusEntry(String org, String action, String clientId, String kind, String type, String id, Instant time,
        String reason) {

    static StatusEntry of(ClientIdentity identity, boolean connect, Instant time, String reason) {
        String kind = identity.isApplication() ? "application" : identity.isGateway() ? "gateway" : "device";
        return new StatusEntry(identity.org(), connect ? "Connect" : "Disconnect", identity.clientId(), kind,
                identity.deviceType(), identity.isApplication() ? identity.appId() : identity.deviceId(), time,
                connect ? null : reason);
    }

    ObjectNode json() {
        ObjectNode json = Json.object();
        json.put("action", action);
        json.put("clientId", clientId);
        json.put("kind", kind);
        json.put("type", type);
        json.put("id", id);
        json.put("time", Json.dateTime(time));
        json.put("reason", reason);
        return json;
    }
}
