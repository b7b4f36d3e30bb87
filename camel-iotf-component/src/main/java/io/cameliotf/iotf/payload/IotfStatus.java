package io.cameliotf.iotf.payload;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.time.OffsetDateTime;

/**
 * A device or application status message [4.3.5, 5.3.7, 5.3.8], as {@code iotf:device-status} and
 * {@code iotf:app-status} consumers deliver it. JSON field names are the service's ({@code Action}, {@code Time},
 * ...); {@code readMsg}, {@code writeMsg}, {@code readBytes}, {@code writeBytes}, {@code reason} and
 * {@code closeCode} are set on {@code Disconnect} only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Action", "Time", "ClientAddr", "ClientID", "Port", "Secure", "Protocol", "User", "Durable",
        "ConnectTime", "ReadMsg", "WriteMsg", "ReadBytes", "WriteBytes", "Reason", "CloseCode"})
public final class IotfStatus {

    /** Connected or disconnected. */
    public static final String CONNECT = "Connect";
    public static final String DISCONNECT = "Disconnect";

    @JsonProperty("Action")
    private String action;
    @JsonProperty("Time")
    private String time;
    @JsonProperty("ClientAddr")
    private String clientAddr;
    @JsonProperty("ClientID")
    private String clientId;
    @JsonProperty("Port")
    private Integer port;
    @JsonProperty("Secure")
    private Boolean secure;
    @JsonProperty("Protocol")
    private String protocol;
    @JsonProperty("User")
    private String user;
    @JsonProperty("Durable")
    private Boolean durable;
    @JsonProperty("ConnectTime")
    private String connectTime;
    @JsonProperty("ReadMsg")
    private Long readMsg;
    @JsonProperty("WriteMsg")
    private Long writeMsg;
    @JsonProperty("ReadBytes")
    private Long readBytes;
    @JsonProperty("WriteBytes")
    private Long writeBytes;
    @JsonProperty("Reason")
    private String reason;
    @JsonProperty("CloseCode")
    private Integer closeCode;

    /** Reads a status message; unknown fields are ignored. */
    public static IotfStatus parse(byte[] payload) {
        try {
            return IotfPayloads.MAPPER.readValue(payload, IotfStatus.class);
        } catch (IOException e) {
            throw new IotfPayloadException("Not a status message: " + e.getMessage(), e);
        }
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    @JsonIgnore
    public boolean isConnect() {
        return CONNECT.equals(action);
    }

    @JsonIgnore
    public boolean isDisconnect() {
        return DISCONNECT.equals(action);
    }

    /** When the service published the status, ISO 8601 text. */
    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    @JsonIgnore
    public OffsetDateTime getTimeValue() {
        return IotfTimestamps.parse(time);
    }

    public String getClientAddr() {
        return clientAddr;
    }

    public void setClientAddr(String clientAddr) {
        this.clientAddr = clientAddr;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public Boolean getSecure() {
        return secure;
    }

    public void setSecure(Boolean secure) {
        this.secure = secure;
    }

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public Boolean getDurable() {
        return durable;
    }

    public void setDurable(Boolean durable) {
        this.durable = durable;
    }

    /** When the client connected, ISO 8601 text. */
    public String getConnectTime() {
        return connectTime;
    }

    public void setConnectTime(String connectTime) {
        this.connectTime = connectTime;
    }

    @JsonIgnore
    public OffsetDateTime getConnectTimeValue() {
        return IotfTimestamps.parse(connectTime);
    }

    public Long getReadMsg() {
        return readMsg;
    }

    public void setReadMsg(Long readMsg) {
        this.readMsg = readMsg;
    }

    public Long getWriteMsg() {
        return writeMsg;
    }

    public void setWriteMsg(Long writeMsg) {
        this.writeMsg = writeMsg;
    }

    public Long getReadBytes() {
        return readBytes;
    }

    public void setReadBytes(Long readBytes) {
        this.readBytes = readBytes;
    }

    public Long getWriteBytes() {
        return writeBytes;
    }

    public void setWriteBytes(Long writeBytes) {
        this.writeBytes = writeBytes;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Integer getCloseCode() {
        return closeCode;
    }

    public void setCloseCode(Integer closeCode) {
        this.closeCode = closeCode;
    }

    /** The status as JSON text, with the service's field names. */
    @Override
    public String toString() {
        return new String(IotfPayloads.writeBytes(this), java.nio.charset.StandardCharsets.UTF_8);
    }
}
