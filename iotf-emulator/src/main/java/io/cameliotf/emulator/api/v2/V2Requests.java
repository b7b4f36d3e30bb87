package io.cameliotf.emulator.api.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.ApiException;
import io.cameliotf.emulator.api.Requests;
import io.cameliotf.emulator.auth.IotfNames;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.registry.LocationUpdate;
import io.cameliotf.emulator.registry.NewDevice;
import io.cameliotf.emulator.store.DeviceInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Reading API v0002 requests: registry bodies (deviceInfo, location, metadata) and list parameters. */
final class V2Requests {

    /** The list parameters of the later contract (1.3) that are not filters. */
    private static final Set<String> LIST_PARAMETERS = Set.of("_limit", "_bookmark", "_sort", "_expand", "org");

    private V2Requests() {
    }

    /** A device type or id from the path. */
    static String name(Message in, String header, String what) {
        return Requests.name(in, header, what, IotfNames.MAX_TYPE_OR_ID_LENGTH);
    }

    /** A device type or id from the query string (which does not set path parameters, see {@code PathParams}). */
    static String queryName(Message in, String parameter, String what) {
        String value = query(in).get(parameter);
        String problem = IotfNames.typeOrIdProblem(value);
        if (problem != null) {
            throw ApiException.badRequest("The query parameter " + parameter + " (the " + what + ") '" + value + "' "
                    + problem);
        }
        return value;
    }

    /** The device of a registration body, of type {@code type} (from the path or the item). */
    static NewDevice newDevice(ObjectNode body, String type) {
        rejectUnknown(body, "typeId", "deviceId", "authToken", "deviceInfo", "location", "metadata", "gatewayId",
                "gatewayTypeId");
        return new NewDevice(type, Requests.text(body, "deviceId", true), Requests.text(body, "authToken", false),
                deviceInfo(body, "deviceInfo"), location(body, "location"), Requests.object(body, "metadata"));
    }

    /** A deviceInfo object (its keys are the known fields, its values strings), or null when absent. */
    static DeviceInfo deviceInfo(ObjectNode body, String field) {
        ObjectNode json = Requests.objectNode(body, field);
        if (json == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!DeviceInfo.FIELDS.contains(e.getKey())) {
                throw ApiException.badRequest("'" + field + "." + e.getKey() + "' is not a deviceInfo field; they are "
                        + String.join(", ", DeviceInfo.FIELDS));
            }
            if (!e.getValue().isNull()) {
                if (!e.getValue().isTextual()) {
                    throw ApiException.badRequest("'" + field + "." + e.getKey() + "' must be a string, not "
                            + e.getValue().getNodeType().toString().toLowerCase());
                }
                values.put(e.getKey(), e.getValue().asText());
            }
        }
        return DeviceInfo.of(values);
    }

    /** A location object, or null when absent (later contract 2.5). */
    static LocationUpdate location(ObjectNode body, String field) {
        ObjectNode json = Requests.objectNode(body, field);
        return json == null ? null : location(json);
    }

    /** A location body: latitude and longitude required. */
    static LocationUpdate location(ObjectNode json) {
        rejectUnknown(json, "latitude", "longitude", "elevation", "accuracy", "measuredDateTime", "updatedDateTime");
        return new LocationUpdate(Requests.number(json, "latitude", true), Requests.number(json, "longitude", true),
                Requests.number(json, "elevation", false), Requests.number(json, "accuracy", false),
                time(json, "measuredDateTime"));
    }

    static Instant time(ObjectNode json, String field) {
        String text = Requests.text(json, field, false);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + field + "' must be an ISO 8601 date and time with an offset "
                    + "(2026-12-01T10:15:30.000Z), not '" + text + "'");
        }
    }

    /** Refuses fields a body may not have, naming them and the ones it may. */
    static void rejectUnknown(ObjectNode body, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!ok.contains(name)) {
                throw ApiException.badRequest("'" + name + "' is not a field of this request; it takes "
                        + String.join(", ", allowed));
            }
        }
    }

    /** {@code _limit}: 1 to {@value DeviceRegistry#MAX_PAGE}, default {@value DeviceRegistry#DEFAULT_PAGE}. */
    static int limit(Message in) {
        return Requests.intParam(in, "_limit", 1, DeviceRegistry.MAX_PAGE, DeviceRegistry.DEFAULT_PAGE, "");
    }

    /** The query parameters that filter a list: every one except {@code _limit}, {@code _bookmark} and the like. */
    static Map<String, String> filters(Message in) {
        Map<String, String> filters = new LinkedHashMap<>(query(in));
        filters.keySet().removeIf(LIST_PARAMETERS::contains);
        return filters;
    }

    /** The query string's parameters, decoded (the last of a repeated one wins). */
    static Map<String, String> query(Message in) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = in.getHeader(Exchange.HTTP_QUERY, String.class);
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            params.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The query string is not valid URL encoding: " + e.getMessage());
        }
    }
}
