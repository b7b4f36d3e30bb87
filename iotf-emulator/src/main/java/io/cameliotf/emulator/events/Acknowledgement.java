package io.cameliotf.emulator.events;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The answer of a sink that keeps events durably: the gateway sends the publisher its PUBACK only once every such
 * sink said {@link #kept()}, and refuses the publish (no PUBACK, the client is disconnected) when one said
 * {@link #failed}. Either is called once, from any thread.
 */
public interface Acknowledgement {

    /** The event is kept as durably as the service promises. */
    void kept();

    /** The event could not be kept; {@code why} is logged and given as the reason of the refusal. */
    void failed(String why);

    /** One acknowledgement that completes {@code whole} when all {@code parts} parts were kept, or one failed. */
    static Acknowledgement ofParts(int parts, Acknowledgement whole) {
        if (parts == 1) {
            return whole;
        }
        AtomicInteger remaining = new AtomicInteger(parts);
        AtomicBoolean answered = new AtomicBoolean();
        return new Acknowledgement() {
            @Override
            public void kept() {
                if (remaining.decrementAndGet() == 0 && answered.compareAndSet(false, true)) {
                    whole.kept();
                }
            }

            @Override
            public void failed(String why) {
                if (answered.compareAndSet(false, true)) {
                    whole.failed(why);
                }
            }
        };
    }
}
