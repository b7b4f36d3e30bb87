package io.cameliotf.examples.gateway;

import io.cameliotf.iotf.model.IotfFirmware;
import io.cameliotf.iotf.mgmt.IotfFirmwareException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the gateway does for a management request of a fridge it serves (the component runs the protocol and the
 * firmware state machine; this only acts), and the operator's requests.
 */
public class FridgeManagement {

    /** The version the operator rolls out. */
    public static final String NEW_FIRMWARE = "2.0";

    private final Path folder;
    private final List<String> fridges;
    private final CountDownLatch managed = new CountDownLatch(1);

    public FridgeManagement(Path folder, List<String> fridges) {
        this.folder = folder;
        this.fridges = fridges;
    }

    /** The gateway acts on a request for {@code deviceId}: its return ends the action, its exception fails it. */
    public void handle(String action, String deviceId, Object body) throws IOException, IotfFirmwareException {
        Path outbox = folder.resolve("outbox").resolve(deviceId);
        switch (action) {
            case "device/reboot" -> Files.writeString(outbox.resolve("reboot"), "");
            case "firmware/download" -> download((IotfFirmware) body, outbox);
            case "firmware/update" -> Files.writeString(outbox.resolve("install"), "");
            default -> throw new UnsupportedOperationException("the fridges do not implement " + action);
        }
    }

    /** Fetches the image the request names, checks it against the verifier and leaves it for the fridge. */
    private static void download(IotfFirmware firmware, Path outbox) throws IOException, IotfFirmwareException {
        byte[] image;
        try {
            image = Files.readAllBytes(Path.of(URI.create(firmware.getUri())));
        } catch (IllegalArgumentException | IOException e) {
            throw new IotfFirmwareException(IotfFirmwareException.INVALID_URI,
                    "cannot read " + firmware.getUri() + ": " + e.getMessage());
        }
        if (firmware.getVerifier() != null && !firmware.getVerifier().equalsIgnoreCase(sha256(image))) {
            throw new IotfFirmwareException(IotfFirmwareException.VERIFICATION_FAILED,
                    "the image's SHA-256 is not the verifier " + firmware.getVerifier());
        }
        Files.write(outbox.resolve("firmware.bin"), image);
        Files.writeString(outbox.resolve("firmware.version"), firmware.getVersion(), StandardCharsets.UTF_8);
    }

    /** The gateway's management routes have started: each fridge is managed. */
    public void gatewayManaged() {
        managed.countDown();
    }

    /** The operator waits until the fridges are managed (their routes start once the gateway is registered). */
    public void awaitManaged() throws InterruptedException {
        if (!managed.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the fridges were not managed within 60 seconds");
        }
    }

    /** The firmware/download request: a new image published as a file, with its SHA-256 as the verifier. */
    public Map<String, Object> firmwareDownloadRequest() throws IOException {
        byte[] image = ("fridge firmware " + NEW_FIRMWARE + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = Files.createDirectories(folder.resolve("firmware")).resolve("fridge-" + NEW_FIRMWARE + ".bin");
        Files.write(file, image);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("uri", file.toUri().toString());
        parameters.put("name", file.getFileName().toString());
        parameters.put("version", NEW_FIRMWARE);
        parameters.put("verifier", sha256(image));
        return request("firmware/download", parameters);
    }

    /** The firmware/update request, for every fridge (one device type, as the contract asks). */
    public Map<String, Object> firmwareUpdateRequest() {
        return request("firmware/update", null);
    }

    private Map<String, Object> request(String action, Map<String, Object> parameters) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("action", action);
        if (parameters != null) {
            request.put("parameters", parameters);
        }
        request.put("devices", fridges.stream().map(id -> "fridge/" + id).toList());
        return request;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
