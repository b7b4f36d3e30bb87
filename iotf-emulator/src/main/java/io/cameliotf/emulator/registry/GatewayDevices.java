package io.cameliotf.emulator.registry;

import io.cameliotf.emulator.store.StoreUnavailableException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices gateways act for (later contract 3.4): one a gateway publishes for that is not registered is
 * registered, with the gateway recorded. Devices known to be registered are remembered (a deleted one is forgotten),
 * so that only a gateway's first message for a device reads the registry.
 */
public final class GatewayDevices {

    /** Past this many remembered devices the memory starts again empty: it is a cache, the registry decides. */
    static final int MAX_KNOWN = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(GatewayDevices.class);

    private final DeviceRegistry registry;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public GatewayDevices(DeviceRegistry registry, Revocations revocations) {
        this.registry = registry;
        revocations.onDeviceDeleted(known::remove);
    }

    /**
     * Makes sure {@code type}/{@code id} of {@code org} is registered, registering it as added through the gateway
     * {@code gatewayType}/{@code gatewayId} when it is not.
     *
     * @return null when it is registered, else why it could not be (for the gateway's notify message)
     */
    public String serve(String org, String gatewayType, String gatewayId, String type, String id) {
        String clientId = DeviceRegistry.clientId(org, type, id);
        if (known.contains(clientId)) {
            return null;
        }
        try {
            if (registry.device(org, type, id).isEmpty()) {
                registry.registerForGateway(org, type, id, gatewayType, gatewayId);
                LOG.info("Registered device {}/{} of organization {} for gateway {}/{}", type, id, org, gatewayType,
                        gatewayId);
            }
        } catch (RegistryException | StoreUnavailableException e) {
            LOG.warn("Could not register device {}/{} of organization {} for gateway {}/{}: {}", type, id, org,
                    gatewayType, gatewayId, e.getMessage());
            return "the device could not be registered: " + e.getMessage();
        }
        if (known.size() >= MAX_KNOWN) {
            known.clear();
        }
        known.add(clientId);
        return null;
    }
}
