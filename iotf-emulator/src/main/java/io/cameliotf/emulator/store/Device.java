package io.cameliotf.emulator.store;

import java.time.Instant;

/**
 * A registered device [3.1.3; later contract 2.3]; only the salted hash of its token is kept [2.3.3].
 *
 * @param metadataJson the device's metadata as JSON text, or null when it has none
 * @param info its deviceInfo (never null; fields may be)
 * @param location where it is, or null when nobody said
 * @param alertEnabled {@code status.alert.enabled}, and {@code alertChanged} when it last changed
 * @param gatewayType the type of the gateway the device was added through, or null
 * @param registeredBy who registered it (an API key, "seed", or the client id of the gateway that added it)
 * @param registeredByType what {@code registeredBy} is ("apiKey", "seed" or "gateway")
 */
public record Device(String org, String type, String id, String tokenHash, String metadataJson, DeviceInfo info,
        Location location, boolean alertEnabled, Instant alertChanged, String gatewayType, String gatewayId,
        String registeredBy, String registeredByType, Instant registered, Instant updated) {

    /** A device as it is registered: no location, alerts off, not added through a gateway. */
    public static Device registered(String org, String type, String id, String tokenHash, String metadataJson,
            DeviceInfo info, String registeredBy, String registeredByType, Instant now) {
        return new Device(org, type, id, tokenHash, metadataJson, info == null ? DeviceInfo.EMPTY : info, null, false,
                now, null, null, registeredBy, registeredByType, now, now);
    }

    /** The device's unique id in the service, {@code d:<org>:<type>:<id>}. */
    public String uuid() {
        return "d:" + org + ':' + type + ':' + id;
    }

    public Device withMetadata(String json, Instant now) {
        return new Device(org, type, id, tokenHash, json, info, location, alertEnabled, alertChanged, gatewayType,
                gatewayId, registeredBy, registeredByType, registered, now);
    }

    public Device withInfo(DeviceInfo newInfo, Instant now) {
        return new Device(org, type, id, tokenHash, metadataJson, newInfo, location, alertEnabled, alertChanged,
                gatewayType, gatewayId, registeredBy, registeredByType, registered, now);
    }

    public Device withLocation(Location newLocation, Instant now) {
        return new Device(org, type, id, tokenHash, metadataJson, info, newLocation, alertEnabled, alertChanged,
                gatewayType, gatewayId, registeredBy, registeredByType, registered, now);
    }

    /** The device as added through the gateway {@code type}/{@code id}. */
    public Device withGateway(String type, String id) {
        return new Device(org, this.type, this.id, tokenHash, metadataJson, info, location, alertEnabled, alertChanged,
                type, id, registeredBy, registeredByType, registered, updated);
    }

    public Device withAlert(boolean enabled, Instant now) {
        return enabled == alertEnabled ? this : new Device(org, type, id, tokenHash, metadataJson, info, location,
                enabled, now, gatewayType, gatewayId, registeredBy, registeredByType, registered, now);
    }

    @Override
    public String toString() {
        return "Device[" + uuid() + "]";
    }
}
