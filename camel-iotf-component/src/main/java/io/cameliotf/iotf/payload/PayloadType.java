package io.cameliotf.iotf.payload;

/** What a message payload is, as the consumer reports it in the {@code CamelIotfPayloadType} header [5.4]. */
public enum PayloadType {
    /** JSON that meets the IoTF payload specification: an object with only {@code d} (an object) and {@code ts} [5.4.1]. */
    IOTF,
    /** Any other JSON document: a custom JSON payload [5.4.2] (IBM's Java SDK, for one, publishes {@code {"temp":21}}). */
    JSON,
    /** Not JSON: text, CSV, binary. */
    OTHER
}
