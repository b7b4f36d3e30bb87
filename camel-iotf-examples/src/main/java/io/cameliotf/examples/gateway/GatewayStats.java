package io.cameliotf.examples.gateway;

import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.payload.IotfMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the gateway demo's routes did, reported as they go; its test reads it to check the outcome. */
public class GatewayStats {

    private static final Logger GATEWAY = LoggerFactory.getLogger("gateway");
    private static final Logger APP = LoggerFactory.getLogger("app");

    private final double limit;
    private volatile boolean registered;
    private final AtomicLong published = new AtomicLong();
    private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();
    private final AtomicLong commandsSent = new AtomicLong();
    private final AtomicLong commandsDelivered = new AtomicLong();
    private final Map<String, AtomicLong> actions = new ConcurrentHashMap<>();
    private final Map<String, Integer> requestFailures = new ConcurrentHashMap<>();

    public GatewayStats(double limit) {
        this.limit = limit;
    }

    public void gatewayRegistered() {
        registered = true;
    }

    public void readingPublished() {
        published.incrementAndGet();
    }

    public void received(@Header(IotfConstants.DEVICE_ID) String device) {
        received.computeIfAbsent(device, d -> new AtomicLong()).incrementAndGet();
    }

    /** The application's rule: a reading above the limit. */
    public boolean tooWarm(IotfMessage reading, @Header(IotfConstants.DEVICE_ID) String device) {
        double temp = reading.data().path("temp").asDouble(Double.NaN);
        if (temp > limit) {
            APP.info("{} is at {} degrees, above {}: setpoint 3.0", device, temp, limit);
            return true;
        }
        return false;
    }

    public void commandSent() {
        commandsSent.incrementAndGet();
    }

    public void commandDelivered(@Header(IotfConstants.DEVICE_ID) String device) {
        commandsDelivered.incrementAndGet();
        GATEWAY.info("command for fridge/{} left in its folder", device);
    }

    public void managed(String action, String device) {
        actions.computeIfAbsent(action, a -> new AtomicLong()).incrementAndGet();
        GATEWAY.info("{} of fridge/{} done", action, device);
    }

    /** The operator's request finished: {@code failures} of its devices did not succeed. */
    public void requestDone(String action, Integer failures, List<?> devices) {
        requestFailures.put(action, failures == null ? -1 : failures);
        APP.info("{}: {} devices, {} failed: {}", action, devices.size(), failures, devices);
    }

    public void progress() {
        GATEWAY.info("{} readings published for {} fridges; the application received {}, sent {} commands",
                published.get(), received.size(), received(), commandsSent.get());
    }

    public boolean registered() {
        return registered;
    }

    public long published() {
        return published.get();
    }

    public long received() {
        return received.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public Map<String, AtomicLong> receivedByDevice() {
        return received;
    }

    public long commandsSent() {
        return commandsSent.get();
    }

    public long commandsDelivered() {
        return commandsDelivered.get();
    }

    /** How many times the gateway acted on {@code action}. */
    public long acted(String action) {
        AtomicLong n = actions.get(action);
        return n == null ? 0 : n.get();
    }

    /** The failures of the operator's request for {@code action}; null while it has not finished. */
    public Integer requestFailures(String action) {
        return requestFailures.get(action);
    }
}
