package io.cameliotf.iotf.mqtt;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttAsyncClient;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producers' side of a connection: at most maxInflight QoS 1 and 2 messages unacknowledged at once, each publish
 * waiting for its acknowledgement (or, at QoS 0, for being written).
 */
final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(IotfConnection.class);

    private final IMqttAsyncClient client;
    private final ConnectionSettings settings;
    private final Semaphore inflight;

    Publisher(IMqttAsyncClient client, ConnectionSettings settings) {
        this.client = client;
        this.settings = settings;
        this.inflight = new Semaphore(settings.maxInflight());
    }

    /** QoS 1 and 2 messages published and not acknowledged yet. */
    int inFlight() {
        return settings.maxInflight() - inflight.availablePermits();
    }

    /**
     * Publishes; waits for the acknowledgement when {@code wait} (not on the connection's own delivery thread, where
     * Paho completes tokens: there a failure is only logged).
     *
     * @throws IotfConnectionException when no place among maxInflight frees within the timeout, or the publish failed
     */
    void publish(String topic, byte[] payload, int qos, long publishTimeoutMillis, boolean wait) {
        boolean permit = false;
        try {
            if (qos > 0) {
                permit = inflight.tryAcquire(publishTimeoutMillis, TimeUnit.MILLISECONDS);
                if (!permit) {
                    throw new IotfConnectionException("Publishing to " + topic + " on " + settings.clientId()
                            + " timed out: " + settings.maxInflight() + " messages are still waiting for the service's "
                            + "acknowledgement after " + publishTimeoutMillis + " ms (maxInflight, publishTimeout)", null);
                }
            }
            boolean release = permit;
            // at QoS 0 nothing is acknowledged and no permit is held: the token alone tells when it was written
            IMqttActionListener listener = qos == 0 ? null : new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    if (release) {
                        inflight.release();
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    if (release) {
                        inflight.release();
                    }
                    LOG.warn("Publishing to {} on {} failed: {}", topic, settings.clientId(), e.toString());
                }
            };
            permit = false; // from here on the listener releases it
            IMqttDeliveryToken token = client.publish(topic, payload, qos, false, null, listener);
            if (wait) {
                token.waitForCompletion(publishTimeoutMillis);
            }
        } catch (MqttException e) {
            throw new IotfConnectionException("Publishing to " + topic + " on " + settings.clientId() + " failed: "
                    + ConnectionErrors.reason(e) + GatewayNotifications.lostHint(settings.clientId()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IotfConnectionException("Interrupted while publishing to " + topic, e);
        } finally {
            if (permit) {
                inflight.release();
            }
        }
    }
}
