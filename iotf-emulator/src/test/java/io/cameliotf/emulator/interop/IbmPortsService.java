package io.cameliotf.emulator.interop;

import static org.assertj.core.api.Assertions.fail;

import io.cameliotf.emulator.junit.EmulatorProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local service as IBM's stock clients need it: on IBM's ports (--ibm-ports: 1883, 8883, 80, 443), with a test
 * domain the clients' host names end in, one organization with an API key and devices of one type, and its
 * certificate exported as PEM for the clients to trust. In a JVM of its own, as users run it.
 */
final class IbmPortsService implements AutoCloseable {

    static final String DOMAIN = "iotf.test";
    static final String TYPE = "sdktype";

    final String org;
    final String apiKey;
    final String apiToken;
    /** Device id to token. */
    final Map<String, String> devices = new LinkedHashMap<>();
    final Path pem;
    final EmulatorProcess process;

    private IbmPortsService(String org, Path pem, EmulatorProcess process) {
        this.org = org;
        this.apiKey = "a-" + org + "-sdkapikey1";
        this.apiToken = "sdk-api-token-" + org;
        this.pem = pem;
        this.process = process;
    }

    /**
     * True when the interoperability tests are switched off with {@code -Dinterop=skip}, for a machine that cannot
     * bind IBM's ports or has no Node.js; CI runs them.
     */
    static boolean skipped(Class<?> test) {
        if (!"skip".equals(System.getProperty("interop"))) {
            return false;
        }
        System.getLogger(test.getName()).log(System.Logger.Level.WARNING, "Skipped: -Dinterop=skip");
        return true;
    }

    static IbmPortsService start(Path dir, String org, List<String> deviceIds) throws Exception {
        for (int port : new int[] {80, 443, 1883, 8883}) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                fail("IBM's clients use fixed ports; port " + port + " on 127.0.0.1 cannot be bound (" + e.getMessage()
                        + "): run as root or with CAP_NET_BIND_SERVICE, and stop what uses it");
            }
        }
        IbmPortsService probe = new IbmPortsService(org, null, null);
        StringBuilder seed = new StringBuilder("{\"organizations\":[{\"id\":\"" + org + "\",\"apiKeys\":[{\"key\":\""
                + probe.apiKey + "\",\"token\":\"" + probe.apiToken + "\"}],\"devices\":[");
        for (int i = 0; i < deviceIds.size(); i++) {
            String token = "tok-" + deviceIds.get(i) + "-x";
            seed.append(i == 0 ? "" : ",").append("{\"type\":\"" + TYPE + "\",\"id\":\"").append(deviceIds.get(i))
                    .append("\",\"token\":\"").append(token).append("\"}");
        }
        Path seedFile = Files.writeString(dir.resolve("seed.json"), seed.append("]}]}").toString());
        Path pem = dir.resolve("iotf.pem");
        EmulatorProcess process = EmulatorProcess.start("--ibm-ports", "--domain", DOMAIN, "--seed", seedFile.toString(),
                "--export-cert", pem.toString());
        IbmPortsService service = new IbmPortsService(org, pem, process);
        deviceIds.forEach(id -> service.devices.put(id, "tok-" + id + "-x"));
        return service;
    }

    @Override
    public void close() throws Exception {
        process.close();
    }
}
