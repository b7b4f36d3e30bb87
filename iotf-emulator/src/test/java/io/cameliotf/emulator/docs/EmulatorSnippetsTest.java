package io.cameliotf.emulator.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.registry.DeviceCredentials;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * The Java snippet of docs/emulator.md that starts the service itself (the component's DocSnippetsTest keeps the
 * document equal to the region below, whose two parts are one snippet). It runs here, where every test starts its
 * own service.
 */
class EmulatorSnippetsTest {

    @Test
    void startFromJava() {
        // tag::builder[]
        try (IotfEmulator iotf = IotfEmulator.builder()
                .seed(Path.of("seeds/example-seed.json"))   // the repository's example seed
                .freePorts()                 // or .mqttPort(1883) ...
                .build()
                .start()) {
            String broker = iotf.mqttUrl();                               // tcp://127.0.0.1:41773
            DeviceCredentials dev = iotf.devices().register("org001", "sensor", "dev9");   // dev.token()
            SSLContext trust = iotf.tls().clientSslContext();             // trusts the service's certificate
            // end::builder[]
            assertThat(broker).startsWith("tcp://127.0.0.1:");
            assertThat(dev.token()).isNotBlank();
            assertThat(iotf.devices().device("org001", "sensor", "dev1")).as("seeded").isPresent();
            assertThat(trust.getProtocol()).isNotBlank();
            // tag::builder[]
        }
        // end::builder[]
    }
}
