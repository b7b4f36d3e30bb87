package io.cameliotf.emulator.store;

import java.time.Instant;
import java.util.Set;

/**
 * A device that sent a manage request (later contract 2.6, 3.5.3), and how the service reaches it.
 *
 * @param lifetime seconds within which it must manage again, or 0 for never dormant
 * @param bundles the custom action bundles it opted in to ({@code supports.<bundleId>: true})
 * @param gatewayType the gateway it manages through (which receives the service's messages for it), or null when it
 *        is connected on its own; a gateway managing itself names itself
 * @param lastActivity when it last sent a manage request
 * @param firmware {@code mgmt.firmware}, or null before any firmware download
 */
public record ManagedDevice(String org, String type, String id, long lifetime, boolean deviceActions,
        boolean firmwareActions, Set<String> bundles, String gatewayType, String gatewayId, Instant lastActivity,
        Firmware firmware) {

    /** When it becomes dormant (no longer managed) unless it manages again, or null when never. */
    public Instant dormantAt() {
        return lifetime == 0 ? null : lastActivity.plusSeconds(lifetime);
    }

    /** Whether its lifetime ran out: the service then treats it as not managed. */
    public boolean isDormant(Instant now) {
        Instant at = dormantAt();
        return at != null && !now.isBefore(at);
    }

    public ManagedDevice withFirmware(Firmware newFirmware) {
        return new ManagedDevice(org, type, id, lifetime, deviceActions, firmwareActions, bundles, gatewayType,
                gatewayId, lastActivity, newFirmware);
    }
}
