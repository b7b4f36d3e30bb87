package io.cameliotf.emulator.mgmt;

import io.cameliotf.emulator.registry.DeviceRef;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /mgmt/requests} (later contract 2.14), as read by the API.
 *
 * @param parameters by name, in the order given
 * @param timeoutSeconds after how long devices not done time out (status 3), or null for never
 */
public record NewRequest(String action, Map<String, String> parameters, List<DeviceRef> devices,
        Integer timeoutSeconds) {
}
