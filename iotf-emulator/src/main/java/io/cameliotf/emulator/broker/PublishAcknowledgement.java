package io.cameliotf.emulator.broker;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import io.cameliotf.emulator.events.Acknowledgement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The acknowledgement of one publish that waits for the historian. A sink that answers while the interceptor still
 * runs (the historian's journal does) costs nothing more: the publish goes on at once. Only when the answer has not
 * come by the end of the interceptor is the publish held with HiveMQ's {@link Async} (a hop through its executor
 * when it is resumed), until the answer comes or the store timeout refuses it.
 */
final class PublishAcknowledgement implements Acknowledgement {

    /** Not answered, and not held yet. */
    private static final Object OPEN = new Object();
    private static final Object KEPT = new Object();

    private final PublishInboundOutput output;
    private final Consumer<String> onFailure;
    /** OPEN, KEPT, a failure's reason (a String), or the Async that holds the publish. */
    private final AtomicReference<Object> state = new AtomicReference<>(OPEN);

    /** @param onFailure notes why the event could not be kept (before the publish is refused) */
    PublishAcknowledgement(PublishInboundOutput output, Consumer<String> onFailure) {
        this.output = output;
        this.onFailure = onFailure;
    }

    /**
     * Called by the interceptor after it handed the event on: holds the publish unless it was answered already. The
     * reason code matters: on a timeout HiveMQ drops the publish with it, and with its default (SUCCESS) an MQTT 3
     * client would get a PUBACK for an event that was neither kept nor delivered.
     */
    void holdUnlessAnswered(Duration storeTimeout, String timeoutReason) {
        Object answer = state.get();
        if (answer == OPEN) {
            Async<PublishInboundOutput> async = output.async(storeTimeout, TimeoutFallback.FAILURE,
                    AckReasonCode.UNSPECIFIED_ERROR, timeoutReason);
            if (state.compareAndSet(OPEN, async)) {
                return; // resumed by kept() or failed()
            }
            answer = state.get();
            finish(answer);
            async.resume();
            return;
        }
        finish(answer);
    }

    @Override
    public void kept() {
        answer(KEPT);
    }

    @Override
    public void failed(String why) {
        answer(why);
    }

    private void answer(Object answer) {
        Object before = state.getAndUpdate(s -> s == OPEN ? answer : s);
        if (before instanceof Async<?> async) {
            finish(answer);
            async.resume();
        }
    }

    /** Refuses the publish when the answer was a failure (once the answer is there and the publish not resumed). */
    private void finish(Object answer) {
        if (answer instanceof String why) {
            onFailure.accept(why);
            output.preventPublishDelivery(AckReasonCode.UNSPECIFIED_ERROR, "the event could not be kept");
        }
    }
}
