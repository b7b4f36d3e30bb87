package io.cameliotf.examples.quarkus;

import io.cameliotf.emulator.junit.EmulatorProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the local IoTF service for the app's tests, in a JVM of its own (it runs on its own Camel, the app on Camel
 * Quarkus's), with one organization, API key and device from a seed, and hands the app the component's settings.
 */
public class LocalIotfService implements QuarkusTestResourceLifecycleManager {

    public static final String ORG = "qorg01";
    public static final String API_KEY = "a-qorg01-k1a2b3c4d5";
    public static final String API_TOKEN = "quarkus-apitok1";
    public static final String DEVICE_TYPE = "sensor";
    public static final String DEVICE_ID = "dev1";
    public static final String DEVICE_TOKEN = "quarkus-devtok1";

    private EmulatorProcess service;
    private Path seed;

    @Override
    public Map<String, String> start() {
        try {
            seed = Files.createTempFile("iotf-quarkus-seed", ".json");
            Files.writeString(seed, """
                    {"organizations": [{"id": "%s", "name": "Quarkus example",
                      "apiKeys": [{"key": "%s", "token": "%s"}],
                      "devices": [{"type": "%s", "id": "%s", "token": "%s"}]}]}
                    """.formatted(ORG, API_KEY, API_TOKEN, DEVICE_TYPE, DEVICE_ID, DEVICE_TOKEN));
            service = EmulatorProcess.startOnFreePorts("--seed", seed.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the local IoTF service", e);
        }
        return Map.of(
                "camel.component.iotf.org", ORG,
                "camel.component.iotf.auth-key", API_KEY,
                "camel.component.iotf.auth-token", API_TOKEN,
                "camel.component.iotf.broker-url", service.mqttUrl());
    }

    @Override
    public void stop() {
        try {
            if (service != null) {
                service.close();
            }
            if (seed != null) {
                Files.deleteIfExists(seed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
