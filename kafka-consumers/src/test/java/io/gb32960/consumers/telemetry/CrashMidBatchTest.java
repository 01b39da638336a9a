package io.gb32960.consumers.telemetry;

import io.gb32960.consumers.support.ConsumersInfra;
import io.gb32960.consumers.support.ConsumersProcess;
import io.gb32960.consumers.support.TestEnv;
import io.gb32960.consumers.support.TestFrames;
import io.gb32960.protocol.frame.Edition;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer killed (SIGKILL) in the middle of a batch, with its database transaction open and its
 * offsets uncommitted, and then restarted, leaves exactly the rows an uninterrupted run leaves.
 * <p>
 * To kill it mid-batch deterministically, the test holds a row lock on one vehicle's latest state:
 * the consumer inserts the batch's telemetry rows and then waits for that lock inside its
 * transaction; the test sees the lock wait in {@code information_schema.INNODB_TRX} and kills the
 * process there.
 */
@ExtendWith(ConsumersInfra.class)
class CrashMidBatchTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int VEHICLES = 40;
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 21, 8, 0, 0);
    private final TestEnv env;

    CrashMidBatchTest(TestEnv env) {
        this.env = env;
    }

    /** Frames {@code [from, to)} of every vehicle, 10 s apart, one in 25 with an alarm. */
    private List<TestFrames> frames(int from, int to) {
        List<TestFrames> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            for (int v = 0; v < VEHICLES; v++) {
                TestFrames f = TestFrames.realtime(v % 2 == 0 ? Edition.V2016 : Edition.V2025,
                        String.format("LCRASH%011d", v), T0.plusSeconds(10L * i)).speed(100 + i).soc(i % 101);
                out.add(i % 25 == 7 ? f.alarm(2, 1L << 11) : f);
            }
        }
        return out;
    }

    private void send(List<TestFrames> frames) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (TestFrames f : frames) {
            records.add(env.telemetryRecord(f.frame(), Instant.now()));
        }
        env.send(records);
    }

    private int rows() {
        return env.jdbc().queryForObject("SELECT COUNT(*) FROM telemetry", Integer.class);
    }

    @Test
    void aConsumerKilledInsideItsTransactionAndRestartedLeavesTheRowsOfAnUninterruptedRun() throws Exception {
        env.createTopics(2);
        List<TestFrames> first = frames(0, 25);
        List<TestFrames> second = frames(25, 100);
        Path logs = Path.of("target", "crash-test");
        String[] settings = {"--gb32960.consumers.decoded.enabled=false", "--spring.kafka.consumer.max-poll-records=200"};

        send(first);
        ConsumersProcess victim = ConsumersProcess.start(env, logs.resolve("victim.log"), settings);
        try {
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(rows()).isEqualTo(first.size()));

            String lockedVin = String.format("LCRASH%011d", 0);
            try (Connection holder = env.jdbc().getDataSource().getConnection()) {
                holder.setAutoCommit(false);
                try (PreparedStatement ps = holder.prepareStatement(
                        "SELECT vin FROM vehicle_latest_state WHERE vin = ? FOR UPDATE")) {
                    ps.setString(1, lockedVin);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                    }
                }
                send(second);
                // the victim has inserted a batch's telemetry rows and waits for the lock, inside its transaction
                await().atMost(WAIT).untilAsserted(() -> assertThat(env.jdbc().queryForObject(
                        "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'", Integer.class))
                        .isPositive());
                victim.kill();
                holder.rollback();
            }
        } finally {
            victim.kill();
        }
        int afterCrash = rows();
        assertThat(afterCrash).as("the crash left the second part unfinished").isLessThan(first.size() + second.size());

        try (ConsumersProcess successor = ConsumersProcess.start(env, logs.resolve("successor.log"), settings)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(rows()).isEqualTo(first.size() + second.size()));
            List<TestFrames> all = new ArrayList<>(first);
            all.addAll(second);
            assertThat(telemetry()).isEqualTo(expectedTelemetry(all));
            assertThat(env.jdbc().queryForObject("SELECT COUNT(*) FROM alarm_event", Integer.class))
                    .isEqualTo((int) all.stream().filter(f -> f.level() > 0).count());
            assertThat(latest()).isEqualTo(expectedLatest(all));
        }
    }

    /** vin|collected_at|command|speed|sha-256(frame) of every stored row, sorted. */
    private List<String> telemetry() {
        return env.jdbc().query("SELECT vin, collected_at, command, speed_kmh, frame FROM telemetry"
                + " ORDER BY vin, collected_at, command", (rs, i) -> String.join("|", rs.getString(1),
                rs.getObject(2, LocalDateTime.class).toString(), rs.getString(3),
                rs.getBigDecimal(4).stripTrailingZeros().toPlainString(), sha256(rs.getBytes(5))));
    }

    private static List<String> expectedTelemetry(List<TestFrames> frames) {
        TreeMap<String, String> rows = new TreeMap<>();
        for (TestFrames f : frames) {
            LocalDateTime utc = f.beijingTime().minusHours(8);
            rows.put(f.vin() + utc, String.join("|", f.vin(), utc.toString(), Integer.toString(f.command().id()),
                    BigDecimal.valueOf(f.speedRaw(), 1).stripTrailingZeros().toPlainString(), sha256(f.frame())));
        }
        return new ArrayList<>(rows.values());
    }

    private Map<String, String> latest() {
        Map<String, String> out = new TreeMap<>();
        env.jdbc().query("SELECT vin, collected_at, soc FROM vehicle_latest_state", rs -> {
            out.put(rs.getString(1), rs.getObject(2, LocalDateTime.class) + "|" + rs.getInt(3));
        });
        return out;
    }

    private static Map<String, String> expectedLatest(List<TestFrames> frames) {
        Map<String, String> out = new TreeMap<>();
        Map<String, TestFrames> newest = new TreeMap<>();
        for (TestFrames f : frames) {
            newest.merge(f.vin(), f, (a, b) -> a.beijingTime().isAfter(b.beijingTime()) ? a : b);
        }
        newest.forEach((vin, f) -> out.put(vin, f.beijingTime().minusHours(8) + "|" + f.soc()));
        return out;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
