package io.gb32960.consumers.schema;

import io.gb32960.consumers.support.ConsumersInfra;
import io.gb32960.consumers.support.TestEnv;
import io.gb32960.sql.TelemetryPartitions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway migrates an empty database; then the monthly partition maintenance on the real table. */
@ExtendWith(ConsumersInfra.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaMigrationTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 21, 9, 0);
    private final TestEnv env;
    private final TelemetryPartitions partitions = new TelemetryPartitions(TelemetryPartitions.TELEMETRY);

    SchemaMigrationTest(TestEnv env) {
        this.env = env;
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(env.jdbc().getDataSource()).locations("classpath:db/migration").load();
    }

    @Test
    @Order(1)
    void flywayMigratesAnEmptyDatabaseAndAgainFindsNothingToDo() {
        MigrateResult first = flyway().migrate();
        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isPositive();
        assertThat(flyway().migrate().migrationsExecuted).isZero();
        flyway().validate();

        List<String> tables = env.jdbc().queryForList("SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME", String.class);
        assertThat(tables).contains("vehicle", "platform_account", "telemetry", "vehicle_latest_state", "alarm_event",
                "vehicle_online_log", "vehicle_online_state", "command_log", "app_user", "app_role", "app_user_role",
                "supplier", "terminal_model");
        assertThat(env.jdbc().queryForList("SELECT code FROM app_role ORDER BY code", String.class))
                .containsExactly("ADMIN", "OPERATOR", "SUPPLIER", "VIEWER");
        assertThat(names()).containsExactly("p_history", "pmax");
    }

    @Test
    @Order(2)
    void partitionsAreAddedAheadOnceAndRowsLandInTheirMonth() throws SQLException {
        try (Connection c = env.jdbc().getDataSource().getConnection()) {
            assertThat(partitions.addAhead(c, NOW, 3)).containsExactly("p202611", "p202612", "p202701", "p202702");
            assertThat(partitions.addAhead(c, NOW, 3)).isEmpty();
            assertThat(partitions.addAhead(c, NOW.plusMonths(1), 3)).containsExactly("p202703");
        }
        assertThat(names()).containsExactly("p_history", "p202611", "p202612", "p202701", "p202702", "p202703", "pmax");

        insert("2026-10-01 00:00:00");
        insert("2026-11-30 23:59:59");
        insert("2026-12-15 10:00:00");
        insert("2031-01-01 00:00:00");
        assertThat(rowsIn("p_history")).isEqualTo(1);
        assertThat(rowsIn("p202611")).isEqualTo(1);
        assertThat(rowsIn("p202612")).isEqualTo(1);
        assertThat(rowsIn("pmax")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void retentionDropsWholeOldMonthsOnly() throws SQLException {
        try (Connection c = env.jdbc().getDataSource().getConnection()) {
            // in February 2027, keeping two months: everything before 2026-12-01 goes
            assertThat(partitions.dropOlderThan(c, LocalDateTime.of(2027, 2, 10, 0, 0), 2))
                    .containsExactly("p_history", "p202611");
        }
        assertThat(names()).startsWith("p202612");
        assertThat(env.jdbc().queryForList("SELECT collected_at FROM telemetry ORDER BY collected_at", LocalDateTime.class))
                .containsExactly(LocalDateTime.of(2026, 12, 15, 10, 0), LocalDateTime.of(2031, 1, 1, 0, 0));
    }

    @Test
    @Order(4)
    void anotherInstanceHoldingTheLockMeansSkip() throws SQLException {
        try (Connection holder = env.jdbc().getDataSource().getConnection();
             Connection c = env.jdbc().getDataSource().getConnection()) {
            try (PreparedStatement ps = holder.prepareStatement("SELECT GET_LOCK('gb32960.partitions.telemetry', 0)");
                 ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            assertThat(partitions.addAhead(c, NOW.plusYears(1), 3)).isEmpty();
        }
    }

    private List<String> names() {
        return env.jdbc().queryForList("SELECT PARTITION_NAME FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA ="
                + " DATABASE() AND TABLE_NAME = 'telemetry' ORDER BY PARTITION_ORDINAL_POSITION", String.class);
    }

    private void insert(String collectedAt) {
        env.jdbc().update("INSERT INTO telemetry (vin, collected_at, command, received_at, node, edition, encryption,"
                + " signature, frame) VALUES ('LTEST000000000001', ?, 2, ?, 'n', 2016, 1, 0, x'2323')",
                collectedAt, collectedAt);
    }

    private int rowsIn(String partition) {
        return env.jdbc().queryForObject("SELECT COUNT(*) FROM telemetry PARTITION (" + partition + ")", Integer.class);
    }
}
