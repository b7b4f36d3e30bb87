package io.cameliotf.iotf.mqtt;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttAsyncClient;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt, in the background, to make a connection again: a failure is the connection's last error and schedules
 * the next attempt; a refusal is logged as an error (retrying cannot help until the service's data changes).
 */
final class ConnectAttempt {

    private static final Logger LOG = LoggerFactory.getLogger(IotfConnection.class);

    private final IMqttAsyncClient client;
    private final MqttConnectOptions options;
    private final ConnectionSettings settings;
    private final ConnectionStats stats;

    ConnectAttempt(IMqttAsyncClient client, MqttConnectOptions options, ConnectionSettings settings,
            ConnectionStats stats) {
        this.client = client;
        this.options = options;
        this.settings = settings;
        this.stats = stats;
    }

    void run(ReconnectSchedule schedule) {
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete restores the subscriptions
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    stats.error(e);
                    if (e instanceof MqttException && ConnectionErrors.isRefusal((MqttException) e)) {
                        LOG.error("{}", ConnectionErrors.describe(settings, (MqttException) e));
                    } else {
                        LOG.debug("Reconnecting {} failed: {}", settings, e.toString());
                    }
                    schedule.next();
                }
            });
        } catch (MqttException e) {
            if (e.getReasonCode() != MqttException.REASON_CODE_CONNECT_IN_PROGRESS
                    && e.getReasonCode() != MqttException.REASON_CODE_CLIENT_CONNECTED) {
                stats.error(e);
                schedule.next();
            }
        }
    }
}
