package io.cameliotf.emulator.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.store.RequestDevice;
import java.util.Map;

/**
 * A custom action of a device management extension (later contract 3.5.8): {@code iotdm-1/mgmt/custom/<bundleId>/
 * <actionId>} with {@code d.fields} the request's parameters; the device answers 200 when done, anything else fails.
 */
final class CustomActionFlow implements ActionFlow {

    private final String path;

    /** @param action {@code <bundleId>/<actionId>} */
    CustomActionFlow(String action) {
        this.path = "mgmt/custom/" + action;
    }

    @Override
    public Step start(FlowContext ctx, RequestDevice entry) {
        ObjectNode d = DmJson.JSON.createObjectNode();
        ArrayNode fields = d.putArray("fields");
        for (Map.Entry<String, String> p : ctx.parameters().entrySet()) {
            fields.addObject().put("field", p.getKey()).put("value", p.getValue());
        }
        ObjectNode message = DmJson.request(d);
        return Step.to(entry.at("initiate", message.get("reqId").asText(), ctx.now())).send(path, message);
    }

    @Override
    public Step onResponse(FlowContext ctx, RequestDevice entry, int rc, String message, JsonNode body) {
        return Step.to(rc == 200 ? entry.done(RequestDevice.SUCCESS, rc, null, ctx.now())
                : entry.done(RequestDevice.FAILURE, rc, Flows.failure("iotdm-1/" + path, rc, message), ctx.now()));
    }
}
