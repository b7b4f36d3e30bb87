package io.cameliotf.emulator.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IBM's own Node.js libraries, {@code ibmiotf} 0.2.41 and {@code @wiotp/sdk} 0.7.8 from npm, unchanged and configured
 * only as their READMEs tell a user, against the local service on IBM's ports (--ibm-ports): every transport they
 * build (MQTT over TCP and TLS, WebSocket and secure WebSocket, on 1883, 8883, 80 and 443) and every REST call of
 * the later contract this service has, and {@code @wiotp/sdk}'s {@code GatewayClient} as a gateway for served devices
 * (later contract 3.4) (src/test/node/interop.js). Host names resolve to 127.0.0.1 through a preload
 * (no /etc/hosts change); the certificate is trusted through NODE_EXTRA_CA_CERTS, as Node users do.
 * <p>
 * Needs Node.js 18 or newer with npm, and leave to bind ports 80 and 443 (root, as in CI, or CAP_NET_BIND_SERVICE);
 * {@code .ci/run} installs Node. {@code -Dinterop=skip} skips it on a machine that has neither.
 */
class NodeInteropTest {

    static final String ORG = "nodei1";
    static final List<String> DEVICES = List.of("ibm1", "ibm2", "ibm3", "wiotp1", "wiotp2", "wiotp3", "wiotp4",
            "wiotp5", "wiotp6", "wiotp7");

    @Test
    void ibmNodeLibrariesPassEveryTransportAndRestCall(@TempDir Path dir) throws Exception {
        if (IbmPortsService.skipped(getClass())) {
            return;
        }
        Path project = prepareNodeProject();
        try (IbmPortsService iotf = IbmPortsService.start(dir, ORG, DEVICES)) {
            ProcessBuilder node = new ProcessBuilder("node", "-r", "./resolve.js", "interop.js").directory(project.toFile())
                    .redirectErrorStream(true);
            Map<String, String> env = node.environment();
            env.put("NODE_EXTRA_CA_CERTS", iotf.pem.toString());
            env.put("IOTF_ORG", ORG);
            env.put("IOTF_DOMAIN", IbmPortsService.DOMAIN);
            env.put("IOTF_API_KEY", iotf.apiKey);
            env.put("IOTF_API_TOKEN", iotf.apiToken);
            env.put("IOTF_DEVICE_TYPE", IbmPortsService.TYPE);
            List<String> tokens = new ArrayList<>();
            iotf.devices.forEach((id, token) -> tokens.add(id + ":" + token));
            env.put("IOTF_DEVICES", String.join(",", tokens));
            Path log = project.resolve("interop.log"); // kept in target/ to read after a run
            node.redirectOutput(log.toFile());
            Process run = node.start();
            if (!run.waitFor(10, TimeUnit.MINUTES)) {
                run.destroyForcibly();
                fail("interop.js did not finish within 10 minutes:\n" + Files.readString(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            String resultLine = output.lines().filter(l -> l.startsWith("RESULTS ")).reduce((a, b) -> b).orElse(null);
            assertThat(resultLine).as("interop.js output:\n" + output).isNotNull();
            JsonNode results = new ObjectMapper().readTree(resultLine.substring("RESULTS ".length()));
            List<String> failed = new ArrayList<>();
            results.get("results").forEach(r -> {
                if (!r.get("ok").asBoolean()) {
                    failed.add(r.get("name").asText() + ": " + r.get("error").asText());
                }
            });
            assertThat(failed).as("checks that failed; interop.js output:\n" + output).isEmpty();
            assertThat(results.get("passed").asInt()).as("every check ran").isGreaterThanOrEqualTo(43);
            assertThat(run.exitValue()).isZero();
        }
    }

    /** Copies the Node project into target/ and installs its locked dependencies there (once per lock file). */
    static Path prepareNodeProject() throws IOException, InterruptedException {
        Path source = Path.of("src", "test", "node");
        Path project = Path.of("target", "node-interop");
        Files.createDirectories(project);
        for (String file : List.of("package.json", "package-lock.json", "resolve.js", "interop.js")) {
            Files.copy(source.resolve(file), project.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path stamp = project.resolve("node_modules").resolve(".lock-installed");
        String lock = Files.readString(project.resolve("package-lock.json"));
        if (Files.exists(stamp) && Files.readString(stamp).equals(lock)) {
            return project;
        }
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(project.toFile())
                    .redirectErrorStream(true).redirectOutput(project.resolve("npm.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("Node.js 18+ and npm are needed for this test (apt-get install nodejs npm; "
                    + ".ci/run installs them), or skip it with -Dinterop=skip: " + e.getMessage(), e);
        }
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci failed:\n" + Files.readString(project.resolve("npm.log")));
        }
        Files.writeString(stamp, lock);
        return project;
    }
}
