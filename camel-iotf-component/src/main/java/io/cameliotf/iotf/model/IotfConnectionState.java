package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * Whether a client is connected, as the service last saw it (later contract 2.9): its client id, type, status
 * (connected or disconnected), the times of its last connect, disconnect and activity, the protocol it connected
 * with and, once disconnected, why. It lags real connects slightly: the status topics tell changes live.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfConnectionState implements IotfModel {

    private String id;
    private String clientType;
    private String connectionStatus;
    private OffsetDateTime lastConnectTime;
    private OffsetDateTime lastDisconnectTime;
    private OffsetDateTime lastActivityTime;
    private String lastActivityEvent;
    private String mqttConnectProtocol;
    private String disconnectReason;

    /** The client id, for example d:org:type:id. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getClientType() {
        return clientType;
    }

    public void setClientType(String clientType) {
        this.clientType = clientType;
    }

    /** connected or disconnected. */
    public String getConnectionStatus() {
        return connectionStatus;
    }

    public void setConnectionStatus(String connectionStatus) {
        this.connectionStatus = connectionStatus;
    }

    /** True when the status is connected. */
    @JsonIgnore
    public boolean isConnected() {
        return "connected".equals(connectionStatus);
    }

    public OffsetDateTime getLastConnectTime() {
        return lastConnectTime;
    }

    public void setLastConnectTime(OffsetDateTime lastConnectTime) {
        this.lastConnectTime = lastConnectTime;
    }

    public OffsetDateTime getLastDisconnectTime() {
        return lastDisconnectTime;
    }

    public void setLastDisconnectTime(OffsetDateTime lastDisconnectTime) {
        this.lastDisconnectTime = lastDisconnectTime;
    }

    public OffsetDateTime getLastActivityTime() {
        return lastActivityTime;
    }

    public void setLastActivityTime(OffsetDateTime lastActivityTime) {
        this.lastActivityTime = lastActivityTime;
    }

    /** What the client did last, for example mqttPublish. */
    public String getLastActivityEvent() {
        return lastActivityEvent;
    }

    public void setLastActivityEvent(String lastActivityEvent) {
        this.lastActivityEvent = lastActivityEvent;
    }

    public String getMqttConnectProtocol() {
        return mqttConnectProtocol;
    }

    public void setMqttConnectProtocol(String mqttConnectProtocol) {
        this.mqttConnectProtocol = mqttConnectProtocol;
    }

    /** Why the client disconnected last, when the service says (the contract leaves the field's name open). */
    public String getDisconnectReason() {
        return disconnectReason;
    }

    public void setDisconnectReason(String disconnectReason) {
        this.disconnectReason = disconnectReason;
    }

    @Override
    public String toString() {
        return "IotfConnectionState[" + id + " " + connectionStatus + "]";
    }
}
