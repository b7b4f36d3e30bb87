package io.cameliotf.emulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.historian.EvtJson;
import io.cameliotf.emulator.store.Device;
import io.cameliotf.emulator.store.DeviceTypeCount;
import io.cameliotf.emulator.store.Organization;
import io.cameliotf.emulator.store.StoredEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The JSON of the API's answers, with the fields of the reference [3.1, 3.2]. */
final class ApiJson {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private ApiJson() {
    }

    /** [3.1.2] */
    static ObjectNode organization(Organization o) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", o.id());
        json.put("name", o.name());
        json.put("created", date(o.created()));
        json.put("updated", date(o.updated()));
        return json;
    }

    /** [3.1.3, 3.1.8] */
    static ObjectNode device(Device d) {
        ObjectNode json = JSON.createObjectNode();
        json.put("uuid", d.uuid());
        json.put("type", d.type());
        json.put("id", d.id());
        if (d.metadataJson() != null) {
            json.set("metadata", parse(d.metadataJson()));
        }
        ObjectNode registration = json.putObject("registration");
        ObjectNode auth = registration.putObject("auth");
        auth.put("id", d.registeredBy());
        auth.put("type", d.registeredByType());
        registration.put("date", date(d.registered()));
        return json;
    }

    static ArrayNode devices(List<Device> devices) {
        ArrayNode array = JSON.createArrayNode();
        devices.forEach(d -> array.add(device(d)));
        return array;
    }

    /** [3.1.5] */
    static ArrayNode deviceTypes(List<DeviceTypeCount> types) {
        ArrayNode array = JSON.createArrayNode();
        for (DeviceTypeCount t : types) {
            ObjectNode json = array.addObject();
            json.put("deviceType", t.deviceType());
            json.put("count", t.count());
        }
        return array;
    }

    /**
     * A historical event with the fields of its query's scope: device_id and device_type for all devices [3.2.2],
     * device_id for a type [3.2.3], neither for one device [3.2.4].
     */
    static ObjectNode event(StoredEvent e, boolean withDeviceId, boolean withDeviceType) {
        ObjectNode json = JSON.createObjectNode();
        if (withDeviceId) {
            json.put("device_id", e.deviceUuid());
        }
        if (withDeviceType) {
            json.put("device_type", e.deviceType());
        }
        json.put("evt_type", e.evtType());
        json.set("timestamp", timestamp(e.received()));
        json.set("evt", EvtJson.of(e.payload()));
        return json;
    }

    static ObjectNode timestamp(long millis) {
        ObjectNode ts = JSON.createObjectNode();
        ts.put("$date", millis);
        return ts;
    }

    static ObjectNode error(int status, String message) {
        ObjectNode json = JSON.createObjectNode();
        json.put("status", status);
        json.put("message", message);
        return json;
    }

    static String date(Instant instant) {
        return ISO.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not valid: " + e.getOriginalMessage(), e);
        }
    }
}
