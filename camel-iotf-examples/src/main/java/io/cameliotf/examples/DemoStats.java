package io.cameliotf.examples;

import io.cameliotf.iotf.model.IotfDevice;
import io.cameliotf.iotf.payload.IotfStatus;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the demo's routes did: counted as they go, reported every few seconds and at the end. The integration test
 * reads it to check the demo's outcome.
 */
public class DemoStats {

    private static final Logger APP = LoggerFactory.getLogger("app");
    private static final Logger STATUS = LoggerFactory.getLogger("status");
    private static final Logger REGISTRY = LoggerFactory.getLogger("registry");
    private static final Logger VALVE = LoggerFactory.getLogger("valve");

    /** Per device: what was sent. */
    public static final class Sent {
        long count;
        double sum;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;

        public long count() {
            return count;
        }

        public double avg() {
            return count == 0 ? Double.NaN : sum / count;
        }

        public double min() {
            return min;
        }

        public double max() {
            return max;
        }
    }

    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong commandsSent = new AtomicLong();
    private final AtomicLong commandsActed = new AtomicLong();
    private final AtomicLong relayed = new AtomicLong();
    private final AtomicLong statusSeen = new AtomicLong();
    private final AtomicLong lastReported = new AtomicLong();
    private volatile String registeredDevice;
    private final Map<String, double[]> window = new ConcurrentHashMap<>();

    synchronized void sent(String device, double temp) {
        Sent s = sent.computeIfAbsent(device, d -> new Sent());
        s.count++;
        s.sum += temp;
        s.min = Math.min(s.min, temp);
        s.max = Math.max(s.max, temp);
    }

    /** An application received a reading: note it and add the device to it. */
    public Reading received(Reading reading, @Header("CamelIotfDeviceId") String device) {
        reading.setDevice(device);
        received.incrementAndGet();
        window.merge(device, new double[] {reading.getTemp(), 1}, (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
        return reading;
    }

    public void lineWritten() {
        written.incrementAndGet();
    }

    public void commandSent() {
        commandsSent.incrementAndGet();
    }

    public void eventRelayed() {
        relayed.incrementAndGet();
    }

    public void status(IotfStatus status) {
        statusSeen.incrementAndGet();
        STATUS.info("{} {}{}", status.getClientId(), status.getAction(),
                status.isDisconnect() ? " (" + status.getReason() + ")" : " from " + status.getClientAddr());
    }

    public void registered(IotfDevice device) {
        registeredDevice = device.getClientId();
        // the token is a secret: a real route would put it in a vault; the demo says that it came, not what it is
        REGISTRY.info("Registered {}; the service returned its token this once ({} characters, not shown)",
                device.getClientId(), device.getAuthToken() == null ? 0 : device.getAuthToken().length());
    }

    /** A line per batch: the readings of the last few seconds. */
    public void progress() {
        Map<String, double[]> batch = new TreeMap<>(window);
        window.clear();
        long total = received.get();
        StringBuilder line = new StringBuilder();
        batch.forEach((device, sum) -> line.append(String.format(" %s avg %.2f (%d)", device, sum[0] / sum[1], (long) sum[1])));
        APP.info("{} readings since the last report:{}; {} written to readings.jsonl; {} commands sent, {} acted on; "
                + "{} relayed into the second organization", total - lastReported.getAndSet(total),
                line.length() == 0 ? " none" : line.toString(), written.get(), commandsSent.get(), commandsActed.get(),
                relayed.get());
    }

    public void valveActed(String action) {
        commandsActed.incrementAndGet();
        VALVE.info("command received: {} the valve", action);
    }

    public Map<String, Sent> sentByDevice() {
        return new TreeMap<>(sent);
    }

    public long received() {
        return received.get();
    }

    public long written() {
        return written.get();
    }

    public long commandsSent() {
        return commandsSent.get();
    }

    public long commandsActed() {
        return commandsActed.get();
    }

    public long relayed() {
        return relayed.get();
    }

    public long statusSeen() {
        return statusSeen.get();
    }

    public String registeredDevice() {
        return registeredDevice;
    }
}
