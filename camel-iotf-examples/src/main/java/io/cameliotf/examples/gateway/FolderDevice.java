package io.cameliotf.examples.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated device that cannot speak MQTT: it writes its readings as files into the gateway's inbox
 * ({@code inbox/<type>.<id>.<n>.txt}, lines {@code name=value}) and takes instructions as files the gateway leaves
 * in its own folder ({@code outbox/<id>/}): a command ({@code *.json}), {@code reboot}, a firmware image
 * ({@code firmware.bin}, with its version in {@code firmware.version}) and {@code install}. It is plain Java on
 * purpose: nothing of the device knows about IoTF or Camel.
 */
public final class FolderDevice {

    private static final Logger LOG = LoggerFactory.getLogger("device");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String type;
    private final String id;
    private final Path inbox;
    private final Path outbox;
    private final AtomicLong readings = new AtomicLong();
    private final AtomicInteger commands = new AtomicInteger();
    private final AtomicInteger reboots = new AtomicInteger();
    private volatile String firmwareVersion;
    private volatile double setpoint = 4.0;
    private double temperature;

    public FolderDevice(Path folder, String type, String id, String firmwareVersion, double temperature) {
        this.type = type;
        this.id = id;
        this.inbox = folder.resolve("inbox");
        this.outbox = folder.resolve("outbox").resolve(id);
        this.firmwareVersion = firmwareVersion;
        this.temperature = temperature;
        try {
            Files.createDirectories(inbox);
            Files.createDirectories(outbox);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One tick of the device: act on what the gateway left for it, then write a reading. */
    public void tick() {
        try {
            takeInstructions();
            writeReading();
        } catch (IOException e) {
            LOG.warn("{}/{}: {}", type, id, e.toString());
        }
    }

    private void writeReading() throws IOException {
        // the fridge drifts towards its setpoint, with a little noise
        temperature += (setpoint - temperature) * 0.2 + (Math.random() - 0.5);
        long n = readings.incrementAndGet();
        String text = String.format(Locale.ROOT, "temp=%.2f%nsetpoint=%.1f%nfirmware=%s%n", temperature, setpoint,
                firmwareVersion);
        // written under a temporary name and moved, so that the gateway never reads half a file
        Path tmp = inbox.resolve("." + type + "." + id + "." + n + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, inbox.resolve(type + "." + id + "." + n + ".txt"), StandardCopyOption.ATOMIC_MOVE);
    }

    private void takeInstructions() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(outbox)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".json")) {
                    String command = Files.readString(file, StandardCharsets.UTF_8);
                    setpoint = setpointOf(command, setpoint);
                    commands.incrementAndGet();
                    LOG.info("{}/{}: command {} -> setpoint {}", type, id, command, setpoint);
                    Files.delete(file);
                } else if ("reboot".equals(name)) {
                    reboots.incrementAndGet();
                    LOG.info("{}/{}: rebooting", type, id);
                    Files.delete(file);
                } else if ("install".equals(name)) {
                    install();
                    Files.delete(file);
                }
            }
        }
    }

    private void install() throws IOException {
        Path version = outbox.resolve("firmware.version");
        if (Files.exists(version) && Files.exists(outbox.resolve("firmware.bin"))) {
            firmwareVersion = Files.readString(version, StandardCharsets.UTF_8).trim();
            LOG.info("{}/{}: firmware {} installed", type, id, firmwareVersion);
        }
    }

    /** The setpoint in a command such as {@code {"setpoint":3.5}}; the old one when the command has none. */
    static double setpointOf(String command, double old) {
        try {
            JsonNode value = JSON.readTree(command).path("setpoint");
            return value.isNumber() ? value.asDouble() : old;
        } catch (IOException e) {
            LOG.warn("not a command: {}", e.getMessage());
            return old;
        }
    }

    public String type() {
        return type;
    }

    public String id() {
        return id;
    }

    public long readings() {
        return readings.get();
    }

    public int commands() {
        return commands.get();
    }

    public int reboots() {
        return reboots.get();
    }

    public String firmwareVersion() {
        return firmwareVersion;
    }

    public double setpoint() {
        return setpoint;
    }
}
