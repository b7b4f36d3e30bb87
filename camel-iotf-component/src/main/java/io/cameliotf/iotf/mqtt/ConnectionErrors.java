package io.cameliotf.iotf.mqtt;

import org.eclipse.paho.client.mqttv3.MqttException;

/** Explains MQTT failures in the service's terms. */
final class ConnectionErrors {

    private ConnectionErrors() {
    }

    /** A CONNACK refusal: retrying with the same settings cannot help. */
    static boolean isRefusal(MqttException e) {
        int code = e.getReasonCode();
        return code == MqttException.REASON_CODE_INVALID_CLIENT_ID
                || code == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                || code == MqttException.REASON_CODE_NOT_AUTHORIZED
                || code == MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION;
    }

    static String describe(ConnectionSettings settings, MqttException e) {
        String what = "The IoTF service at " + settings.brokerUrl() + " refused client id " + settings.clientId() + ": ";
        switch (e.getReasonCode()) {
            case MqttException.REASON_CODE_INVALID_CLIENT_ID:
                return what + "identifier rejected (CONNACK 2): the client id is malformed [5.2.1, 5.3.1]";
            case MqttException.REASON_CODE_FAILED_AUTHENTICATION:
                return what + "bad user name or password (CONNACK 4): check authKey and authToken (the token is "
                        + "not shown here)";
            case MqttException.REASON_CODE_NOT_AUTHORIZED:
                // the service answers 5 to every refused login (later contract 3.1)
                return what + "not authorised (CONNACK 5): check authKey and authToken (the token is not shown "
                        + "here), that the organization exists, that the device is registered, that the API key belongs "
                        + "to the organization and was not revoked, and that QuickStart is not asked for a durable session";
            default:
                return "Cannot connect " + settings + ": " + reason(e);
        }
    }

    static String reason(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            sb.append(" (").append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
