package io.cameliotf.emulator.session;

import io.cameliotf.emulator.auth.ClientIdentity;
import io.cameliotf.emulator.topics.ClientTopics;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * One authenticated MQTT connection: who it is, how it connected, its topic space, and the counters its
 * disconnect status message reports [4.3.5].
 */
public final class ConnectionState {

    private final ClientIdentity identity;
    private final String brokerClientId;
    private final ClientTopics topics;
    private final String user;
    private final boolean durable;
    private final Instant connectTime;
    private final String clientAddress;
    private final int port;
    private final boolean secure;
    private final String protocol;
    private final LongAdder readMessages = new LongAdder();
    private final LongAdder writeMessages = new LongAdder();
    private final LongAdder readBytes = new LongAdder();
    private final LongAdder writeBytes = new LongAdder();
    private final AtomicBoolean connectAnnounced = new AtomicBoolean();
    private volatile String closeReason;
    private volatile long lastActivityMillis;

    /**
     * @param brokerClientId the client id inside the broker: the client's own, but unique per connection for
     *        scalable applications ({@code A:})
     */
    public ConnectionState(ClientIdentity identity, ClientTopics topics, String brokerClientId, String user,
            boolean durable, Instant connectTime, String clientAddress, int port, boolean secure, String protocol) {
        this.identity = identity;
        this.brokerClientId = brokerClientId;
        this.topics = topics;
        this.user = user;
        this.durable = durable;
        this.connectTime = connectTime;
        this.clientAddress = clientAddress;
        this.port = port;
        this.secure = secure;
        this.protocol = protocol;
    }

    public ClientIdentity identity() {
        return identity;
    }

    /** The id HiveMQ knows this connection by (to disconnect it). */
    public String brokerClientId() {
        return brokerClientId;
    }

    public ClientTopics topics() {
        return topics;
    }

    public String user() {
        return user;
    }

    public boolean durable() {
        return durable;
    }

    public Instant connectTime() {
        return connectTime;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public int port() {
        return port;
    }

    public boolean secure() {
        return secure;
    }

    public String protocol() {
        return protocol;
    }

    /** A PUBLISH received from the client at {@code millis}. */
    public void countRead(int bytes, long millis) {
        readMessages.increment();
        readBytes.add(bytes);
        lastActivityMillis = millis;
    }

    /** Something other than a publish came from the client (a subscription) at {@code millis}. */
    public void active(long millis) {
        lastActivityMillis = millis;
    }

    /** When the client last published or subscribed, or null. */
    public Instant lastActivity() {
        long millis = lastActivityMillis;
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }

    /** The MQTT version as the later contract names it: {@code 3.1}, {@code 3.1.1} or {@code 5.0}. */
    public String mqttVersion() {
        return protocol.startsWith("mqtt3") ? "3.1" : protocol.startsWith("mqtt5") || protocol.startsWith("mqttv5")
                ? "5.0" : "3.1.1";
    }

    public void countWrite(int bytes) {
        writeMessages.increment();
        writeBytes.add(bytes);
    }

    public long readMessages() {
        return readMessages.sum();
    }

    public long writeMessages() {
        return writeMessages.sum();
    }

    public long readBytes() {
        return readBytes.sum();
    }

    public long writeBytes() {
        return writeBytes.sum();
    }

    /** True exactly once: the first caller announces the connection. */
    public boolean claimConnectAnnouncement() {
        return connectAnnounced.compareAndSet(false, true);
    }

    /** Why the service is about to close this connection (reported in its disconnect status message). */
    public void closeReason(String reason) {
        this.closeReason = reason;
    }

    public String closeReason() {
        return closeReason;
    }
}
