package io.cameliotf.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.emulator.seed.Seed;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Identity and authentication [5.2, 5.3, 2.3.3, 2.3.4], with the plain Paho client. */
@ExtendWith(IotfEmulatorExtension.class)
public class AuthenticationTest {

    @Test
    void registeredDeviceConnectsWithItsToken(IotfEmulator iotf) throws Exception {
        try (MqttTestClient device = MqttTestClient.device(iotf, "orga01", "sensor", "dev1", "devA1-token")) {
            assertThat(device.isConnected()).isTrue();
        }
    }

    @Test
    void applicationConnectsWithApiKeyAndToken(IotfEmulator iotf) throws Exception {
        Seed.Key key = iotf.seed().organization("orga01").apiKey(0);
        try (MqttTestClient app = MqttTestClient.application(iotf, "a:orga01:app1", key.key(), key.token())) {
            assertThat(app.isConnected()).isTrue();
        }
    }

    @Test
    void wrongDeviceTokenIsNotAuthorised(IotfEmulator iotf) {
        // the hosted service answered 5 to every refused login; IBM's clients stop retrying only on 5
        assertRefused(() -> MqttTestClient.device(iotf, "orga01", "sensor", "dev1", "wrong"), 5);
    }

    @Test
    void deviceTokenOfAnotherDeviceIsRefused(IotfEmulator iotf) {
        assertRefused(() -> MqttTestClient.device(iotf, "orga01", "sensor", "dev1", "devA2-token"), 5);
    }

    @Test
    void deviceMustUseTokenAuthUserName(IotfEmulator iotf) {
        assertRefused(() -> MqttTestClient.builder(iotf.mqttUrl(), "d:orga01:sensor:dev1").username("someone")
                .password("devA1-token").connect(), 5);
    }

    @Test
    void unregisteredDeviceIsNotAuthorised(IotfEmulator iotf) {
        assertRefused(() -> MqttTestClient.device(iotf, "orga01", "sensor", "nobody", "x"), 5);
    }

    @Test
    void unknownOrganizationIsNotAuthorised(IotfEmulator iotf) {
        assertRefused(() -> MqttTestClient.device(iotf, "nosuch", "sensor", "dev1", "devA1-token"), 5);
    }

    @Test
    void malformedClientIdsAreIdentifierRejected(IotfEmulator iotf) {
        for (String clientId : new String[] {"x:orga01:app", "d:orga01:sensor", "d:orga01:sen/sor:dev1",
                "a:orga01:", "plain-client", "d:orga01:sensor:" + "x".repeat(37)}) {
            assertRefused(() -> MqttTestClient.builder(iotf.mqttUrl(), clientId).username("use-token-auth")
                    .password("devA1-token").connect(), 2);
        }
    }

    @Test
    void apiKeyOfAnotherOrganizationIsNotAuthorised(IotfEmulator iotf) {
        Seed.Key keyOfB = iotf.seed().organization("orgb02").apiKey(0);
        assertRefused(() -> MqttTestClient.application(iotf, "a:orga01:app1", keyOfB.key(), keyOfB.token()), 5);
    }

    @Test
    void wrongOrUnknownApiKeyIsNotAuthorised(IotfEmulator iotf) {
        Seed.Key key = iotf.seed().organization("orga01").apiKey(0);
        assertRefused(() -> MqttTestClient.application(iotf, "a:orga01:app1", key.key(), "wrong"), 5);
        assertRefused(() -> MqttTestClient.application(iotf, "a:orga01:app1", "a-orga01-unknown000", "x"), 5);
        assertRefused(() -> MqttTestClient.builder(iotf.mqttUrl(), "a:orga01:app1").connect(), 5);
    }

    @Test
    void generatedCredentialsWork(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("thermo", "t-1");
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "thermo", "t-1", token);
                MqttTestClient app = MqttTestClient.application(iotf, org.appClientId("x"), org.apiKey(), org.apiToken())) {
            assertThat(device.isConnected()).isTrue();
            assertThat(app.isConnected()).isTrue();
        }
    }

    @Test
    void secondConnectionWithTheSameClientIdTakesOver(IotfEmulator iotf, TestOrganization org) throws Exception {
        try (MqttTestClient first = MqttTestClient.application(iotf, org.appClientId("same"), org.apiKey(), org.apiToken());
                MqttTestClient second = MqttTestClient.application(iotf, org.appClientId("same"), org.apiKey(), org.apiToken())) {
            assertThat(first.awaitConnectionLost(java.time.Duration.ofSeconds(10))).isTrue();
            assertThat(second.isConnected()).isTrue();
        }
    }

    public static void assertRefused(ThrowingConnect connect, int connackCode) {
        assertThatThrownBy(() -> connect.connect().close())
                .isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isEqualTo(connackCode));
    }

    @FunctionalInterface
    public interface ThrowingConnect {
        MqttTestClient connect() throws Exception;
    }
}
