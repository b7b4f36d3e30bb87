package io.cameliotf.iotf.mqtt;

import java.util.Objects;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * Everything a connection is made with. Endpoints with the same client id share one connection, so they must agree
 * on all of it ({@link #conflictWith}).
 *
 * @param socketFactory the socket factory (TLS or plain, with TCP_NODELAY)
 * @param persistenceDirectory the directory of file persistence, or null for memory
 */
public record ConnectionSettings(String brokerUrl, String clientId, String username, String password,
        boolean cleanSession, int keepAliveSeconds, int connectionTimeoutSeconds, int maxInflight,
        boolean automaticReconnect, int maxReconnectDelayMillis, String persistenceDirectory,
        SocketFactory socketFactory) {

    /** {@code factory} with Nagle's algorithm off (TLS factories stay TLS factories). */
    public static SocketFactory noDelay(SocketFactory factory) {
        return factory instanceof javax.net.ssl.SSLSocketFactory
                ? NoDelaySocketFactory.tls((javax.net.ssl.SSLSocketFactory) factory) : NoDelaySocketFactory.plain(factory);
    }

    /** Paho's options of a connection made with these settings. */
    MqttConnectOptions connectOptions() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(cleanSession);
        options.setKeepAliveInterval(keepAliveSeconds);
        options.setConnectionTimeout(connectionTimeoutSeconds);
        // Paho counts in-flight messages a little after the connection's own permits are released
        options.setMaxInflight(maxInflight * 2 + 10);
        options.setAutomaticReconnect(false); // the connection reconnects itself, with subscriptions restored
        options.setSocketFactory(socketFactory);
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
        return options;
    }

    /** The first setting two endpoints of one client id disagree on, or null when they agree. */
    String conflictWith(ConnectionSettings o) {
        if (!brokerUrl.equals(o.brokerUrl)) {
            return "brokerUrl (" + brokerUrl + " and " + o.brokerUrl + ")";
        }
        if (!Objects.equals(username, o.username) || !Objects.equals(password, o.password)) {
            return "authKey or authToken";
        }
        if (cleanSession != o.cleanSession) {
            return "cleanSession";
        }
        if (keepAliveSeconds != o.keepAliveSeconds || connectionTimeoutSeconds != o.connectionTimeoutSeconds
                || maxInflight != o.maxInflight || automaticReconnect != o.automaticReconnect
                || maxReconnectDelayMillis != o.maxReconnectDelayMillis) {
            return "keepAliveInterval, connectionTimeout, maxInflight, automaticReconnect or maxReconnectDelay";
        }
        if (!Objects.equals(persistenceDirectory, o.persistenceDirectory)) {
            return "persistence or persistenceDirectory";
        }
        return null;
    }

    @Override
    public String toString() {
        return clientId + " at " + brokerUrl;
    }
}
