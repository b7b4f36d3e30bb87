package io.cameliotf.iotf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.config.IbmConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The configuration files of IBM's client libraries [4.2.1, 4.3.1]. */
@ExtendWith(IotfEmulatorExtension.class)
class ConfigFileTest {

    @Test
    void deviceAndApplicationFilesConfigureEndpoints(IotfEmulator iotf, TestOrganization org, @TempDir Path dir)
            throws Exception {
        String token = org.registerDevice("sensor", "cfg1");
        Path deviceFile = Files.writeString(dir.resolve("device.cfg"), "# a device\n[device]\norg=" + org.id()
                + "\ntyp=sensor\nid=cfg1\nauth-method=token\nauth-token=" + token + "\n");
        Path appFile = Files.writeString(dir.resolve("app.cfg"), "[application]\norg=" + org.id()
                + "\nid=cfgapp\nauth-method=apikey\nauth-key=" + org.apiKey() + "\nauth-token=" + org.apiToken() + "\n");
        try (MqttTestClient listener = MqttTestClient.application(iotf, org.appClientId("l"), org.apiKey(), org.apiToken())) {
            listener.subscribe("iot-2/type/+/id/+/evt/+/fmt/+", 1);
            CamelContext context = CamelContexts.start(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:device").to("iotf:device-event?configFile=" + deviceFile + "&brokerUrl=" + iotf.mqttUrl()
                            + "&event=hello");
                    from("direct:app").to("iotf:device-event?configFile=" + appFile + "&brokerUrl=" + iotf.mqttUrl()
                            + "&deviceType=sensor&deviceId=other&event=proxied");
                }
            });
            try {
                context.createProducerTemplate().sendBody("direct:device", "{}");
                context.createProducerTemplate().sendBody("direct:app", "{}");
                assertThat(Waits.next(listener, 2)).extracting(MqttTestClient.Received::topic)
                        .containsExactlyInAnyOrder("iot-2/type/sensor/id/cfg1/evt/hello/fmt/json",
                                "iot-2/type/sensor/id/other/evt/proxied/fmt/json");
                IotfEndpoint endpoint = context.getEndpoints().stream().filter(IotfEndpoint.class::isInstance)
                        .map(IotfEndpoint.class::cast).filter(e -> e.getConfiguration().getAppId().equals("cfgapp"))
                        .findFirst().orElseThrow();
                assertThat(endpoint.getConfiguration().clientId()).isEqualTo("a:" + org.id() + ":cfgapp");
            } finally {
                context.stop();
            }
        }
    }

    @Test
    void badFilesNameTheLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.cfg"), "[device]\norg=abc\ncolour=blue\n");
        assertThatThrownBy(() -> IbmConfigFile.apply(file, new IotfConfiguration()))
                .hasMessageContaining("bad.cfg line 3: unknown key 'colour' in [device]");
        Path method = Files.writeString(dir.resolve("method.cfg"), "[application]\nauth-method=token\n");
        assertThatThrownBy(() -> IbmConfigFile.apply(method, new IotfConfiguration()))
                .hasMessageContaining("auth-method must be apikey in [application]");
        Path noSection = Files.writeString(dir.resolve("none.cfg"), "org=abc\n");
        assertThatThrownBy(() -> IbmConfigFile.apply(noSection, new IotfConfiguration()))
                .hasMessageContaining("none.cfg line 1: expected [device] or [application] first");
        assertThatThrownBy(() -> IbmConfigFile.apply(dir.resolve("missing.cfg"), new IotfConfiguration()))
                .hasMessageContaining("missing.cfg does not exist");
    }

    @Test
    void endpointOptionsWinOverTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("app.cfg"), "[application]\norg=abc123\nid=fromfile\nauth-key=a-abc123-0123456789\nauth-token=t\n");
        IotfConfiguration config = new IotfConfiguration();
        config.setAppId("fromendpoint");
        IbmConfigFile.apply(file, config);
        assertThat(config.getAppId()).isEqualTo("fromendpoint");
        assertThat(config.getOrg()).isEqualTo("abc123");
        assertThat(config.getClientType()).isEqualTo(IotfClientType.application);
    }
}
