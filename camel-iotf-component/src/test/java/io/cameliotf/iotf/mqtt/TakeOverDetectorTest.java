package io.cameliotf.iotf.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When repeated quick losses of a connection are reported as a take-over by another client of the same id. */
class TakeOverDetectorTest {

    private final TakeOverDetector detector = new TakeOverDetector();

    @Test
    void threeQuickLossesWithinTheWindowAreReportedOnce() {
        long t = 1_000_000;
        assertThat(detector.lost(t, t + 100)).isFalse();
        assertThat(detector.lost(t + 1_000, t + 1_200)).isFalse();
        assertThat(detector.lost(t + 2_000, t + 2_100)).as("the third quick loss").isTrue();
        // reported, then counted afresh
        assertThat(detector.lost(t + 3_000, t + 3_100)).isFalse();
    }

    @Test
    void aConnectionThatLastedResetsTheCount() {
        long t = 1_000_000;
        detector.lost(t, t + 100);
        detector.lost(t + 1_000, t + 1_100);
        long longLived = TakeOverDetector.QUICK_LOSS_MILLIS + 1;
        assertThat(detector.lost(t + 2_000, t + 2_000 + longLived)).as("a connection that lasted is no take-over")
                .isFalse();
        assertThat(detector.lost(t + 20_000, t + 20_100)).as("the count started again").isFalse();
    }

    @Test
    void quickLossesSpreadWiderThanTheWindowAreNotReported() {
        long gap = TakeOverDetector.WINDOW_MILLIS / 2 + 1;
        long t = 1_000_000;
        for (int i = 0; i < 10; i++) {
            long lostAt = t + i * gap;
            assertThat(detector.lost(lostAt - 100, lostAt)).as("loss %d, %d ms after the one before", i, gap)
                    .isFalse();
        }
    }

    @Test
    void theExplanationNamesTheClientIdAndBothCauses() {
        assertThat(TakeOverDetector.explain("a:org001:app")).contains("a:org001:app", "same client id", "[5.3.1]",
                "appId", "shared=true", "the service itself");
    }
}
