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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IBM's Java SDKs, unchanged, against the local service on IBM's ports, each in a probe JVM of its own that resolves
 * {@code <org>.iotf.test} and {@code <org>.messaging.iotf.test} through a hosts file and trusts the service's
 * certificate through a trust store, as a Java user would set up: the older {@code com.ibm.messaging:watson-iot}
 * 0.2.4, whose {@code APIClient} speaks API v0002 ({@link JavaSdkProbe}) and whose {@code ManagedDevice} and
 * {@code ManagedGateway} answer device management requests ({@link ManagedSdkProbe}), and {@code com.ibm.wiotp.sdk}
 * 0.4.1, whose {@code GatewayClient} is a gateway ({@link GatewaySdkProbe}). One service for the class.
 * Needs IBM's ports (root or CAP_NET_BIND_SERVICE for 80 and 443); {@code -Dinterop=skip} skips it.
 */
class JavaSdkInteropTest {

    static final String ORG = "jsdk01";

    @TempDir
    static Path dir;
    static IbmPortsService iotf;
    static Path hosts;
    static Path trustStore;

    @BeforeAll
    static void startService() throws Exception {
        if (IbmPortsService.skipped(JavaSdkInteropTest.class)) {
            return;
        }
        iotf = IbmPortsService.start(dir, ORG, List.of("jd1", "md1"));
        hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost " + ORG + "." + IbmPortsService.DOMAIN
                + " " + ORG + ".messaging." + IbmPortsService.DOMAIN + "\n");
        trustStore = dir.resolve("trust.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(iotf.pem)) {
            store.setCertificateEntry("iotf", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            store.store(out, "changeit".toCharArray());
        }
    }

    @AfterAll
    static void stopService() throws Exception {
        if (iotf != null) {
            iotf.close();
        }
    }

    @Test
    void theJavaSdksApiClientPassesEveryCallItHas() throws Exception {
        if (iotf == null) {
            return;
        }
        try (MqttTestClient device = MqttTestClient.builder("tcp://127.0.0.1:1883", "d:" + ORG + ":"
                + IbmPortsService.TYPE + ":jd1").username("use-token-auth").password(iotf.devices.get("jd1")).connect()) {
            assertThat(device.isConnected()).isTrue();
        }
        assertThat(runProbe(JavaSdkProbe.class, "apiclient", iotf.apiKey, iotf.apiToken, IbmPortsService.TYPE,
                "jd1:" + iotf.devices.get("jd1"))).isEqualTo(14);
    }

    @Test
    void theJavaSdksGatewayClientIsAGatewayForItsDevices() throws Exception {
        if (iotf == null) {
            return;
        }
        assertThat(runProbe(GatewaySdkProbe.class, "gateway", iotf.apiKey, iotf.apiToken)).isEqualTo(6);
    }

    @Test
    void theOlderJavaSdksManagedDeviceAndGatewayAnswerManagementRequests() throws Exception {
        if (iotf == null) {
            return;
        }
        assertThat(runProbe(ManagedSdkProbe.class, "managed", iotf.apiKey, iotf.apiToken, IbmPortsService.TYPE,
                "md1:" + iotf.devices.get("md1"))).isEqualTo(5);
    }

    /**
     * Runs a probe in a JVM of its own with the org and {@code args}; asserts it ends with no failed check and returns
     * how many passed.
     */
    static int runProbe(Class<?> probe, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts, "-Djavax.net.ssl.trustStore=" + trustStore,
                "-Djavax.net.ssl.trustStorePassword=changeit", "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-cp", System.getProperty("java.class.path"), probe.getName(), ORG));
        command.addAll(List.of(args));
        Path log = dir.resolve(name + ".log");
        Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!run.waitFor(3, TimeUnit.MINUTES)) {
            run.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(run.isAlive()).as("the probe finished within 3 minutes:\n" + output).isFalse();
        assertThat(output).as(output).contains("RESULTS ").doesNotContain("FAIL ");
        String[] results = output.lines().filter(l -> l.startsWith("RESULTS ")).findFirst().orElseThrow().split(" ");
        assertThat(run.exitValue()).as(output).isZero();
        return Integer.parseInt(results[1]);
    }
}
