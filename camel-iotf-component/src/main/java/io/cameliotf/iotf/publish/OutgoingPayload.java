package io.cameliotf.iotf.publish;

import io.cameliotf.iotf.payload.IotfPayloads;
import java.io.File;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;

/** The bytes a producer sends for an exchange's body, over MQTT or HTTP alike [5.4]. */
public final class OutgoingPayload {

    private OutgoingPayload() {
    }

    /** The body's bytes, with files and streams read, wrapped as {"d": body, "ts": now} when {@code wrap}. */
    public static byte[] of(Exchange exchange, boolean wrap) throws Exception {
        Object body = exchange.getMessage().getBody();
        if (body instanceof WrappedFile || body instanceof File || body instanceof StreamCache
                || body instanceof InputStream || body instanceof ByteBuffer) {
            body = exchange.getMessage().getMandatoryBody(byte[].class);
        }
        return IotfPayloads.toPayload(body, wrap);
    }
}
