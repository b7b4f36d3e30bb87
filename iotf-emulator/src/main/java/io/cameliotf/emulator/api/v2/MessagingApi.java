package io.cameliotf.emulator.api.v2;

import io.cameliotf.emulator.api.ApiAuthenticator;
import io.cameliotf.emulator.api.ApiCaller;
import io.cameliotf.emulator.api.RestResponses;
import io.cameliotf.emulator.messaging.HttpMessaging;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * HTTP messaging (later contract 2.11), a face over {@link HttpMessaging}: a device posts its own events with its
 * token; an application posts events on behalf of devices, and commands, with an API key. The Content-Type gives the
 * format; the body is the payload as it is. 200 once the broker has taken the message.
 */
public final class MessagingApi {

    private final ApiAuthenticator auth;
    private final HttpMessaging messaging;

    public MessagingApi(ApiAuthenticator auth, HttpMessaging messaging) {
        this.auth = auth;
        this.messaging = messaging;
    }

    /** POST /device/types/{typeId}/devices/{deviceId}/events/{eventId}, as the device itself. */
    public void deviceEvent(Exchange exchange) {
        Message in = exchange.getIn();
        String type = V2Requests.name(in, "typeId", "device type");
        String id = V2Requests.name(in, "deviceId", "device id");
        ApiCaller device = auth.authenticateDevice(in, type, id);
        messaging.event(device.org(), type, id, in.getHeader("eventId", String.class), format(in), payload(in),
                device.clientId());
        RestResponses.status(exchange, 200);
    }

    /** POST /application/types/{typeId}/devices/{deviceId}/events/{eventId}, on behalf of the device. */
    public void applicationEvent(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller app = auth.authenticate(in);
        messaging.event(app.org(), V2Requests.name(in, "typeId", "device type"),
                V2Requests.name(in, "deviceId", "device id"), in.getHeader("eventId", String.class), format(in),
                payload(in), app.apiKey());
        RestResponses.status(exchange, 200);
    }

    /** POST /application/types/{typeId}/devices/{deviceId}/commands/{commandId}: a command to the device. */
    public void command(Exchange exchange) {
        Message in = exchange.getIn();
        ApiCaller app = auth.authenticate(in);
        messaging.command(app.org(), V2Requests.name(in, "typeId", "device type"),
                V2Requests.name(in, "deviceId", "device id"), in.getHeader("commandId", String.class), format(in),
                payload(in));
        RestResponses.status(exchange, 200);
    }

    private static String format(Message in) {
        return HttpMessaging.format(in.getHeader(Exchange.CONTENT_TYPE, String.class));
    }

    private static byte[] payload(Message in) {
        byte[] body = in.getBody(byte[].class);
        return body == null ? new byte[0] : body;
    }
}
