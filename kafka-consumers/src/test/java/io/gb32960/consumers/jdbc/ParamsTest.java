package io.gb32960.consumers.jdbc;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamsTest {

    @Test
    void dateTimesAsTextKeepMicroseconds() {
        assertThat(Params.dateTime(LocalDateTime.of(2026, 1, 2, 3, 4, 5))).isEqualTo("2026-01-02 03:04:05");
        assertThat(Params.dateTime(LocalDateTime.of(2026, 11, 21, 2, 0, 0, 123_456_789)))
                .isEqualTo("2026-11-21 02:00:00.123456");
        assertThat(Params.dateTime(LocalDateTime.of(999, 12, 31, 23, 59, 59, 1_000))).isEqualTo("0999-12-31 23:59:59.000001");
        assertThatThrownBy(() -> Params.dateTime(LocalDateTime.of(10000, 1, 1, 0, 0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void multiRowStatementsHaveOneTuplePerRow() {
        MultiRowInsert<String> insert = new MultiRowInsert<>("INSERT IGNORE INTO t (a, b)", 2, "ON DUPLICATE KEY UPDATE b = 1",
                3, (ps, i, row) -> { });
        assertThat(insert.sql(2)).isEqualTo("INSERT IGNORE INTO t (a, b) VALUES (?,?),(?,?) ON DUPLICATE KEY UPDATE b = 1");
    }

    @Test
    void whatIsLeftAfterTheFullChunksGoesInPowersOfTwo() {
        assertThat(MultiRowInsert.restSizes(0)).isEmpty();
        assertThat(MultiRowInsert.restSizes(1)).containsExactly(1);
        assertThat(MultiRowInsert.restSizes(13)).containsExactly(8, 4, 1);
        assertThat(MultiRowInsert.restSizes(249)).containsExactly(128, 64, 32, 16, 8, 1);
    }
}
