package io.cameliotf.emulator.broker;

import io.cameliotf.emulator.tls.TlsMaterial;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes HiveMQ's {@code config.xml}: the MQTT listeners on the bind address (none when the service's shared ports
 * carry MQTT instead), the internal bridge listener on loopback (where WebSocket and shared-port connections arrive,
 * see {@code net.Listeners}), the subscriber queue of the service (5,000 messages, oldest discarded first [5.1.5]),
 * and persistence (files under the data directory, or memory). Anonymous usage statistics are off: the local service
 * never calls out.
 */
public final class BrokerConfig {

    /** The name of the internal listener that bridged connections come in on. */
    public static final String BRIDGE_LISTENER = "bridge";

    /**
     * The broker's listeners.
     *
     * @param mqttPort plain MQTT on the bind address, or null for none
     * @param mqttsPort MQTT over TLS on the bind address, or null for none
     * @param bridgePort the internal bridge listener on 127.0.0.1
     */
    public record Ports(String bindAddress, Integer mqttPort, Integer mqttsPort, int bridgePort) {
    }

    private BrokerConfig() {
    }

    public static void write(Path configFolder, Ports ports, TlsMaterial tls, long queueSize, boolean persistent)
            throws IOException {
        StringBuilder listeners = new StringBuilder();
        if (ports.mqttPort() != null) {
            listeners.append(tcp(ports.bindAddress(), ports.mqttPort(), "mqtt"));
        }
        if (ports.mqttsPort() != null) {
            listeners.append("    <tls-tcp-listener>\n"
                    + "      <port>" + ports.mqttsPort() + "</port>\n"
                    + "      <bind-address>" + xml(ports.bindAddress()) + "</bind-address>\n"
                    + "      <name>mqtts</name>\n"
                    + "      <tls>\n"
                    + "        <keystore>\n"
                    + "          <path>" + xml(tls.keystore().toAbsolutePath().toString()) + "</path>\n"
                    + "          <password>" + xml(tls.password()) + "</password>\n"
                    + "          <private-key-password>" + xml(tls.password()) + "</private-key-password>\n"
                    + "        </keystore>\n"
                    + "        <protocols>\n"
                    + "          <protocol>TLSv1.3</protocol>\n"
                    + "          <protocol>TLSv1.2</protocol>\n"
                    + "        </protocols>\n"
                    + "      </tls>\n"
                    + "    </tls-tcp-listener>\n");
        }
        listeners.append(tcp("127.0.0.1", ports.bridgePort(), BRIDGE_LISTENER));
        String xml = "<?xml version=\"1.0\"?>\n"
                + "<hivemq>\n"
                + "  <listeners>\n"
                + listeners
                + "  </listeners>\n"
                + "  <mqtt>\n"
                + "    <queued-messages>\n"
                + "      <max-queue-size>" + queueSize + "</max-queue-size>\n"
                + "      <strategy>discard-oldest</strategy>\n"
                + "    </queued-messages>\n"
                + "    <shared-subscriptions><enabled>true</enabled></shared-subscriptions>\n"
                + "  </mqtt>\n"
                + "  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>\n"
                + "  <persistence><mode>" + (persistent ? "file" : "in-memory") + "</mode></persistence>\n"
                + "</hivemq>\n";
        Files.createDirectories(configFolder);
        Files.writeString(configFolder.resolve("config.xml"), xml, StandardCharsets.UTF_8);
    }

    private static String tcp(String bindAddress, int port, String name) {
        return "    <tcp-listener>\n"
                + "      <port>" + port + "</port>\n"
                + "      <bind-address>" + xml(bindAddress) + "</bind-address>\n"
                + "      <name>" + name + "</name>\n"
                + "    </tcp-listener>\n";
    }

    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
