package io.cameliotf.emulator.api.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.Json;
import io.cameliotf.emulator.paging.Page;
import io.cameliotf.emulator.store.Device;
import io.cameliotf.emulator.store.DeviceInfo;
import io.cameliotf.emulator.store.DeviceType;
import io.cameliotf.emulator.store.Location;
import java.util.function.Function;

/** The JSON of API v0002's registry answers (later contract 2.2-2.5), in the field names IBM's clients read. */
final class V2Json {

    static final String BASE = "/api/v0002";

    private V2Json() {
    }

    /**
     * A list page: {@code {"results": [...], "bookmark": "..."?, "meta": {"total_rows": n, "totalRows": n}}}. The
     * count is written under both names: the swagger model says {@code totalRows}, IBM's own samples read
     * {@code total_rows}.
     */
    static <T> ObjectNode page(Page<T> page, Function<T, JsonNode> item) {
        ObjectNode json = Json.object();
        ArrayNode results = json.putArray("results");
        page.items().forEach(i -> results.add(item.apply(i)));
        if (page.bookmark() != null) {
            json.put("bookmark", page.bookmark());
        }
        ObjectNode meta = json.putObject("meta");
        meta.put("total_rows", page.total());
        meta.put("totalRows", page.total());
        return json;
    }

    static ObjectNode deviceType(DeviceType t) {
        ObjectNode json = Json.object();
        json.put("id", t.id());
        json.put("classId", t.classId());
        if (t.description() == null) {
            json.putNull("description");
        } else {
            json.put("description", t.description());
        }
        json.set("deviceInfo", deviceInfo(t.deviceInfo()));
        setMetadata(json, t.metadataJson());
        json.put("createdDateTime", Json.dateTime(t.created()));
        json.put("updatedDateTime", Json.dateTime(t.updated()));
        json.putObject("refs");
        return json;
    }

    static ObjectNode device(Device d) {
        ObjectNode json = Json.object();
        json.put("clientId", d.uuid());
        json.put("typeId", d.type());
        json.put("deviceId", d.id());
        json.set("deviceInfo", deviceInfo(d.info()));
        setMetadata(json, d.metadataJson());
        ObjectNode registration = json.putObject("registration");
        ObjectNode auth = registration.putObject("auth");
        auth.put("id", d.registeredBy());
        auth.put("type", "apiKey".equals(d.registeredByType()) ? "apikey" : "person");
        registration.put("date", Json.dateTime(d.registered()));
        ObjectNode alert = json.putObject("status").putObject("alert");
        alert.put("enabled", d.alertEnabled());
        alert.put("timestamp", Json.dateTime(d.alertChanged()));
        if (d.gatewayType() != null) {
            json.put("gatewayTypeId", d.gatewayType());
            json.put("gatewayId", d.gatewayId());
        }
        String self = BASE + "/device/types/" + d.type() + "/devices/" + d.id();
        ObjectNode refs = json.putObject("refs");
        ObjectNode diag = refs.putObject("diag");
        diag.put("logs", self + "/diag/logs");
        diag.put("errorCodes", self + "/diag/errorCodes");
        refs.put("location", self + "/location");
        return json;
    }

    /** A device with what {@code _expand} asks for inlined (location). */
    static ObjectNode device(Device d, boolean withLocation) {
        ObjectNode json = device(d);
        if (withLocation && d.location() != null) {
            json.set("location", location(d.location()));
        }
        return json;
    }

    static ObjectNode deviceInfo(DeviceInfo info) {
        ObjectNode json = Json.object();
        String[] values = info.values();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                json.put(DeviceInfo.FIELDS.get(i), values[i]);
            }
        }
        return json;
    }

    static ObjectNode location(Location l) {
        ObjectNode json = Json.object();
        json.put("latitude", l.latitude());
        json.put("longitude", l.longitude());
        if (l.elevation() != null) {
            json.put("elevation", l.elevation());
        }
        if (l.accuracy() != null) {
            json.put("accuracy", l.accuracy());
        }
        json.put("measuredDateTime", Json.dateTime(l.measured()));
        json.put("updatedDateTime", Json.dateTime(l.updated()));
        return json;
    }

    private static void setMetadata(ObjectNode json, String metadataJson) {
        json.set("metadata", metadataJson == null ? Json.object() : Json.parse(metadataJson));
    }
}
