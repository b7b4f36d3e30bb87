package io.cameliotf.emulator.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.Json;
import io.cameliotf.emulator.events.DeviceEvent;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One console's live stream of its organization's events, as Server-Sent Events. Events are offered on the broker's
 * threads, which must never wait: at most {@value #MAX_PER_SECOND} a second are taken (the rest are counted and
 * reported every second as {@code event: dropped}), into a queue of at most {@value #MAX_QUEUE}; the Vert.x event loop
 * writes them out while the connection keeps up. A console that reads slowly loses events; the broker never slows.
 */
final class EventStream {

    static final int MAX_PER_SECOND = 50;
    static final int MAX_QUEUE = 500;
    static final long HEARTBEAT_MILLIS = 15_000;

    /** What the stream carries: all events of its organization, or those of one type, device, event id. */
    record Filter(String type, String device, String event) {
        boolean matches(DeviceEvent e) {
            return (type == null || type.equals(e.deviceType())) && (device == null || device.equals(e.deviceId()))
                    && (event == null || event.equals(e.event()));
        }
    }

    private final String org;
    private final Filter filter;
    private final HttpServerResponse response;
    private final Context context;
    private final LongSupplier clock;
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private long window;
    private int taken;
    private long lastWrite;
    private Runnable onClose = () -> { };
    private long timer = -1;

    EventStream(String org, Filter filter, HttpServerResponse response, Context context, LongSupplier clock) {
        this.org = org;
        this.filter = filter;
        this.response = response;
        this.context = context;
        this.clock = clock;
        this.lastWrite = clock.getAsLong();
    }

    String org() {
        return org;
    }

    /** Runs once the stream closed, whoever closed it. */
    void onClose(Runnable r) {
        this.onClose = r;
    }

    /** An accepted event of the organization (on a broker thread: never waits). */
    void offer(DeviceEvent e) {
        if (closed.get() || !filter.matches(e)) {
            return;
        }
        if (!take()) {
            dropped.incrementAndGet();
            return;
        }
        enqueue(e);
    }

    /** A connect or disconnect of the organization's clients (not sampled; the queue still bounds them). */
    void offer(StatusEntry s) {
        if (!closed.get()) {
            enqueue(s);
        }
    }

    private synchronized boolean take() {
        long second = clock.getAsLong() / 1000;
        if (second != window) {
            window = second;
            taken = 0;
        }
        if (taken >= MAX_PER_SECOND) {
            return false;
        }
        taken++;
        return true;
    }

    private void enqueue(Object item) {
        if (queued.incrementAndGet() > MAX_QUEUE) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        queue.add(item);
        if (drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    /** Starts the stream (on its event loop): the answer's head and a first message. */
    void start() {
        ConsoleHeaders.json(response, "text/event-stream; charset=utf-8").setChunked(true)
                .putHeader("X-Accel-Buffering", "no").setStatusCode(200);
        ObjectNode hello = Json.object().put("org", org).put("maxPerSecond", MAX_PER_SECOND);
        write("hello", hello.toString());
        // on this event loop, as everything else that writes to the stream
        timer = context.owner().setPeriodic(1000, id -> tick());
    }

    /** Writes what is queued while the connection keeps up (on the event loop). */
    private void drain() {
        drainScheduled.set(false);
        Object item;
        while (!closed.get() && !response.writeQueueFull() && (item = queue.poll()) != null) {
            queued.decrementAndGet();
            if (item instanceof DeviceEvent e) {
                write("evt", ConsoleJson.event(e).toString());
            } else {
                write("status", ((StatusEntry) item).json().toString());
            }
        }
        if (!closed.get() && !queue.isEmpty() && response.writeQueueFull()) {
            response.drainHandler(v -> {
                if (drainScheduled.compareAndSet(false, true)) {
                    drain();
                }
            });
        }
    }

    /** Every second (on the event loop): what was dropped, and a heartbeat when nothing was written for a while. */
    private void tick() {
        if (closed.get()) {
            return;
        }
        long n = dropped.getAndSet(0);
        if (n > 0) {
            write("dropped", Json.object().put("n", n).toString());
        }
        if (clock.getAsLong() - lastWrite >= HEARTBEAT_MILLIS) {
            writeRaw(": heartbeat\n\n");
        }
    }

    /** Ends the stream with {@code event: end} (from any thread). */
    void end(String reason) {
        context.runOnContext(v -> {
            if (!closed.get() && !response.closed() && !response.ended()) {
                write("end", Json.object().put("reason", reason).toString());
                response.end();
            }
            closed();
        });
    }

    /** The connection closed or the stream ended: nothing more is written. */
    void closed() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            if (timer >= 0) {
                context.owner().cancelTimer(timer);
            }
            onClose.run();
        }
    }

    private void write(String event, String data) {
        writeRaw("event: " + event + "\ndata: " + data + "\n\n");
    }

    private void writeRaw(String text) {
        if (response.closed() || response.ended()) {
            closed();
            return;
        }
        lastWrite = clock.getAsLong();
        response.write(text);
    }
}
