package io.gb32960.consumers.telemetry;

import io.gb32960.consumers.support.ConsumersApp;
import io.gb32960.consumers.support.ConsumersInfra;
import io.gb32960.consumers.support.TestEnv;
import io.gb32960.consumers.support.TestFrames;
import io.gb32960.protocol.frame.Edition;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A database that fails the writes (here: lock wait timeouts, a transient error) holds the batch:
 * it is retried with back-off, its offsets are not committed meanwhile, nothing is dead-lettered,
 * and once the database works again every frame is stored once.
 */
@ExtendWith(ConsumersInfra.class)
class DatabaseRetryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 21, 9, 0, 0);
    private final TestEnv env;

    DatabaseRetryTest(TestEnv env) {
        this.env = env;
    }

    @Test
    void transientDatabaseErrorsAreRetriedAndNothingIsAcknowledgedBeforeItIsStored() throws Exception {
        env.createTopics(1);
        String vin = "LRETRY00000000001";
        try (ConsumersApp app = ConsumersApp.start(env, "--gb32960.consumers.decoded.enabled=false",
                "--spring.datasource.hikari.connection-init-sql=SET time_zone = '+00:00', innodb_lock_wait_timeout = 1");
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers()))) {
            send(TestFrames.realtime(Edition.V2016, vin, T0));
            await().atMost(WAIT).untilAsserted(() -> assertThat(rows(vin)).isEqualTo(1));

            TopicPartition partition = new TopicPartition(env.topics().telemetry(), 0);
            try (Connection holder = env.jdbc().getDataSource().getConnection()) {
                holder.setAutoCommit(false);
                try (PreparedStatement ps = holder.prepareStatement(
                        "SELECT vin FROM vehicle_latest_state WHERE vin = ? FOR UPDATE")) {
                    ps.setString(1, vin);
                    ps.executeQuery().close();
                }
                List<TestFrames> more = new ArrayList<>();
                for (int i = 1; i <= 20; i++) {
                    more.add(TestFrames.realtime(Edition.V2016, vin, T0.plusSeconds(10L * i)));
                }
                send(more.toArray(TestFrames[]::new));
                await().atMost(WAIT).untilAsserted(() -> assertThat(
                        app.count("gb32960.consumer.batch.failures", "listener", "telemetry")).isGreaterThanOrEqualTo(2));

                long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
                assertThat(committed(admin, partition)).as("offsets wait for the database").isLessThan(end);
                assertThat(rows(vin)).isEqualTo(1);
                holder.rollback();

                await().atMost(WAIT).untilAsserted(() -> assertThat(rows(vin)).isEqualTo(21));
                await().atMost(WAIT).untilAsserted(() -> assertThat(committed(admin, partition)).isEqualTo(end));
            }
            assertThat(app.count("gb32960.consumer.dead.letters")).isZero();
            assertThat(app.count("gb32960.consumer.records", "listener", "telemetry", "outcome", "stored")).isEqualTo(21);
        }
    }

    private void send(TestFrames... frames) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (TestFrames f : frames) {
            records.add(env.telemetryRecord(f.frame(), Instant.now()));
        }
        env.send(records);
    }

    private int rows(String vin) {
        return env.jdbc().queryForObject("SELECT COUNT(*) FROM telemetry WHERE vin = ?", Integer.class, vin);
    }

    private long committed(Admin admin, TopicPartition partition) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(env.topics().prefix() + ".persister")
                .partitionsToOffsetAndMetadata().get();
        OffsetAndMetadata o = offsets.get(partition);
        return o == null ? -1 : o.offset();
    }
}
