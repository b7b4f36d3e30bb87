package io.cameliotf.iotf.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.Waits;
import io.cameliotf.iotf.model.IotfFirmware;
import io.cameliotf.iotf.mgmt.MgmtRest;
import io.cameliotf.iotf.model.IotfLocation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The device management snippets of docs/user-guide.md, run against the local service. */
@ExtendWith(IotfEmulatorExtension.class)
class MgmtSnippetsTest {

    /** The valve's hardware, as the snippets see it. */
    static final class Valve {
        final List<String> done = new CopyOnWriteArrayList<>();

        void restart() {
            done.add("restart");
        }

        void download(IotfFirmware image) {
            done.add("download " + image.getUri());
        }

        void install(IotfFirmware image) {
            done.add("install " + image.getVersion());
        }

        IotfLocation position() {
            return new IotfLocation(52.37, 4.89);
        }
    }

    @Test
    void aRouteIsAManagedDevice(IotfEmulator iotf, TestOrganization org) throws Exception {
        String token = org.registerDevice("valve", "v7");
        Valve valve = new Valve();
        CamelContext context = DocsService.configured(iotf, org, Map.of("iotf.deviceToken", token));
        DocsService.start(context, new RouteBuilder() {
            @Override
            public void configure() {
                // tag::managed-device[]
                from("iotf:device-management?clientType=device&deviceType=valve&deviceId=v7"
                        + "&authToken=RAW({{iotf.deviceToken}})&supportsDeviceActions=true&supportsFirmwareActions=true")
                    .choice()
                        .when(header("CamelIotfMgmtAction").isEqualTo("device/reboot"))
                            .process(e -> valve.restart())           // answered 202 when done, then a new manage
                        .when(header("CamelIotfMgmtAction").isEqualTo("firmware/download"))
                            .process(e -> valve.download(e.getIn().getBody(IotfFirmware.class)))
                        .when(header("CamelIotfMgmtAction").isEqualTo("firmware/update"))
                            .process(e -> valve.install(e.getIn().getBody(IotfFirmware.class)))
                        .otherwise()
                            .throwException(new UnsupportedOperationException("not on this valve"));   // 501
                // end::managed-device[]
                // tag::device-reports[]
                from("timer:position?period=600000")
                    .process(e -> e.getIn().setBody(valve.position()))         // an IotfLocation
                    .to("iotf:device-management?clientType=device&deviceType=valve&deviceId=v7"
                        + "&authToken=RAW({{iotf.deviceToken}})&mgmtOperation=updateLocation");
                // end::device-reports[]
            }
        });
        try {
            MgmtRest rest = new MgmtRest(iotf, org);
            assertThat(rest.run("device/reboot", Map.of(), "valve", "v7").path("status").asInt()).isEqualTo(0);
            assertThat(rest.run("firmware/download", Map.of("uri", "http://images.example/v7-3.bin", "version", "3"),
                    "valve", "v7").path("status").asInt()).isEqualTo(0);
            assertThat(rest.run("firmware/update", Map.of(), "valve", "v7").path("status").asInt()).isEqualTo(0);
            assertThat(valve.done).containsExactly("restart", "download http://images.example/v7-3.bin", "install 3");
            assertThat(rest.run("device/factoryReset", Map.of(), "valve", "v7").toString()).contains("501");
            Waits.await().until(() -> rest.send("GET", rest.device("valve", "v7") + "/location", null).statusCode()
                    == 200);
            assertThat(rest.get(rest.device("valve", "v7") + "/location").path("longitude").asDouble()).isEqualTo(4.89);
        } finally {
            context.stop();
        }
    }
}
