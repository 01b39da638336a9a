package io.gb32960.sql;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What needs no database; the maintenance itself runs against MariaDB in kafka-consumers' tests. */
class TelemetryPartitionsTest {

    @Test
    void partitionBoundsAsMysqlAndMariadbShowThem() {
        assertThat(TelemetryPartitions.bound("'2026-12-01 00:00:00'")).isEqualTo(LocalDateTime.of(2026, 12, 1, 0, 0));
        assertThat(TelemetryPartitions.bound("'2026-12-01'")).isEqualTo(LocalDateTime.of(2026, 12, 1, 0, 0));
        assertThat(TelemetryPartitions.bound("MAXVALUE")).isNull();
    }

    @Test
    void onlyPlainTableNames() {
        assertThatThrownBy(() -> new TelemetryPartitions("telemetry; DROP TABLE vehicle"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMigrationsAreOnTheClasspathWhereFlywayLooks() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V1__core_schema.sql")) {
            assertThat(in).isNotNull();
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(sql).contains("CREATE TABLE telemetry", "PARTITION BY RANGE COLUMNS (collected_at)",
                    "PARTITION pmax VALUES LESS THAN (MAXVALUE)");
        }
    }
}
