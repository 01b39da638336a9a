package io.gb32960.protocol.wire;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataTimeTest {

    @Test
    void packsSixBytesAndPrintsBeijingTime() {
        DataTime t = DataTime.of(2018, 10, 30, 20, 35, 54);
        assertThat(t.raw()).isEqualTo(0x120a1e142336L);
        assertThat(t.toString()).isEqualTo("2018-10-30T20:35:54+08:00");
        assertThat(t.toOffsetDateTime().toInstant()).isEqualTo(Instant.parse("2018-10-30T12:35:54Z"));
    }

    @Test
    void anInstantIsShownOnAGmtPlus8ClockWhateverTheServerZone() {
        assertThat(DataTime.of(Instant.parse("2025-12-31T17:00:00Z")).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 1, 1, 1, 0, 0));
    }

    @Test
    void keepsImpossibleDatesRawAndSaysTheyAreInvalid() {
        DataTime t = new DataTime(0xFFFFFFFFFFFFL);
        assertThat(t.isValid()).isFalse();
        assertThat(t.month()).isEqualTo(255);
        assertThatThrownBy(t::toLocalDateTime).isInstanceOf(java.time.DateTimeException.class);
        assertThatThrownBy(() -> new DataTime(1L << 48)).isInstanceOf(IllegalArgumentException.class);
    }
}
