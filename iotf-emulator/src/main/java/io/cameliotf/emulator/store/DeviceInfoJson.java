package io.cameliotf.emulator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A device type's deviceInfo template as JSON text in its column (null when empty). */
final class DeviceInfoJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeviceInfoJson() {
    }

    static String write(DeviceInfo info) {
        if (info == null || info.isEmpty()) {
            return null;
        }
        ObjectNode json = JSON.createObjectNode();
        String[] values = info.values();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                json.put(DeviceInfo.FIELDS.get(i), values[i]);
            }
        }
        return json.toString();
    }

    static DeviceInfo read(String text) {
        if (text == null) {
            return DeviceInfo.EMPTY;
        }
        try {
            JsonNode json = JSON.readTree(text);
            String[] values = new String[DeviceInfo.FIELDS.size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode v = json.get(DeviceInfo.FIELDS.get(i));
                values[i] = v == null || v.isNull() ? null : v.asText();
            }
            return DeviceInfo.of(values);
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored deviceInfo is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
