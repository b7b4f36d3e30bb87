package io.cameliotf.emulator.mgmt;

import io.cameliotf.emulator.store.ManagedDevice;
import io.cameliotf.emulator.store.MgmtRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * What a flow step works with: the request (its parameters by name), the device's management state, and the
 * service's management (to store {@code mgmt.firmware} and {@code deviceInfo.fwVersion}).
 */
record FlowContext(MgmtRequest request, Map<String, String> parameters, ManagedDevice device, Management management,
        Clock clock) {

    Instant now() {
        return clock.instant();
    }
}
