package io.cameliotf.emulator.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.session.ConnectionState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The JSON of device and application status messages [4.3.5, 5.3.7, 5.3.8], with the fields IBM's service
 * sent: {@code Action, Time, ClientAddr, ClientID, Port, Secure, Protocol, User, Durable, ConnectTime} and, on
 * disconnect, {@code ReadMsg, WriteMsg, ReadBytes, WriteBytes, Reason, CloseCode}. Times are ISO 8601 with
 * milliseconds, as IBM's SDKs parse them.
 */
public final class StatusMessages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private StatusMessages() {
    }

    public static byte[] connect(ConnectionState state, Instant time) {
        return bytes(common("Connect", state, time));
    }

    public static byte[] disconnect(ConnectionState state, Instant time, String reason, int closeCode) {
        ObjectNode json = common("Disconnect", state, time);
        json.put("ReadMsg", state.readMessages());
        json.put("WriteMsg", state.writeMessages());
        json.put("ReadBytes", state.readBytes());
        json.put("WriteBytes", state.writeBytes());
        json.put("Reason", reason);
        json.put("CloseCode", closeCode);
        return bytes(json);
    }

    public static String format(Instant time) {
        return TIME.format(time);
    }

    private static ObjectNode common(String action, ConnectionState state, Instant time) {
        ObjectNode json = JSON.createObjectNode();
        json.put("Action", action);
        json.put("Time", format(time));
        json.put("ClientAddr", state.clientAddress());
        json.put("ClientID", state.identity().clientId());
        json.put("Port", state.port());
        json.put("Secure", state.secure());
        json.put("Protocol", state.protocol());
        json.put("User", state.user());
        json.put("Durable", state.durable());
        json.put("ConnectTime", format(state.connectTime()));
        return json;
    }

    private static byte[] bytes(ObjectNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
