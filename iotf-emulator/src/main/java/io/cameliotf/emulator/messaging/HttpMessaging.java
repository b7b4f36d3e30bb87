package io.cameliotf.emulator.messaging;

import io.cameliotf.emulator.auth.IotfNames;
import io.cameliotf.emulator.events.Acknowledgement;
import io.cameliotf.emulator.events.DeviceEvent;
import io.cameliotf.emulator.events.EventSink;
import io.cameliotf.emulator.topics.InternalTopics;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Events and commands sent over HTTP (later contract 2.11). Once accepted, an event is exactly an MQTT event: the
 * same topic inside the broker (so applications subscribed to it receive it, in their organization only), the
 * historian and the last event cache. The caller is answered only after the broker has taken the message, so a
 * success means it is queued for every subscriber. Delivery is at QoS 1: subscribers at QoS 1 get it at least once
 * (the hosted service documented QoS 0 behaviour for HTTP; this service keeps what it acknowledged).
 */
public final class HttpMessaging {

    /** The service refused payloads over 128 KiB, on MQTT and HTTP alike. */
    public static final int MAX_PAYLOAD_BYTES = 131_072;

    /** Content types and the format their events get (later contract 2.11). */
    public static final Map<String, String> FORMATS = Map.of("application/json", "json", "text/plain", "text",
            "application/xml", "xml", "application/octet-stream", "bin");

    private final BrokerPublisher broker;
    private final EventSink events;
    private final Clock clock;
    private final Duration timeout;
    private final InternalTopics topics;

    /** @param timeout how long storing (when the answer waits for it) and publishing may each take: then 503 */
    public HttpMessaging(BrokerPublisher broker, InternalTopics topics, EventSink events, Clock clock,
            Duration timeout) {
        this.topics = topics;
        this.broker = broker;
        this.events = events;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * Publishes an event of device {@code type}/{@code id}.
     *
     * @param publisher the client id (a device's) or API key that sent it
     * @throws MessagingException when the event cannot be accepted, saying why
     */
    public void event(String org, String type, String id, String eventId, String format, byte[] payload,
            String publisher) {
        check(payload, eventId, "event id");
        String topic = topics.event(org, type, id, eventId, format);
        DeviceEvent event = new DeviceEvent(org, type, id, eventId, format, payload, clock.instant(), publisher);
        if (events.acknowledges()) {
            keep(event); // as over MQTT: what is answered with success is stored, then delivered
            publish(topic, payload);
        } else {
            publish(topic, payload);
            events.accept(event);
        }
    }

    /** Hands {@code event} to the sinks and waits until they kept it. */
    private void keep(DeviceEvent event) {
        CompletableFuture<Void> kept = new CompletableFuture<>();
        events.accept(event, new Acknowledgement() {
            @Override
            public void kept() {
                kept.complete(null);
            }

            @Override
            public void failed(String why) {
                kept.completeExceptionally(new MessagingException(MessagingException.Kind.UNAVAILABLE,
                        "The event could not be kept, so it was not accepted: " + why));
            }
        });
        await(kept, "storing the event");
    }

    /** Publishes a command to device {@code type}/{@code id} [5.3.4]. */
    public void command(String org, String type, String id, String commandId, String format, byte[] payload) {
        check(payload, commandId, "command id");
        publish(topics.command(org, type, id, commandId, format), payload);
    }

    /**
     * The format of a message of this Content-Type: json, text, xml or bin; json when there is none (the gateway
     * documentation: "only needed if not JSON").
     */
    public static String format(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "json";
        }
        String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        String format = FORMATS.get(mediaType);
        if (format == null) {
            throw new MessagingException(MessagingException.Kind.UNSUPPORTED, "The Content-Type " + mediaType
                    + " has no IoTF format: use application/json (json), text/plain (text), application/xml (xml) "
                    + "or application/octet-stream (bin)");
        }
        return format;
    }

    private static void check(byte[] payload, String name, String what) {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new MessagingException(MessagingException.Kind.TOO_LARGE, "The payload has " + payload.length
                    + " bytes; the service takes at most " + MAX_PAYLOAD_BYTES);
        }
        String problem = IotfNames.topicLevelProblem(name);
        if (problem != null) {
            throw new MessagingException(MessagingException.Kind.INVALID, "The " + what + " '" + name + "' " + problem);
        }
    }

    private void publish(String topic, byte[] payload) {
        await(broker.publish(topic, payload, 1), "publishing");
    }

    /** Waits for {@code step}; a failure or a timeout becomes a 503 that says which step failed. */
    private void await(CompletableFuture<?> step, String what) {
        try {
            step.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MessagingException m) {
                throw m;
            }
            throw new MessagingException(MessagingException.Kind.UNAVAILABLE, "The broker did not take the message: "
                    + (e.getCause() == null ? e.toString() : e.getCause().getMessage()));
        } catch (TimeoutException e) {
            throw new MessagingException(MessagingException.Kind.UNAVAILABLE, "The service did not finish " + what
                    + " within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException(MessagingException.Kind.UNAVAILABLE, "Interrupted while " + what);
        }
    }
}
