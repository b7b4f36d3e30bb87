package io.cameliotf.iotf.docs;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.TestOrganization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// The snippet "Developing and testing against the local service" of docs/user-guide.md.
// tag::my-route-test[]
@ExtendWith(IotfEmulatorExtension.class)
class MyRouteTest {
    @Test
    void route(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("sensor", "s1");
        // point the component at iotf.mqttUrl() and iotf.httpUrl(), with org.apiKey() and org.apiToken()
    }
}
// end::my-route-test[]
