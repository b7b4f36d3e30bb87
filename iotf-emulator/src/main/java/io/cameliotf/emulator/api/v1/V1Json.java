package io.cameliotf.emulator.api.v1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.Json;
import io.cameliotf.emulator.historian.EvtJson;
import io.cameliotf.emulator.store.Device;
import io.cameliotf.emulator.store.DeviceTypeCount;
import io.cameliotf.emulator.store.Organization;
import io.cameliotf.emulator.store.StoredEvent;
import java.util.List;

/** The JSON of API v0001's answers, with the fields of the reference [3.1, 3.2]. */
final class V1Json {

    private V1Json() {
    }

    /** [3.1.2] */
    static ObjectNode organization(Organization o) {
        ObjectNode json = Json.object();
        json.put("id", o.id());
        json.put("name", o.name());
        json.put("created", Json.date(o.created()));
        json.put("updated", Json.date(o.updated()));
        return json;
    }

    /** [3.1.3, 3.1.8] */
    static ObjectNode device(Device d) {
        ObjectNode json = Json.object();
        json.put("uuid", d.uuid());
        json.put("type", d.type());
        json.put("id", d.id());
        if (d.metadataJson() != null) {
            json.set("metadata", Json.parse(d.metadataJson()));
        }
        ObjectNode registration = json.putObject("registration");
        ObjectNode auth = registration.putObject("auth");
        auth.put("id", d.registeredBy());
        auth.put("type", d.registeredByType());
        registration.put("date", Json.date(d.registered()));
        return json;
    }

    static ArrayNode devices(List<Device> devices) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        devices.forEach(d -> array.add(device(d)));
        return array;
    }

    /** [3.1.5] */
    static ArrayNode deviceTypes(List<DeviceTypeCount> types) {
        ArrayNode array = Json.MAPPER.createArrayNode();
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
        ObjectNode json = Json.object();
        if (withDeviceId) {
            json.put("device_id", e.deviceUuid());
        }
        if (withDeviceType) {
            json.put("device_type", e.deviceType());
        }
        json.put("evt_type", e.evtType());
        json.set("timestamp", Json.timestamp(e.received()));
        json.set("evt", EvtJson.of(e.payload()));
        return json;
    }
}
