package io.cameliotf.iotf.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.iotf.HeaderOrOption;
import io.cameliotf.iotf.IotfConfiguration;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.IotfEndpoint;
import io.cameliotf.iotf.model.IotfDevice;
import io.cameliotf.iotf.model.IotfDeviceType;
import io.cameliotf.iotf.model.IotfOrganization;
import io.cameliotf.iotf.model.ModelJson;
import io.cameliotf.iotf.rules.ValueRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The Device Management API [3.1, 4.3.8-4.3.10]: one operation per message, from the {@code CamelIotfOperation} header
 * or the {@code operation} option. Devices are named by the headers {@code CamelIotfDeviceType} and
 * {@code CamelIotfDeviceId} or the options; metadata is the body (Map, JsonNode, POJO or JSON text). Answers are
 * typed: {@link IotfOrganization}, {@link IotfDevice} (with the generated token after {@code registerDevice}), lists
 * of devices or {@link IotfDeviceType}s; {@code deleteDevice} leaves an empty body.
 */
public class IotfRegistryProducer extends IotfRestProducer {

    public IotfRegistryProducer(IotfEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Message in = exchange.getMessage();
        IotfConfiguration c = endpoint.getConfiguration();
        RegistryOperation operation = operation(in, c);
        switch (operation) {
            case getOrganization:
                in.setBody(read(rest().get("/", Map.of(), Map.of()), IotfOrganization.class));
                break;
            case listDevices: {
                String type = name(in, IotfConstants.DEVICE_TYPE, c.getDeviceType(), "deviceType", false);
                in.setBody(list(rest().get(type == null ? "/devices" : "/devices/" + IotfRestClient.segment(type), Map.of(),
                        Map.of()), IotfDevice.class));
                break;
            }
            case listDeviceTypes:
                in.setBody(list(rest().get("/device-types", Map.of(), Map.of()), IotfDeviceType.class));
                break;
            case registerDevice: {
                ObjectNode body = ModelJson.MAPPER.createObjectNode();
                body.put("type", name(in, IotfConstants.DEVICE_TYPE, c.getDeviceType(), "deviceType", true));
                body.put("id", name(in, IotfConstants.DEVICE_ID, c.getDeviceId(), "deviceId", true));
                JsonNode metadata = metadata(in.getBody(), false);
                if (metadata != null) {
                    body.set("metadata", metadata);
                }
                in.setBody(read(rest().post("/devices", body.toString()), IotfDevice.class));
                break;
            }
            case getDevice:
                in.setBody(read(rest().get(devicePath(in, c), Map.of(), Map.of()), IotfDevice.class));
                break;
            case updateDevice: {
                ObjectNode body = ModelJson.MAPPER.createObjectNode();
                body.set("metadata", metadata(in.getBody(), true));
                in.setBody(read(rest().put(devicePath(in, c), body.toString()), IotfDevice.class));
                break;
            }
            case deleteDevice:
                rest().delete(devicePath(in, c));
                in.setBody(null);
                break;
            default:
                throw new IllegalStateException(operation.toString());
        }
    }

    private static RegistryOperation operation(Message in, IotfConfiguration c) {
        String header = in.getHeader(IotfConstants.OPERATION, String.class);
        if (header != null) {
            try {
                return RegistryOperation.valueOf(header);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The header " + IotfConstants.OPERATION + " '" + header + "' is not one "
                        + "of " + Arrays.toString(RegistryOperation.values()));
            }
        }
        if (c.getOperation() == null) {
            throw new IllegalArgumentException("No registry operation: set the option operation or the header "
                    + IotfConstants.OPERATION + " (" + Arrays.toString(RegistryOperation.values()) + ")");
        }
        return c.getOperation();
    }

    private static String devicePath(Message in, IotfConfiguration c) {
        return "/devices/" + IotfRestClient.segment(name(in, IotfConstants.DEVICE_TYPE, c.getDeviceType(), "deviceType", true))
                + "/" + IotfRestClient.segment(name(in, IotfConstants.DEVICE_ID, c.getDeviceId(), "deviceId", true));
    }

    private static String name(Message in, String header, String option, String optionName, boolean required) {
        ValueRules.Rule<String, String> rule = ValueRules.name(ValueRules.MAX_NAME_V0001);
        return required ? HeaderOrOption.require(in, header, option, optionName, rule, "This registry operation")
                : HeaderOrOption.find(in, header, option, rule);
    }

    /** The metadata in a body: a Map, JsonNode, POJO or JSON object text; null for no body. */
    static JsonNode metadata(Object body, boolean required) {
        if (body == null || body instanceof String && ((String) body).isBlank()) {
            if (required) {
                throw new IllegalArgumentException("updateDevice needs the device's new metadata as the body (a Map, "
                        + "JsonNode, POJO or JSON object)");
            }
            return null;
        }
        JsonNode json;
        if (body instanceof String || body instanceof byte[]) {
            String text = body instanceof String ? (String) body : new String((byte[]) body, StandardCharsets.UTF_8);
            try {
                json = ModelJson.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("The metadata body is not valid JSON: " + e.getOriginalMessage(), e);
            }
        } else {
            json = ModelJson.MAPPER.valueToTree(body);
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("Device metadata must be a JSON object, not "
                    + (json == null ? "nothing" : json.getNodeType().toString().toLowerCase()) + " (reference 3.1.6)");
        }
        return json;
    }

    private static <T> T read(IotfRestClient.Response response, Class<T> type) {
        try {
            return ModelJson.MAPPER.treeToValue(response.json(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The IoTF API answered something that is not a " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static <T> List<T> list(IotfRestClient.Response response, Class<T> type) {
        return ModelJson.MAPPER.convertValue(response.json(),
                ModelJson.MAPPER.getTypeFactory().constructCollectionType(List.class, type));
    }
}
