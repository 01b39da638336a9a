package io.gb32960.consumers.bench;

import io.gb32960.consumers.support.TestFrames;
import io.gb32960.protocol.frame.Edition;

import java.time.LocalDateTime;

/**
 * The benchmark's frame stream: {@code vehicles} vehicles reporting every 10 s, half 2016 (354-byte
 * frames), half 2025 (SM2-sized signature, 444 bytes); whole vehicle, 2 motors, position, extremes
 * (2016), alarm, 96 cell voltages, 32 probe temperatures. One frame in 100 carries a level-1..3
 * alarm, one in 50 is a reissue of a frame 30 minutes older. Deterministic: frame {@code i} is
 * always the same bytes.
 */
final class BenchFrames {

    static final LocalDateTime BASE = LocalDateTime.of(2026, 11, 1, 8, 0, 0); // Beijing time

    private final int vehicles;

    BenchFrames(int vehicles) {
        this.vehicles = vehicles;
    }

    static String vin(int vehicle) {
        return String.format("LBENCH%011d", vehicle);
    }

    byte[] frame(long i) {
        int v = (int) (i % vehicles);
        long seq = i / vehicles;
        Edition edition = v % 2 == 0 ? Edition.V2016 : Edition.V2025;
        boolean reissue = i % 50 == 17;
        LocalDateTime t = BASE.plusSeconds(10 * seq);
        TestFrames f = TestFrames.realtime(edition, vin(v), reissue ? t.minusMinutes(30).plusSeconds(5) : t)
                .speed((int) ((seq * 7 + v) % 1200)).soc((int) (90 - seq % 60));
        if (reissue) {
            f = f.reissue();
        }
        if (i % 100 == 3) {
            f = f.alarm(1 + (int) (i % 3), 1L << (i % 19), 0x1000L + v);
        }
        return f.frame();
    }
}
