package io.gb32960.admin.command;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pacer spaces events evenly and lets no burst through after an idle time (fake clock, no sleeping). */
class PacerTest {

    private long now;
    private final List<Long> parks = new ArrayList<>();

    private Pacer pacer(int rate) {
        return new Pacer(rate, () -> now, nanos -> {
            parks.add(nanos);
            now += nanos;
        });
    }

    @Test
    void eventsAreSpacedAtTheRate() {
        Pacer p = pacer(10);
        List<Long> at = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            p.acquire();
            at.add(now);
        }
        assertThat(at).containsExactly(0L, 100_000_000L, 200_000_000L, 300_000_000L, 400_000_000L);
    }

    @Test
    void anIdlePacerDoesNotBurst() {
        Pacer p = pacer(10);
        p.acquire();
        now += 5_000_000_000L; // idle for 5 s
        p.acquire();
        long before = now;
        p.acquire();
        assertThat(now - before).isEqualTo(100_000_000L);
        assertThat(parks).hasSize(1);
    }
}
