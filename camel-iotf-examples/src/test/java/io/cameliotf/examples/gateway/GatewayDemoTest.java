package io.cameliotf.examples.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the gateway demo against the local service until every part of it happened and checks the outcome: each
 * fridge's readings reached the application as that fridge's events, a command reached a fridge's folder and the
 * fridge acted on it, the reboot reached the rebooted fridge only, and every fridge runs the new firmware with the
 * requests reporting no failure.
 */
class GatewayDemoTest {

    @BeforeAll
    static void fast() {
        System.setProperty("gateway.interval", "100");
        System.setProperty("gateway.operatorDelay", "500");
    }

    @AfterAll
    static void restore() {
        System.clearProperty("gateway.interval");
        System.clearProperty("gateway.operatorDelay");
    }

    @Test
    void aCamelRouteIsTheGatewayOfFridgesThatSpeakFiles(@TempDir Path folder) throws Exception {
        GatewayDemo.Result result = GatewayDemo.run(300, folder, GatewayDemoTest::everyPartHappened);
        GatewayStats stats = result.stats();

        assertThat(stats.registered()).as("the gateway registered").isTrue();
        assertThat(stats.receivedByDevice().keySet()).as("fridges heard by the application")
                .containsExactlyInAnyOrderElementsOf(GatewayDemo.FRIDGES);
        assertThat(stats.commandsSent()).as("commands the application sent").isPositive();
        assertThat(stats.commandsDelivered()).as("commands the gateway delivered").isPositive();
        assertThat(result.fridges().stream().mapToInt(FolderDevice::commands).sum())
                .as("commands the fridges acted on").isPositive();
        assertThat(stats.requestFailures("device/reboot")).as("reboot failures").isZero();
        assertThat(result.fridges()).extracting(FolderDevice::reboots).as("reboots per fridge").containsExactly(1, 0, 0);
        assertThat(stats.requestFailures("firmware/download")).as("download failures").isZero();
        assertThat(stats.requestFailures("firmware/update")).as("update failures").isZero();
        assertThat(stats.acted("firmware/download")).isEqualTo(3);
        assertThat(result.fridges()).extracting(FolderDevice::firmwareVersion).as("firmware per fridge")
                .containsOnly(FridgeManagement.NEW_FIRMWARE);
    }

    private static boolean everyPartHappened(GatewayDemo.Result r) {
        return r.stats().requestFailures("firmware/update") != null
                && r.fridges().stream().allMatch(f -> FridgeManagement.NEW_FIRMWARE.equals(f.firmwareVersion()))
                && r.fridges().stream().mapToInt(FolderDevice::commands).sum() > 0
                && r.stats().receivedByDevice().size() == GatewayDemo.FRIDGES.size();
    }
}
