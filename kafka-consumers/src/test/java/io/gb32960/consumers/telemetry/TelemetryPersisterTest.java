package io.gb32960.consumers.telemetry;

import io.gb32960.consumers.support.ConsumersApp;
import io.gb32960.consumers.support.ConsumersInfra;
import io.gb32960.consumers.support.TestEnv;
import io.gb32960.consumers.support.TestFrames;
import io.gb32960.platform.common.kafka.Topics;
import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.crypto.Ciphers;
import io.gb32960.protocol.crypto.SignatureSigner;
import io.gb32960.protocol.crypto.Signatures;
import io.gb32960.protocol.crypto.Sm2Keys;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.json.Gb32960Json;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.wire.Bytes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.client.codec.StringCodec;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The telemetry persister end to end: a real broker, Redis and database, the whole application. */
@ExtendWith(ConsumersInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelemetryPersisterTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 21, 10, 30, 15); // Beijing time
    private final TestEnv env;
    private ConsumersApp app;

    TelemetryPersisterTest(TestEnv env) {
        this.env = env;
    }

    @BeforeAll
    void start() {
        env.createTopics(2);
        app = ConsumersApp.start(env);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private void send(byte[]... frames) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (byte[] f : frames) {
            records.add(env.telemetryRecord(f, Instant.now()));
        }
        env.send(records);
    }

    private int rows(String vin) {
        return env.jdbc().queryForObject("SELECT COUNT(*) FROM telemetry WHERE vin = ?", Integer.class, vin);
    }

    private void awaitRows(String vin, int n) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(rows(vin)).isEqualTo(n));
    }

    @Test
    void bothEditionsAreStoredWithKeyColumnsAndTheWholeFrame() {
        byte[] f2016 = TestFrames.realtime(Edition.V2016, "LPERSIST000002016", T0).frame();
        byte[] f2025 = TestFrames.realtime(Edition.V2025, "LPERSIST000002025", T0).frame();
        Instant received = Instant.parse("2026-11-21T02:30:16.789Z");
        env.send(List.of(env.telemetryRecord(f2016, received), env.telemetryRecord(f2025, received)));
        awaitRows("LPERSIST000002016", 1);
        awaitRows("LPERSIST000002025", 1);

        for (String vin : List.of("LPERSIST000002016", "LPERSIST000002025")) {
            Map<String, Object> row = env.jdbc().queryForMap("SELECT * FROM telemetry WHERE vin = ?", vin);
            assertThat(row.get("collected_at")).isEqualTo(T0.minusHours(8)); // UTC
            assertThat(row.get("received_at")).isEqualTo(LocalDateTime.of(2026, 11, 21, 2, 30, 16, 789_000_000));
            assertThat(row.get("command")).isEqualTo(2);
            assertThat(row.get("node")).isEqualTo(TestEnv.NODE);
            assertThat((BigDecimal) row.get("speed_kmh")).isEqualByComparingTo("52.3");
            assertThat(row.get("soc")).isEqualTo(76);
            assertThat((BigDecimal) row.get("odometer_km")).isEqualByComparingTo("123456.7");
            assertThat((BigDecimal) row.get("voltage_v")).isEqualByComparingTo("380.0");
            assertThat((BigDecimal) row.get("current_a")).isEqualByComparingTo("15.0");
            assertThat((BigDecimal) row.get("longitude")).isEqualByComparingTo("121.473701");
            assertThat((BigDecimal) row.get("latitude")).isEqualByComparingTo("31.230416");
            assertThat(row.get("alarm_level")).isEqualTo(0);
            assertThat(row.get("encryption")).isEqualTo(1);
        }
        assertThat(env.jdbc().queryForMap("SELECT edition, signature FROM telemetry WHERE vin = 'LPERSIST000002016'"))
                .containsEntry("edition", 2016).containsEntry("signature", 0);
        assertThat(env.jdbc().queryForMap("SELECT edition, signature FROM telemetry WHERE vin = 'LPERSIST000002025'"))
                .containsEntry("edition", 2025).containsEntry("signature", 3); // present, no key: not checked

        // the admin backend shows every decoded field of a stored frame: the stored bytes are the frame
        Gb32960Json json = new Gb32960Json();
        for (byte[] sent : List.of(f2016, f2025)) {
            String vin = Gb32960Decoder.checkFrame(sent, 0, sent.length).vin();
            byte[] stored = env.jdbc().queryForObject("SELECT frame FROM telemetry WHERE vin = ?", byte[].class, vin);
            assertThat(stored).isEqualTo(sent);
            assertThat(json.toJson(Gb32960Decoder.uplink().decode(stored)))
                    .isEqualTo(json.toJson(Gb32960Decoder.uplink().decode(sent)))
                    .contains("\"cellVoltages\"", "\"probeTemperatures\"", "\"motors\"");
        }
        assertThat(env.jdbc().queryForObject("SELECT COUNT(*) FROM vehicle_latest_state WHERE vin LIKE 'LPERSIST%'",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void aReissuedOldFrameNeverMovesTheLatestStateBack() {
        String vin = "LREISSUE000000001";
        TestFrames now = TestFrames.realtime(Edition.V2016, vin, T0.plusMinutes(10)).speed(600);
        TestFrames old = TestFrames.realtime(Edition.V2016, vin, T0).speed(100).reissue();
        send(now.frame(), old.frame());
        awaitRows(vin, 2);
        Map<String, Object> state = env.jdbc().queryForMap("SELECT * FROM vehicle_latest_state WHERE vin = ?", vin);
        assertThat(state.get("collected_at")).isEqualTo(T0.plusMinutes(10).minusHours(8));
        assertThat((BigDecimal) state.get("speed_kmh")).isEqualByComparingTo("60.0");
        assertThat(state.get("command")).isEqualTo(2);

        // an older reissue in a later batch: still no step back
        send(TestFrames.realtime(Edition.V2016, vin, T0.plusMinutes(5)).speed(300).reissue().frame());
        awaitRows(vin, 3);
        assertThat((BigDecimal) env.jdbc().queryForObject("SELECT speed_kmh FROM vehicle_latest_state WHERE vin = ?",
                BigDecimal.class, vin)).isEqualByComparingTo("60.0");

        // a newer frame moves it forward
        send(TestFrames.realtime(Edition.V2016, vin, T0.plusMinutes(11)).speed(700).frame());
        awaitRows(vin, 4);
        await().atMost(WAIT).untilAsserted(() -> assertThat((BigDecimal) env.jdbc().queryForObject(
                "SELECT speed_kmh FROM vehicle_latest_state WHERE vin = ?", BigDecimal.class, vin)).isEqualByComparingTo("70.0"));
    }

    @Test
    void alarmsAreStoredWithFlagNamesAndFaultCodes() {
        String v16 = "LALARM00000002016";
        String v25 = "LALARM00000002025";
        long insulationAndSocLow = (1L << 11) | (1L << 4);
        send(TestFrames.realtime(Edition.V2016, v16, T0).alarm(2, insulationAndSocLow, 0xABCD1234L).frame(),
                TestFrames.realtime(Edition.V2016, v16, T0.plusSeconds(10)).frame(), // no alarm: no row
                TestFrames.realtime(Edition.V2025, v25, T0).alarm(4, 1L << 23).frame());
        awaitRows(v16, 2);
        awaitRows(v25, 1);

        Map<String, Object> a16 = env.jdbc().queryForMap("SELECT * FROM alarm_event WHERE vin = ?", v16);
        assertThat(a16.get("max_level")).isEqualTo(2);
        assertThat(a16.get("flags")).isEqualTo("socLow,insulation");
        assertThat(((Number) a16.get("flag_bits")).longValue()).isEqualTo(insulationAndSocLow);
        assertThat((String) a16.get("fault_codes")).isEqualTo(
                "{\"storage\":[\"ABCD1234\"],\"motor\":[],\"engine\":[],\"other\":[]}");
        assertThat(a16.get("flag_levels")).isNull();
        assertThat(env.jdbc().queryForObject("SELECT COUNT(*) FROM alarm_event WHERE vin = ?", Integer.class, v16)).isEqualTo(1);

        Map<String, Object> a25 = env.jdbc().queryForMap("SELECT * FROM alarm_event WHERE vin = ?", v25);
        assertThat(a25.get("max_level")).isEqualTo(4);
        assertThat(a25.get("flags")).isEqualTo("thermalEvent");
        assertThat((String) a25.get("flag_levels")).isEqualTo("[{\"bit\":23,\"flag\":\"thermalEvent\",\"level\":4}]");
        assertThat(env.jdbc().queryForObject("SELECT alarm_level FROM telemetry WHERE vin = ?", Integer.class, v25)).isEqualTo(4);
    }

    @Test
    void producingTheSameRecordsTwiceLeavesTheSameRows() {
        List<byte[]> frames = new ArrayList<>();
        for (int v = 0; v < 20; v++) {
            for (int i = 0; i < 10; i++) {
                TestFrames f = TestFrames.realtime(v % 2 == 0 ? Edition.V2016 : Edition.V2025,
                        String.format("LREPLAY%010d", v), T0.plusSeconds(10L * i));
                frames.add((i == 3 ? f.alarm(1, 1) : f).frame());
            }
        }
        send(frames.toArray(byte[][]::new));
        await().atMost(WAIT).untilAsserted(() -> assertThat(count("telemetry")).isEqualTo(200));
        List<Map<String, Object>> before = snapshot();
        double duplicatesBefore = app.count("gb32960.telemetry.duplicates");

        send(frames.toArray(byte[][]::new));
        await().atMost(WAIT).untilAsserted(() -> assertThat(app.count("gb32960.telemetry.duplicates") - duplicatesBefore)
                .isEqualTo(200));
        assertThat(count("telemetry")).isEqualTo(200);
        assertThat(snapshot()).isEqualTo(before);
    }

    private int count(String table) {
        return env.jdbc().queryForObject("SELECT COUNT(*) FROM " + table + " WHERE vin LIKE 'LREPLAY%'", Integer.class);
    }

    private List<Map<String, Object>> snapshot() {
        List<Map<String, Object>> all = new ArrayList<>();
        all.addAll(env.jdbc().queryForList("SELECT vin, collected_at, command, speed_kmh, alarm_level, MD5(frame) f"
                + " FROM telemetry WHERE vin LIKE 'LREPLAY%' ORDER BY vin, collected_at, command"));
        all.addAll(env.jdbc().queryForList("SELECT vin, collected_at, max_level, flags FROM alarm_event"
                + " WHERE vin LIKE 'LREPLAY%' ORDER BY vin, collected_at"));
        all.addAll(env.jdbc().queryForList("SELECT vin, collected_at, speed_kmh FROM vehicle_latest_state"
                + " WHERE vin LIKE 'LREPLAY%' ORDER BY vin"));
        return all;
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicWithTheirReasonAndDoNotBlockThePartition() {
        String vin = "LPOISON0000000001";
        byte[] good1 = TestFrames.realtime(Edition.V2016, vin, T0).frame();
        byte[] badBcc = TestFrames.realtime(Edition.V2016, vin, T0.plusSeconds(10)).frame();
        badBcc[badBcc.length - 1] ^= 0x55;
        byte[] notAFrame = "hello".getBytes(StandardCharsets.US_ASCII);
        byte[] noKey = TestFrames.encrypted(TestFrames.realtime(Edition.V2016, vin, T0.plusSeconds(20)).report(),
                EncryptionType.AES128, Ciphers.aesCbc(new byte[16], new byte[16]));
        byte[] good2 = TestFrames.realtime(Edition.V2016, vin, T0.plusSeconds(30)).frame();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (byte[] f : List.of(good1, badBcc, noKey, good2)) {
            records.add(env.telemetryRecord(f, Instant.now()));
        }
        records.add(new ProducerRecord<>(env.topics().telemetry(), vin, notAFrame));
        records.add(new ProducerRecord<>(env.topics().telemetry(), "LOTHERVIN00000001",
                TestFrames.realtime(Edition.V2016, vin, T0.plusSeconds(40)).frame()));
        records.add(new ProducerRecord<>(env.topics().telemetry(), vin, null));
        env.send(records);

        awaitRows(vin, 2);
        List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            dead.clear();
            env.read(env.topics().telemetryDlt(), Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                    .filter(r -> vin.equals(r.key()) || "LOTHERVIN00000001".equals(r.key())).forEach(dead::add);
            assertThat(dead).hasSize(5);
        });
        assertThat(dead).extracting(r -> TestEnv.header(r, Topics.HEADER_REASON))
                .containsExactlyInAnyOrder("DECODE_FAILED", "NO_KEY", "DECODE_FAILED", "VIN_MISMATCH", "EMPTY");
        assertThat(dead).filteredOn(r -> r.value() != null && r.value().length > 5)
                .allSatisfy(r -> assertThat(TestEnv.header(r, "detail")).isNotBlank());
        assertThat(dead).anySatisfy(r -> assertThat(r.value()).isEqualTo(badBcc));
        assertThat(dead).anySatisfy(r -> assertThat(TestEnv.header(r, Topics.HEADER_NODE)).isEqualTo(TestEnv.NODE));
        assertThat(app.count("gb32960.consumer.dead.letters", "reason", "DECODE_FAILED")).isEqualTo(2);
        assertThat(app.count("gb32960.consumer.dead.letters", "reason", "NO_KEY")).isEqualTo(1);
    }

    @Test
    void encryptedFramesDecryptWithTheExchangedKeyAndSignaturesVerifyWithTheActivationKey() {
        String aesVin = "LCRYPTO0000000AES";
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        env.redis().getMap(RedisKeys.dataKey(aesVin), StringCodec.INSTANCE)
                .putAll(Map.of("type", "AES128", "key", Bytes.of(key).toHex()));
        TelemetryReport plain = TestFrames.realtime(Edition.V2016, aesVin, T0).report();
        byte[] encrypted = TestFrames.encrypted(plain, EncryptionType.AES128, Ciphers.aesCbc(key, new byte[16]));

        String sm2Vin = "LCRYPTO0000000SM2";
        KeyPair pair = Sm2Keys.generate(new SecureRandom());
        env.redis().getBucket(RedisKeys.publicKey(sm2Vin), StringCodec.INSTANCE)
                .set(Bytes.of(Sm2Keys.encodePublic(pair.getPublic())).toHex());
        SignatureSigner signer = Signatures.sm2Signer(pair.getPrivate());
        byte[] signed = TestFrames.ENCODER.encode(TestFrames.realtime(Edition.V2025, sm2Vin, T0).signedReport(signer));
        SignatureSigner impostor = Signatures.sm2Signer(Sm2Keys.generate(new SecureRandom()).getPrivate());
        byte[] forged = TestFrames.ENCODER.encode(TestFrames.realtime(Edition.V2025, sm2Vin, T0.plusSeconds(10))
                .signedReport(impostor));

        send(encrypted, signed, forged);
        awaitRows(aesVin, 1);
        awaitRows(sm2Vin, 1);
        Map<String, Object> aes = env.jdbc().queryForMap("SELECT encryption, frame FROM telemetry WHERE vin = ?", aesVin);
        assertThat(aes.get("encryption")).isEqualTo(EncryptionType.AES128.id());
        assertThat((byte[]) aes.get("frame")).as("stored decrypted, readable without keys")
                .isEqualTo(TestFrames.ENCODER.encode(plain));
        assertThat(env.jdbc().queryForObject("SELECT signature FROM telemetry WHERE vin = ?", Integer.class, sm2Vin))
                .isEqualTo(1); // verified
        List<ConsumerRecord<String, byte[]>> dead = env.read(env.topics().telemetryDlt(), 1, WAIT).stream()
                .filter(r -> sm2Vin.equals(r.key())).toList();
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(TestEnv.header(r, Topics.HEADER_REASON)).isEqualTo("SIGNATURE_FAILED");
            assertThat(r.value()).isEqualTo(forged);
        });
    }

    @Test
    void theDecodedStreamCarriesEveryStoredFrameAsJson() {
        String vin = "LDECODED000000001";
        send(TestFrames.realtime(Edition.V2016, vin, T0).frame(), TestFrames.realtime(Edition.V2025, vin, T0.plusSeconds(10)).frame());
        await().atMost(WAIT).untilAsserted(() -> assertThat(env.read(env.topics().decoded(), Integer.MAX_VALUE,
                Duration.ofSeconds(2)).stream().filter(r -> vin.equals(r.key())).count()).isEqualTo(2));
        List<String> json = env.read(env.topics().decoded(), Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                .filter(r -> vin.equals(r.key())).map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
        assertThat(json).anySatisfy(j -> assertThat(j).contains("\"edition\":\"2016\"", "\"collectedAt\":\"2026-11-21T10:30:15+08:00\"",
                "\"speedKmh\":52.3"));
        assertThat(json).anySatisfy(j -> assertThat(j).contains("\"edition\":\"2025\"", "\"signature\""));
    }

    @Test
    void metricsCountRecordsBatchesWritesLagAndDeadLetters() {
        String vin = "LMETRICS000000001";
        send(TestFrames.realtime(Edition.V2016, vin, T0).frame());
        awaitRows(vin, 1);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(app.count("gb32960.consumer.records", "listener", "telemetry", "outcome", "stored")).isPositive();
            assertThat(app.meters().get("gb32960.consumer.batch.size").tag("listener", "telemetry").summary().count())
                    .isPositive();
            assertThat(app.meters().get("gb32960.consumer.db.write").tag("listener", "telemetry").timer().count())
                    .isPositive();
            assertThat(app.meters().get("gb32960.telemetry.delay").timer().count()).isPositive();
            assertThat(app.meters().find("kafka.consumer.fetch.manager.records.lag").tag("topic", env.topics().telemetry())
                    .tagKeys("partition").gauges()).isNotEmpty();
        });
    }
}
