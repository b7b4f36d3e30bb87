package io.cameliotf.emulator.mgmt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.api.Http;
import io.cameliotf.emulator.junit.EmulatorProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --data}, management state, diagnostics and requests survive a restart, and a device that completes
 * its reboot after the restart still completes the request (its entry keeps the step it is at).
 */
class MgmtPersistenceTest {

    static final String CLIENT = "d:keep02:pi:p1";
    static final String DEVICE = "/device/types/pi/devices/p1";

    @Test
    void managementSurvivesARestart(@TempDir Path data, @TempDir Path config) throws Exception {
        Path seed = Files.writeString(config.resolve("seed.json"), "{\"organizations\":[{\"id\":\"keep02\","
                + "\"name\":\"Keep\",\"apiKeys\":[{\"key\":\"a-keep02-persist002\",\"token\":\"apitok\"}],"
                + "\"devices\":[{\"type\":\"pi\",\"id\":\"p1\",\"token\":\"devtok12\"}]}]}");
        String request;
        try (EmulatorProcess first = EmulatorProcess.startOnFreePorts("--seed", seed.toString(), "--data",
                data.toString())) {
            Http api = new Http(first.httpUrl("v0002"), "a-keep02-persist002", "apitok");
            try (DmClient device = DmClient.device(first.mqttUrl(), CLIENT, "devtok12", true)) {
                device.manage("{\"deviceActions\":true}");
                assertThat(device.request("add/diag/log", "{\"message\":\"kept\"}").get("rc").asInt()).isEqualTo(200);
                assertThat(device.request("add/diag/errorCodes", "{\"errorCode\":3}").get("rc").asInt())
                        .isEqualTo(200);
                request = MgmtRequestsTest.initiate(api, MgmtRequestsTest.body("device/reboot", null, "pi", "p1"));
                device.respond(device.next("mgmt/initiate/device/reboot"), 202, null);
                waitForRc(api, request);
            }
            assertThat(first.stop()).isEqualTo(143);
        }
        try (EmulatorProcess second = EmulatorProcess.startOnFreePorts("--seed", seed.toString(), "--data",
                data.toString())) {
            Http api = new Http(second.httpUrl("v0002"), "a-keep02-persist002", "apitok");
            assertThat(api.get(DEVICE + "/mgmt").json().get("supports").get("deviceActions").asBoolean()).isTrue();
            assertThat(api.get(DEVICE + "/diag/logs").json()).extracting(l -> l.get("message").asText())
                    .containsExactly("kept");
            assertThat(api.get(DEVICE + "/diag/errorCodes").json().get(0).get("errorCode").asInt()).isEqualTo(3);
            JsonNode status = MgmtRequestsTest.status(api, request, "pi", "p1");
            assertThat(status.get("status").asInt()).as("rebooting").isEqualTo(1);
            try (DmClient device = DmClient.device(second.mqttUrl(), CLIENT, "devtok12", true)) {
                device.manage("{\"deviceActions\":true}");
                assertThat(MgmtRequestsTest.completed(api, request, "pi", "p1").get("status").asInt()).isEqualTo(0);
            }
        }
    }

    /** Until the device's 202 is kept (the service reads it off the broker's thread). */
    private static void waitForRc(Http api, String request) throws Exception {
        long end = System.nanoTime() + DmClient.WAIT.toNanos();
        while (!MgmtRequestsTest.status(api, request, "pi", "p1").has("rc") && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }
}
