package io.cameliotf.iotf.mqtt;

import io.cameliotf.iotf.IotfComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Component;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.TimeUtils;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code iotf} dev console: the MQTT connections of every iotf component of the CamelContext, one per client id,
 * with their server, state, subscriptions and counters. Nothing secret is shown: the server's user info and the
 * token, should an error message hold it, are masked.
 */
@DevConsole(name = "iotf", displayName = "IoTF", description = "IBM IoT Foundation MQTT connections")
public class IotfDevConsole extends AbstractDevConsole {

    public IotfDevConsole() {
        super("camel", "iotf", "IoTF", "IBM IoT Foundation MQTT connections");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        List<JsonObject> all = describeAll();
        StringBuilder sb = new StringBuilder(String.format("IoTF connections: %d%n", all.size()));
        long now = System.currentTimeMillis();
        for (JsonObject c : all) {
            long since = c.getLong("since");
            sb.append(String.format("%n    Client Id: %s", c.getString("clientId")));
            sb.append(String.format("%n    Server: %s", c.getString("server")));
            sb.append(String.format("%n    Connected: %s (since %s, %s ago)", c.getBoolean("connected"),
                    Instant.ofEpochMilli(since), TimeUtils.printDuration(now - since, true)));
            sb.append(String.format("%n    Messages In: %d", c.getLong("messagesIn")));
            sb.append(String.format("%n    Messages Out: %d", c.getLong("messagesOut")));
            sb.append(String.format("%n    In Flight: %d", c.getInteger("inFlight")));
            sb.append(String.format("%n    Reconnects: %d", c.getLong("reconnects")));
            if (c.containsKey("lastError")) {
                sb.append(String.format("%n    Last Error: %s", c.getString("lastError")));
            }
            if (c.containsKey("gatewayNotifications")) {
                sb.append(String.format("%n    Gateway Notifications: %d", c.getLong("gatewayNotifications")));
            }
            if (c.containsKey("lastGatewayNotification")) {
                sb.append(String.format("%n    Last Gateway Notification: %s", c.getString("lastGatewayNotification")));
            }
            JsonArray subscriptions = (JsonArray) c.get("subscriptions");
            sb.append(String.format("%n    Subscriptions: %d", subscriptions.size()));
            for (Object o : subscriptions) {
                JsonObject sub = (JsonObject) o;
                sb.append(String.format("%n        %s (QoS %d)", sub.getString("topicFilter"), sub.getInteger("qos")));
            }
            sb.append(String.format("%n"));
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        root.put("connections", describeAll());
        return root;
    }

    /** Each connection as the JSON form shows it; the text form is rendered from the same. */
    private List<JsonObject> describeAll() {
        return connections().stream().map(IotfDevConsole::describe).toList();
    }

    private static JsonObject describe(IotfConnection c) {
        ConnectionStats s = c.stats();
        JsonObject jo = new JsonObject();
        jo.put("clientId", c.clientId());
        jo.put("server", server(c));
        jo.put("connected", s.isConnected());
        jo.put("since", s.stateSince());
        jo.put("messagesIn", s.messagesIn());
        jo.put("messagesOut", s.messagesOut());
        jo.put("inFlight", s.inFlight());
        jo.put("reconnects", s.reconnects());
        String error = lastError(c);
        if (error != null) {
            jo.put("lastError", error);
        }
        if (s.isGateway()) { // what the service refused the gateway (later contract 3.4)
            jo.put("gatewayNotifications", s.gatewayNotifications());
            if (s.lastGatewayNotification() != null) {
                jo.put("lastGatewayNotification", s.lastGatewayNotification().toString());
            }
        }
        JsonArray subscriptions = new JsonArray();
        for (ConnectionStats.Subscribed sub : s.subscriptions()) {
            JsonObject so = new JsonObject();
            so.put("topicFilter", sub.topicFilter());
            so.put("qos", sub.qos());
            subscriptions.add(so);
        }
        jo.put("subscriptions", subscriptions);
        return jo;
    }

    /** The connections of every iotf component of the context (a context may have more than one, by other names). */
    private List<IotfConnection> connections() {
        List<IotfConnection> all = new ArrayList<>();
        for (String name : getCamelContext().getComponentNames()) {
            Component component = getCamelContext().hasComponent(name);
            if (component instanceof IotfComponent iotf && iotf.getConnections() != null) {
                all.addAll(iotf.getConnections().all());
            }
        }
        return all;
    }

    private static String server(IotfConnection c) {
        return URISupport.sanitizeUri(c.settings().brokerUrl());
    }

    /** The last error, its causes too, with the connection's token masked should a message hold it. */
    static String lastError(IotfConnection c) {
        Throwable error = c.lastError();
        if (error == null) {
            return null;
        }
        String text = ConnectionErrors.reason(error);
        String password = c.settings().password();
        return password == null || password.isEmpty() ? text : text.replace(password, "xxxxxx");
    }
}
