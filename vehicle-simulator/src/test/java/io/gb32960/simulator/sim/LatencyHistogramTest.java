package io.gb32960.simulator.sim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

class LatencyHistogramTest {

    @Test
    void percentilesAreWithinThreePercent() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 100_000; i++) {
            h.recordNanos(i * 1_000L); // 1 µs .. 100 ms
        }
        assertThat(h.count()).isEqualTo(100_000);
        assertThat(h.percentileMicros(0.50)).isCloseTo(50_000, withinPercentage(3));
        assertThat(h.percentileMicros(0.90)).isCloseTo(90_000, withinPercentage(3));
        assertThat(h.percentileMicros(0.99)).isCloseTo(99_000, withinPercentage(3));
        assertThat(h.maxMicros()).isEqualTo(100_000);
        assertThat(h.percentileMicros(1.0)).isLessThanOrEqualTo(100_000);
    }

    @Test
    void smallValuesAreExactAndEmptyIsZero() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.percentileMicros(0.5)).isZero();
        h.recordNanos(7_400);
        assertThat(h.percentileMicros(0.5)).isEqualTo(7);
        h.recordNanos(Long.MAX_VALUE);
        assertThat(h.maxMicros()).isEqualTo(Long.MAX_VALUE / 1000);
    }

    @Test
    void everyBucketContainsItsRepresentative() {
        for (long v = 0; v < 1L << 30; v = v < 1000 ? v + 1 : v * 17 / 16) {
            int i = LatencyHistogram.index(v);
            assertThat(LatencyHistogram.index(LatencyHistogram.representative(i))).isEqualTo(i);
        }
    }
}
