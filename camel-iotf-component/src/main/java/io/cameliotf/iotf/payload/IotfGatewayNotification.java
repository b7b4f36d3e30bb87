package io.cameliotf.iotf.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;

/**
 * What the service refused a gateway, from its notify topic {@code iot-2/type/<gwType>/id/<gwId>/notify} (later
 * contract 3.4): the request (publish or subscribe), when, the topic the gateway used, the device type and id it
 * names (absent when the topic names none), the gateway's client id, a return code and the service's reason. JSON
 * field names are the service's ({@code Request}, {@code Time}, ...). It holds no secret.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Request", "Time", "Topic", "Type", "Id", "Client", "RC", "Message"})
public final class IotfGatewayNotification {

    @JsonProperty("Request")
    private String request;
    @JsonProperty("Time")
    private String time;
    @JsonProperty("Topic")
    private String topic;
    @JsonProperty("Type")
    private String type;
    @JsonProperty("Id")
    private String id;
    @JsonProperty("Client")
    private String client;
    @JsonProperty("RC")
    private Integer rc;
    @JsonProperty("Message")
    private String message;

    /** Reads a notification; unknown fields are ignored. */
    public static IotfGatewayNotification parse(byte[] payload) {
        try {
            return IotfPayloads.MAPPER.readValue(payload, IotfGatewayNotification.class);
        } catch (IOException e) {
            throw new IotfPayloadException("Not a gateway notification: " + e.getMessage(), e);
        }
    }

    /** publish or subscribe. */
    public String getRequest() {
        return request;
    }

    public void setRequest(String request) {
        this.request = request;
    }

    /** When the service refused it (ISO 8601). */
    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    /** The topic or topic filter the gateway used. */
    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    /** The device type the topic names, or null. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** The device id the topic names, or null. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** The client id of the gateway's request. */
    public String getClient() {
        return client;
    }

    public void setClient(String client) {
        this.client = client;
    }

    /** The return code (the contract leaves its values open; the local service sends 128, MQTT's refusal). */
    public Integer getRc() {
        return rc;
    }

    public void setRc(Integer rc) {
        this.rc = rc;
    }

    /** Why the service refused it. */
    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    /** One line for logs: request, topic, device, RC and message. */
    @Override
    public String toString() {
        return "refused " + request + " on " + topic + (type != null ? " (device " + type + "/" + id + ")" : "")
                + ", RC " + rc + ": " + message;
    }
}
