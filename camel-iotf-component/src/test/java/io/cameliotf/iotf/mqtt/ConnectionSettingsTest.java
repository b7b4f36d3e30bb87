package io.cameliotf.iotf.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.Test;

/** The settings endpoints of one client id must share, and the Paho options made from them. */
class ConnectionSettingsTest {

    private static ConnectionSettings settings(String brokerUrl, String password, boolean cleanSession,
            int maxInflight, String persistenceDirectory) {
        return new ConnectionSettings(brokerUrl, "a:org001:app", "a-org001-key", password, cleanSession, 60, 30,
                maxInflight, true, 30_000, persistenceDirectory, SocketFactory.getDefault());
    }

    private static final ConnectionSettings BASE = settings("tcp://h:1883", "secret", true, 100, null);

    @Test
    void equalSettingsAgree() {
        assertThat(BASE.conflictWith(settings("tcp://h:1883", "secret", true, 100, null))).isNull();
    }

    @Test
    void eachDisagreementIsNamedByItsOptions() {
        assertThat(BASE.conflictWith(settings("tcp://other:1883", "secret", true, 100, null)))
                .isEqualTo("brokerUrl (tcp://h:1883 and tcp://other:1883)");
        assertThat(BASE.conflictWith(settings("tcp://h:1883", "other", true, 100, null)))
                .as("a different token, never shown").isEqualTo("authKey or authToken");
        assertThat(BASE.conflictWith(settings("tcp://h:1883", "secret", false, 100, null))).isEqualTo("cleanSession");
        assertThat(BASE.conflictWith(settings("tcp://h:1883", "secret", true, 10, null))).contains("maxInflight");
        assertThat(BASE.conflictWith(settings("tcp://h:1883", "secret", true, 100, "/var/iotf")))
                .isEqualTo("persistence or persistenceDirectory");
    }

    @Test
    void theConnectOptionsFollowTheSettings() {
        MqttConnectOptions options = settings("tcp://h:1883", "secret", false, 100, null).connectOptions();
        assertThat(options.getMqttVersion()).isEqualTo(MqttConnectOptions.MQTT_VERSION_3_1_1);
        assertThat(options.isCleanSession()).isFalse();
        assertThat(options.getKeepAliveInterval()).isEqualTo(60);
        assertThat(options.getConnectionTimeout()).isEqualTo(30);
        assertThat(options.getUserName()).isEqualTo("a-org001-key");
        assertThat(new String(options.getPassword())).isEqualTo("secret");
        assertThat(options.isAutomaticReconnect()).as("the connection reconnects itself").isFalse();
        assertThat(options.getMaxInflight()).as("room beyond the connection's own permits")
                .isGreaterThan(100);
    }

    @Test
    void theStringShowsNoSecret() {
        assertThat(BASE.toString()).isEqualTo("a:org001:app at tcp://h:1883").doesNotContain("secret");
    }
}
