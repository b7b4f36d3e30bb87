package io.cameliotf.emulator.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.store.Firmware;
import io.cameliotf.emulator.store.RequestDevice;

/**
 * Firmware download and update (later contract 3.5.7), one state machine for both.
 * <p>
 * Download: {@code iotdm-1/device/update} with {@code mgmt.firmware} (the request's uri, name, verifier, version,
 * state 0, updateStatus 0) → device 204 (or 200) → {@code iotdm-1/observe} {@code mgmt.firmware} → 200 →
 * {@code iotdm-1/mgmt/initiate/firmware/download} → 202 → the device notifies state 1 then 2 (success), or state 0
 * with an error updateStatus (2, 3, 4, 6: failure) → {@code iotdm-1/cancel} → 200 completes a success.
 * <p>
 * Update: observe → 200 → {@code iotdm-1/mgmt/initiate/firmware/update} → 202 → the device notifies
 * updateStatus 1
 * (installing), then 0 (success: {@code deviceInfo.fwVersion} becomes {@code mgmt.firmware.version}) or an error
 * (2, 5) → cancel → 200 completes a success.
 */
final class FirmwareFlow implements ActionFlow {

    static final String UPDATE = "update";
    static final String OBSERVE = "observe";
    static final String INITIATE = "initiate";
    static final String WORKING = "working";
    static final String CANCEL = "cancel";
    private static final String FIELD = "mgmt.firmware";

    private final boolean download;

    private FirmwareFlow(boolean download) {
        this.download = download;
    }

    static FirmwareFlow download() {
        return new FirmwareFlow(true);
    }

    static FirmwareFlow update() {
        return new FirmwareFlow(false);
    }

    @Override
    public boolean firmware() {
        return true;
    }

    private String initiatePath() {
        return download ? "mgmt/initiate/firmware/download" : "mgmt/initiate/firmware/update";
    }

    @Override
    public Step start(FlowContext ctx, RequestDevice entry) {
        if (!download) {
            return observe(ctx, entry);
        }
        Firmware f = new Firmware(ctx.parameters().get("version"), ctx.parameters().get("name"),
                ctx.parameters().get("uri"), ctx.parameters().get("verifier"), Firmware.IDLE, Firmware.SUCCESS,
                ctx.now());
        ctx.management().firmware(ctx.device(), f);
        ObjectNode message = DmJson.request(DmJson.field(FIELD, DmJson.firmware(f)));
        return Step.to(entry.at(UPDATE, message.get("reqId").asText(), ctx.now())).send("device/update", message);
    }

    private Step observe(FlowContext ctx, RequestDevice entry) {
        ObjectNode message = DmJson.request(DmJson.fieldNames(FIELD));
        return Step.to(entry.at(OBSERVE, message.get("reqId").asText(), ctx.now())).send("observe", message);
    }

    @Override
    public Step onResponse(FlowContext ctx, RequestDevice entry, int rc, String message, JsonNode body) {
        switch (entry.step()) {
            case UPDATE:
                return rc == 204 || rc == 200 ? observe(ctx, entry.withRc(rc))
                        : fail(ctx, entry, "iotdm-1/device/update", rc, message, false);
            case OBSERVE:
                if (rc != 200) {
                    return fail(ctx, entry, "iotdm-1/observe", rc, message, false);
                }
                ObjectNode initiate = DmJson.request(null);
                return Step.to(entry.at(INITIATE, initiate.get("reqId").asText(), ctx.now()).withRc(rc))
                        .send(initiatePath(), initiate);
            case INITIATE:
                return rc == 202 ? Step.to(entry.at(WORKING, null, ctx.now()).withRc(rc))
                        : fail(ctx, entry, "iotdm-1/" + initiatePath(), rc, message, true);
            case CANCEL:
                return Step.to(rc == 200 ? entry.done(RequestDevice.SUCCESS, rc, null, ctx.now())
                        : entry.done(RequestDevice.FAILURE, rc, Flows.failure("iotdm-1/cancel", rc, message),
                                ctx.now()));
            default:
                return Step.stay(entry);
        }
    }

    @Override
    public Step onFirmwareNotify(FlowContext ctx, RequestDevice entry, JsonNode value) {
        if (!WORKING.equals(entry.step())) {
            return Step.stay(entry);
        }
        JsonNode state = value.get("state");
        JsonNode status = value.get("updateStatus");
        if (download) {
            if (state != null && state.asInt() == Firmware.DOWNLOADED) {
                return cancel(ctx, entry);
            }
            if (status != null && status.asInt() != Firmware.SUCCESS && status.asInt() != Firmware.IN_PROGRESS) {
                return notified(ctx, entry, "The firmware download failed", status.asInt());
            }
            return Step.stay(entry);
        }
        if (status == null || status.asInt() == Firmware.IN_PROGRESS) {
            return Step.stay(entry);
        }
        if (status.asInt() == Firmware.SUCCESS) {
            String version = ctx.device().firmware() == null ? null : ctx.device().firmware().version();
            if (version != null && !version.isEmpty()) {
                ctx.management().fwVersion(ctx.device().org(), ctx.device().type(), ctx.device().id(), version);
            }
            return cancel(ctx, entry);
        }
        return notified(ctx, entry, "The firmware update failed", status.asInt());
    }

    private Step cancel(FlowContext ctx, RequestDevice entry) {
        ObjectNode cancel = DmJson.request(DmJson.fieldNames(FIELD));
        return Step.to(entry.at(CANCEL, cancel.get("reqId").asText(), ctx.now())).send("cancel", cancel);
    }

    private Step notified(FlowContext ctx, RequestDevice entry, String what, int status) {
        Step step = Step.to(entry.done(RequestDevice.FAILURE, entry.rc(), what + ": the device notified "
                + "mgmt.firmware.updateStatus " + status + " (" + Firmware.updateStatusName(status) + ")", ctx.now()));
        return step.send("cancel", DmJson.request(DmJson.fieldNames(FIELD)));
    }

    /** Fails the entry; {@code observing}: the device observes mgmt.firmware, the observation is cancelled. */
    private Step fail(FlowContext ctx, RequestDevice entry, String topic, int rc, String message, boolean observing) {
        Step step = Step.to(entry.done(RequestDevice.FAILURE, rc, Flows.failure(topic, rc, message), ctx.now()));
        return observing ? step.send("cancel", DmJson.request(DmJson.fieldNames(FIELD))) : step;
    }
}
