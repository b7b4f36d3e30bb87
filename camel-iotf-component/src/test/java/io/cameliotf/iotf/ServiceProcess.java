package io.cameliotf.iotf;

import io.cameliotf.emulator.junit.EmulatorProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The local service as a process of its own, with a data directory and a fixed MQTT port, so that it can be stopped
 * (SIGTERM), killed (SIGKILL) and started again where its clients expect it, on the same data. Every other listener
 * takes a free port, so that nothing else running on the machine is in the way.
 */
final class ServiceProcess implements AutoCloseable {

    static final String ORG = "prc001";
    static final String API_KEY = "a-prc001-process001";
    static final String API_TOKEN = "apitok";
    static final String DEVICE_TYPE = "sensor";
    static final String DEVICE_ID = "s1";
    static final String DEVICE_TOKEN = "devtok";

    private final List<String> args;
    private final int mqttPort;
    private EmulatorProcess process;

    private ServiceProcess(List<String> args, int mqttPort) {
        this.args = args;
        this.mqttPort = mqttPort;
    }

    /** Starts the service on {@code dir}/data, seeded with {@link #ORG}, its API key and device. */
    static ServiceProcess start(Path dir) throws IOException, InterruptedException {
        Path seed = Files.writeString(dir.resolve("seed.json"), "{\"organizations\":[{\"id\":\"" + ORG + "\","
                + "\"apiKeys\":[{\"key\":\"" + API_KEY + "\",\"token\":\"" + API_TOKEN + "\"}],\"devices\":[{\"type\":\""
                + DEVICE_TYPE + "\",\"id\":\"" + DEVICE_ID + "\",\"token\":\"" + DEVICE_TOKEN + "\"}]}]}");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ServiceProcess service = new ServiceProcess(List.of("--seed", seed.toString(), "--data",
                dir.resolve("data").toString(), "--mqtt-port", Integer.toString(port), "--mqtts-port", "0", "--ws-port",
                "0", "--wss-port", "0", "--http-port", "0", "--https-port", "0"), port);
        service.start();
        return service;
    }

    /**
     * Starts the service (again): returns once it printed that it runs, which it does once every listener listens.
     *
     * @throws IllegalStateException with its output when it does not start
     */
    synchronized void start() throws IOException, InterruptedException {
        process = EmulatorProcess.start(args.toArray(new String[0]));
    }

    /** Stops it with SIGTERM, as a service manager does: it shuts down cleanly. */
    synchronized void stop() throws InterruptedException {
        process.stop();
    }

    /** Kills it with SIGKILL (kill -9): nothing of it runs another instruction. Returns once it is gone. */
    synchronized void kill() throws InterruptedException {
        process.kill();
    }

    String mqttUrl() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    /** The component options of an application of {@link #ORG} with {@code appId}. */
    String app(String appId) {
        return "org=" + ORG + "&appId=" + appId + "&authKey=" + API_KEY + "&authToken=" + API_TOKEN + "&brokerUrl="
                + mqttUrl();
    }

    /** The component options of the device {@link #DEVICE_TYPE}/{@link #DEVICE_ID}. */
    String device() {
        return "clientType=device&org=" + ORG + "&deviceType=" + DEVICE_TYPE + "&deviceId=" + DEVICE_ID + "&authToken="
                + DEVICE_TOKEN + "&brokerUrl=" + mqttUrl();
    }

    String deviceClientId() {
        return "d:" + ORG + ":" + DEVICE_TYPE + ":" + DEVICE_ID;
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (process != null) {
            process.close();
        }
    }
}
