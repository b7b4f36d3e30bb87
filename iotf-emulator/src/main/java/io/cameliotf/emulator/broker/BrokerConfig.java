package io.cameliotf.emulator.broker;

import io.cameliotf.emulator.tls.TlsMaterial;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes HiveMQ's {@code config.xml}: the three listeners on the bind address, the subscriber queue of the
 * service (5,000 messages, oldest discarded first [5.1.5]), and persistence (files under the data directory,
 * or memory). Anonymous usage statistics are off: the local service never calls out.
 */
public final class BrokerConfig {

    /** The path MQTT over WebSocket is served on. */
    public static final String WEBSOCKET_PATH = "/mqtt";

    private BrokerConfig() {
    }

    public static void write(Path configFolder, String bindAddress, int mqttPort, int mqttsPort, int wsPort,
            TlsMaterial tls, long queueSize, boolean persistent) throws IOException {
        String xml = "<?xml version=\"1.0\"?>\n"
                + "<hivemq>\n"
                + "  <listeners>\n"
                + "    <tcp-listener>\n"
                + "      <port>" + mqttPort + "</port>\n"
                + "      <bind-address>" + xml(bindAddress) + "</bind-address>\n"
                + "      <name>mqtt</name>\n"
                + "    </tcp-listener>\n"
                + "    <tls-tcp-listener>\n"
                + "      <port>" + mqttsPort + "</port>\n"
                + "      <bind-address>" + xml(bindAddress) + "</bind-address>\n"
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
                + "    </tls-tcp-listener>\n"
                + "    <websocket-listener>\n"
                + "      <port>" + wsPort + "</port>\n"
                + "      <bind-address>" + xml(bindAddress) + "</bind-address>\n"
                + "      <name>ws</name>\n"
                + "      <path>" + WEBSOCKET_PATH + "</path>\n"
                + "      <subprotocols><subprotocol>mqttv3.1</subprotocol><subprotocol>mqtt</subprotocol></subprotocols>\n"
                + "      <allow-extensions>true</allow-extensions>\n"
                + "    </websocket-listener>\n"
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

    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
