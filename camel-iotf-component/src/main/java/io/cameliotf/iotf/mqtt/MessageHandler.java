package io.cameliotf.iotf.mqtt;

import org.eclipse.paho.client.mqttv3.MqttMessage;

/** Receives the messages of one subscription on a shared connection. */
@FunctionalInterface
public interface MessageHandler {

    /**
     * Processes a message, on the connection's delivery thread.
     *
     * @return true when it was processed, so it may be acknowledged; false to leave it unacknowledged
     */
    boolean onMessage(String topic, MqttMessage message);
}
