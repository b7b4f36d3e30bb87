package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * An event from the historian [3.2; later contract 2.12]. Its JSON form is API v0001's: {@code device_id} (d:org:type:id),
 * {@code device_type}, {@code evt_type}, {@code timestamp} ({@code {"$date": ms}}), {@code evt}. The device type and id
 * are always set, also for queries whose answer leaves them out (they come from the query).
 */
@JsonPropertyOrder({"device_id", "device_type", "evt_type", "timestamp", "evt"})
public class IotfHistoricalEvent implements IotfModel {

    private String org;
    private String deviceType;
    private String deviceId;
    private String evtType;
    private Instant timestamp;
    private JsonNode evt;

    public IotfHistoricalEvent() {
    }

    public IotfHistoricalEvent(String org, String deviceType, String deviceId, String evtType, Instant timestamp,
            JsonNode evt) {
        this.org = org;
        this.deviceType = deviceType;
        this.deviceId = deviceId;
        this.evtType = evtType;
        this.timestamp = timestamp;
        this.evt = evt;
    }

    /**
     * Reads one record of a historian answer; the device type and id not in the record are those of the query.
     */
    public static IotfHistoricalEvent fromRecord(JsonNode record, String org, String deviceType, String deviceId) {
        String type = deviceType;
        String id = deviceId;
        JsonNode uuid = record.get("device_id");
        if (uuid != null && uuid.isTextual()) {
            String[] parts = uuid.asText().split(":", 4);
            if (parts.length == 4) { // v0001: d:org:type:id
                type = parts[2];
                id = parts[3];
            } else { // v0002: the plain device id (later contract 2.12)
                id = uuid.asText();
            }
        }
        JsonNode t = record.path("device_type");
        if (t.isTextual()) {
            type = t.asText();
        }
        JsonNode date = record.path("timestamp").path("$date");
        Instant timestamp = date.isNumber() ? Instant.ofEpochMilli(date.asLong())
                : date.isTextual() ? Instant.parse(date.asText().endsWith("Z") ? date.asText() : date.asText() + "Z") : null;
        return new IotfHistoricalEvent(org, type, id, record.path("evt_type").asText(null), timestamp, record.get("evt"));
    }

    @JsonIgnore
    public String getOrg() {
        return org;
    }

    @JsonProperty("device_type")
    public String getDeviceType() {
        return deviceType;
    }

    /** The device id (without the organization and type). */
    @JsonIgnore
    public String getDeviceId() {
        return deviceId;
    }

    /** The device's unique id, {@code d:<org>:<type>:<id>}. */
    @JsonProperty("device_id")
    public String getDeviceUuid() {
        return "d:" + org + ':' + deviceType + ':' + deviceId;
    }

    @JsonProperty("evt_type")
    public String getEvtType() {
        return evtType;
    }

    @JsonIgnore
    public Instant getTimestamp() {
        return timestamp;
    }

    @JsonProperty("timestamp")
    public ObjectNode getTimestampJson() {
        ObjectNode ts = ModelJson.MAPPER.createObjectNode();
        ts.put("$date", timestamp == null ? 0 : timestamp.toEpochMilli());
        return ts;
    }

    /** The event's data: the d object of an IoTF payload, the whole document of custom JSON [5.4]. */
    @JsonProperty("evt")
    public JsonNode getEvt() {
        return evt;
    }

    /** The event's data as a POJO or Map. */
    public <T> T getEvtAs(Class<T> type) {
        return ModelJson.MAPPER.convertValue(evt, type);
    }

    @Override
    public String toString() {
        return "IotfHistoricalEvent[" + getDeviceUuid() + " " + evtType + " at " + timestamp + "]";
    }
}
