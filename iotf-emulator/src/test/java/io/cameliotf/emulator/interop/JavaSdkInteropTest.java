package io.cameliotf.emulator.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.junit.MqttTestClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IBM's older Java SDK, {@code com.ibm.messaging:watson-iot} 0.2.4, whose {@code APIClient} speaks API v0002, drives
 * the local service on IBM's ports, unchanged ({@link JavaSdkProbe}). Its JVM resolves {@code <org>.iotf.test} and
 * {@code <org>.messaging.iotf.test} through a hosts file and trusts the service's certificate through a trust store.
 * Needs IBM's ports (root or CAP_NET_BIND_SERVICE for 80 and 443); {@code -Dinterop=skip} skips it.
 */
class JavaSdkInteropTest {

    static final String ORG = "jsdk01";

    @Test
    void theJavaSdksApiClientPassesEveryCallItHas(@TempDir Path dir) throws Exception {
        if (IbmPortsService.skipped(getClass())) {
            return;
        }
        try (IbmPortsService iotf = IbmPortsService.start(dir, ORG, List.of("jd1"))) {
            try (MqttTestClient device = MqttTestClient.builder("tcp://127.0.0.1:1883", "d:" + ORG + ":"
                    + IbmPortsService.TYPE + ":jd1").username("use-token-auth").password(iotf.devices.get("jd1")).connect()) {
                assertThat(device.isConnected()).isTrue();
            }
            Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost " + ORG + "." + IbmPortsService.DOMAIN
                    + " " + ORG + ".messaging." + IbmPortsService.DOMAIN + "\n");
            Path trustStore = dir.resolve("trust.p12");
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            try (InputStream in = Files.newInputStream(iotf.pem)) {
                store.setCertificateEntry("iotf", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                store.store(out, "changeit".toCharArray());
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djdk.net.hosts.file=" + hosts, "-Djavax.net.ssl.trustStore=" + trustStore,
                    "-Djavax.net.ssl.trustStorePassword=changeit", "-Djavax.net.ssl.trustStoreType=PKCS12",
                    "-cp", System.getProperty("java.class.path"), JavaSdkProbe.class.getName(), ORG, iotf.apiKey,
                    iotf.apiToken, IbmPortsService.TYPE, "jd1:" + iotf.devices.get("jd1")));
            Path log = dir.resolve("probe.log");
            Process probe = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(probe.waitFor(5, TimeUnit.MINUTES)).as("the probe finishes").isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(output).as(output).contains("RESULTS ").doesNotContain("FAIL ");
            String[] results = output.lines().filter(l -> l.startsWith("RESULTS ")).findFirst().orElseThrow().split(" ");
            assertThat(Integer.parseInt(results[1])).as(output).isEqualTo(14);
            assertThat(probe.exitValue()).as(output).isZero();
        }
    }
}
