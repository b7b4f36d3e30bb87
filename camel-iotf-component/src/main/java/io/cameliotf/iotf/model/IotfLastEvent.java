package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;

/**
 * The last event of one event id of a device, from the last event cache (later contract 2.10): device, event id,
 * the format it was published with, when, and its payload exactly as published (base64 on the wire, bytes here;
 * any format, not only JSON).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfLastEvent implements IotfModel {

    private String typeId;
    private String deviceId;
    private String eventId;
    private String format;
    private String timestamp;
    private byte[] payload;

    public String getTypeId() {
        return typeId;
    }

    public void setTypeId(String typeId) {
        this.typeId = typeId;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    /** The format string the event was published with (json, text, ...). */
    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    /** When the service received it, as the service writes it (ISO 8601, for example 2016-03-14T14:12:06.527+0000). */
    public String getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(String timestamp) {
        this.timestamp = timestamp;
    }

    /** The payload as published (base64 in JSON, which Jackson decodes). */
    public byte[] getPayload() {
        return payload;
    }

    public void setPayload(byte[] payload) {
        this.payload = payload;
    }

    /** The payload as UTF-8 text (JSON and text formats). */
    @JsonIgnore
    public String getPayloadAsString() {
        return payload == null ? null : new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "IotfLastEvent[" + typeId + ":" + deviceId + " " + eventId + " (" + format + ") at " + timestamp + "]";
    }
}
