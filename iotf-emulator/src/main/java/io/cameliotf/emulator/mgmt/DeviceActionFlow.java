package io.cameliotf.emulator.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.store.RequestDevice;

/**
 * Reboot and factory reset (later contract 3.5.6): the service sends {@code iotdm-1/mgmt/initiate/device/reboot} (or
 * {@code .../factory_reset}); the device answers 202 when it can start (500 failed, 501 not supported, with a
 * message); the action is complete when the device sends its next manage request.
 */
final class DeviceActionFlow implements ActionFlow {

    static final String INITIATE = "initiate";
    static final String AWAIT_MANAGE = "awaitManage";

    private final String path;

    /** @param path {@code mgmt/initiate/device/reboot} or {@code mgmt/initiate/device/factory_reset} */
    DeviceActionFlow(String path) {
        this.path = path;
    }

    @Override
    public Step start(FlowContext ctx, RequestDevice entry) {
        ObjectNode message = DmJson.request(null);
        return Step.to(entry.at(INITIATE, message.get("reqId").asText(), ctx.now())).send(path, message);
    }

    @Override
    public Step onResponse(FlowContext ctx, RequestDevice entry, int rc, String message, JsonNode body) {
        if (rc == 202) {
            return Step.to(entry.at(AWAIT_MANAGE, null, ctx.now()).withRc(rc));
        }
        return Step.to(entry.done(RequestDevice.FAILURE, rc, Flows.failure("iotdm-1/" + path, rc, message),
                ctx.now()));
    }

    @Override
    public Step onManage(FlowContext ctx, RequestDevice entry) {
        return AWAIT_MANAGE.equals(entry.step())
                ? Step.to(entry.done(RequestDevice.SUCCESS, entry.rc(), null, ctx.now())) : Step.stay(entry);
    }
}
