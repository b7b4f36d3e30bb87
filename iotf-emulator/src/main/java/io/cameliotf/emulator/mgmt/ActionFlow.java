package io.cameliotf.emulator.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.store.RequestDevice;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of one action of {@code /mgmt/requests} for one device (later contract 3.5.6-3.5.8): what the service
 * sends, and where an answer, a notify or a new manage request takes the device's entry. A flow keeps no state of its
 * own: the entry holds the step and the {@code reqId} it waits for, so that it survives a restart.
 */
interface ActionFlow {

    /** The first step of a device's entry. */
    Step start(FlowContext ctx, RequestDevice entry);

    /** The device answered the message the entry waits for. */
    Step onResponse(FlowContext ctx, RequestDevice entry, int rc, String message, JsonNode body);

    /**
     * The device notified a change of {@code mgmt.firmware} (later contract 3.5.5).
     *
     * @param value what the notify sent (maybe only some of the keys)
     */
    default Step onFirmwareNotify(FlowContext ctx, RequestDevice entry, JsonNode value) {
        return Step.stay(entry);
    }

    /** The device sent a manage request (after a reboot or a factory reset, 3.5.6). */
    default Step onManage(FlowContext ctx, RequestDevice entry) {
        return Step.stay(entry);
    }

    /** Whether this flow observes {@code mgmt.firmware} (a firmware action, which notifies are for). */
    default boolean firmware() {
        return false;
    }

    /** The entry's next state, and the messages to send once it is stored (path after {@code iotdm-1/}). */
    final class Step {
        final RequestDevice entry;
        final List<Outgoing> messages = new ArrayList<>();

        private Step(RequestDevice entry) {
            this.entry = entry;
        }

        static Step stay(RequestDevice entry) {
            return new Step(entry);
        }

        static Step to(RequestDevice entry) {
            return new Step(entry);
        }

        /** Also sends {@code message} (which holds its {@code reqId}) on {@code iotdm-1/<path>}. */
        Step send(String path, ObjectNode message) {
            messages.add(new Outgoing(path, message));
            return this;
        }
    }

    record Outgoing(String path, ObjectNode message) {
    }
}
