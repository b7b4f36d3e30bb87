package org.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.ComponentSettings;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The component settings the extension hands out are those of the test's organization, and they log in. */
@ExtendWith(IotfEmulatorExtension.class)
class ComponentSettingsTest {

    @Test
    void theSettingsNameTheTestsOrganizationAndLogIn(IotfEmulator iotf, ComponentSettings settings,
            TestOrganization org) throws Exception {
        assertEquals(org.id(), settings.org());
        assertEquals(Map.of("org", org.id(), "authKey", org.apiKey(), "authToken", org.apiToken(),
                "brokerUrl", iotf.mqttUrl(), "apiBaseUrl", iotf.httpUrl("v0002")), settings.options());
        assertEquals(org.apiToken(), settings.properties().get("camel.component.iotf.auth-token"));
        assertFalse(settings.toString().contains(org.apiToken()), settings.toString());

        try (MqttTestClient app = MqttTestClient.builder(settings.brokerUrl(), org.appClientId("settings"))
                .username(settings.authKey()).password(settings.authToken()).connect()) {
            assertTrue(app.isConnected());
        }
    }

    @Test
    void withoutAnOrganizationParameterTheSettingsHaveAFreshOne(ComponentSettings a, ComponentSettings b) {
        assertFalse(a.org().equals(b.org()), a + " " + b);
        assertEquals(a.org(), a.organization().id());
    }
}
