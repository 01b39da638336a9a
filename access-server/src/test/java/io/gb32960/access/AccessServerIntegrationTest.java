package io.gb32960.access;

import io.gb32960.access.server.NettyAccessServer;
import io.gb32960.platform.common.event.VehicleEvent;
import io.gb32960.platform.common.event.VehicleEventJson;
import io.gb32960.platform.common.kafka.Topics;
import io.gb32960.platform.common.redis.SessionStore;
import io.gb32960.platform.common.registry.PlatformAccount;
import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.platform.common.registry.VehicleRegistry;
import io.gb32960.platform.common.security.HashedSecret;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.platform.common.cluster.NodeRegistry;
import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.message.Activation;
import io.gb32960.protocol.message.ActivationResponse;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.KeyExchange;
import io.gb32960.protocol.message.Response;
import io.gb32960.protocol.message.Signature;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.FixedString;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The access node over real TCP, with a real Redis and a real (embedded KRaft) Kafka. */
@ExtendWith(EmbeddedRedisExtension.class)
@SpringBootTest(properties = "gb32960.access.max-bad-frames=3")
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, topics = {Topics.TELEMETRY, Topics.VEHICLE_EVENTS, Topics.INVALID_FRAMES})
class AccessServerIntegrationTest {

    private static final AtomicInteger VINS = new AtomicInteger();

    @Autowired
    NettyAccessServer server;
    @Autowired
    VehicleRegistry registry;
    @Autowired
    SessionStore sessions;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    RedissonClient redis;
    @Autowired
    NodeRegistry nodes;

    private Consumer<String, byte[]> consumer;

    @BeforeEach
    void consume() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "it-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
        consumer.subscribe(List.of(Topics.TELEMETRY, Topics.VEHICLE_EVENTS, Topics.INVALID_FRAMES));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    private static String newVin() {
        return String.format("LTEST%012d", VINS.incrementAndGet());
    }

    private String registered(String iccid) {
        String vin = newVin();
        registry.register(RegisteredVehicle.of(vin, iccid)).toCompletableFuture().join();
        return vin;
    }

    private TestTerminal connect() throws Exception {
        return new TestTerminal(server.port());
    }

    /** Records of {@code topic} and {@code key}, polled until {@code count} arrived. */
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, String key, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return matching(topic, key).size() >= count;
        });
        return matching(topic, key);
    }

    private List<ConsumerRecord<String, byte[]>> matching(String topic, String key) {
        return seen.stream().filter(r -> r.topic().equals(topic) && key.equals(r.key())).toList();
    }

    private List<VehicleEvent> events(String vin, int count) {
        VehicleEventJson json = new VehicleEventJson();
        return awaitRecords(Topics.VEHICLE_EVENTS, vin, count).stream().map(r -> json.fromJson(r.value())).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.US_ASCII);
    }

    @Test
    void aRegisteredVehicleLogsInAndGetsHeartbeatAndCalibrationAnswers() throws Exception {
        String vin = registered("89860000000000000001");
        try (TestTerminal t = connect()) {
            Gb32960Message login = t.send(Frames.login(Edition.V2016, vin, "89860000000000000001")).receive();
            assertThat(login).isInstanceOf(Response.class);
            assertThat(login.header().responseFlag()).isEqualTo(ResponseFlag.SUCCESS);
            assertThat(((Response) login).time()).isEqualTo(Frames.TIME); // time-only, the request's time

            Response heartbeat = (Response) t.send(Frames.heartbeat(Edition.V2016, vin)).receive();
            assertThat(heartbeat.header().responseFlag()).isEqualTo(ResponseFlag.SUCCESS);
            Response calibration = (Response) t.send(Frames.calibration(Edition.V2016, vin)).receive();
            assertThat(calibration.header().command()).isEqualTo(0x08);
            assertThat(calibration.time().toOffsetDateTime().toInstant())
                    .isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now().plusSeconds(60));

            assertThat(sessions.route(vin).toCompletableFuture().join()).contains("test-node");
            assertThat(events(vin, 2)).extracting(VehicleEvent::type)
                    .containsExactly(VehicleEvent.EventType.LOGIN, VehicleEvent.EventType.ONLINE);
        }
    }

    @Test
    void realtimeFramesArriveInKafkaByteForByteWithKeyAndHeaders() throws Exception {
        String vin = registered("");
        for (Edition edition : Edition.values()) {
            try (TestTerminal t = connect()) {
                t.send(Frames.login(edition, vin, "89860000000000000002")).receive();
                byte[] first = Gb32960Encoder.plain().encode(Frames.realtime(edition, vin, 100));
                byte[] second = Gb32960Encoder.plain().encode(Frames.realtime(edition, vin, 200));
                t.sendRaw(first).sendRaw(second);
                List<ConsumerRecord<String, byte[]>> records = awaitRecords(Topics.TELEMETRY, vin,
                        edition == Edition.V2016 ? 2 : 4);
                ConsumerRecord<String, byte[]> a = records.get(records.size() - 2);
                ConsumerRecord<String, byte[]> b = records.get(records.size() - 1);
                assertThat(a.value()).isEqualTo(first);
                assertThat(b.value()).isEqualTo(second);
                assertThat(header(a, Topics.HEADER_COMMAND)).isEqualTo("2");
                assertThat(header(a, Topics.HEADER_EDITION)).isEqualTo(edition.label());
                assertThat(header(a, Topics.HEADER_NODE)).isEqualTo("test-node");
                assertThat(Long.parseLong(header(a, Topics.HEADER_RECEIVED_AT))).isPositive();
            }
        }
    }

    @Test
    void unregisteredVinsAreRefusedPerEdition() throws Exception {
        try (TestTerminal t = connect()) {
            Gb32960Message answer = t.send(Frames.login(Edition.V2016, newVin(), "")).receive();
            assertThat(answer.header().responseFlag()).isEqualTo(ResponseFlag.ERROR);
            assertThat(t.closedByServer()).isTrue();
        }
        try (TestTerminal t = connect()) {
            Gb32960Message answer = t.send(Frames.login(Edition.V2025, newVin(), "")).receive();
            assertThat(answer.header().responseFlag()).isEqualTo(ResponseFlag.VIN_NOT_FOUND);
            assertThat(t.closedByServer()).isTrue();
        }
    }

    @Test
    void theNodeRegistersItselfWithLiveCounts() throws Exception {
        String vin = registered("");
        try (TestTerminal t = connect()) {
            t.send(Frames.login(Edition.V2016, vin, "")).receive();
            await().atMost(Duration.ofSeconds(10)).until(() -> nodes.liveNodes().toCompletableFuture().join().stream()
                    .anyMatch(n -> n.nodeId().equals("test-node") && n.port() == server.port() && n.vehicles() >= 1));
        }
    }

    @Test
    void aDisabledVehicleIsRefused() throws Exception {
        String vin = newVin();
        registry.register(new RegisteredVehicle(vin, "", "", null, null, false)).toCompletableFuture().join();
        try (TestTerminal t = connect()) {
            assertThat(t.send(Frames.login(Edition.V2016, vin, "")).receive().header().responseFlag())
                    .isEqualTo(ResponseFlag.ERROR);
            assertThat(t.closedByServer()).isTrue();
        }
    }

    @Test
    void activationStoresThePublicKeyAndKeyExchangeTheDataKey() throws Exception {
        String vin = registered("");
        Bytes publicKey = Bytes.fromHex("04" + "11".repeat(64));
        try (TestTerminal t = connect()) {
            Activation activation = new Activation(Frames.header(Edition.V2025, CommandId.ACTIVATION, vin), Frames.TIME,
                    FixedString.of("CHIP000000000001", 16), publicKey, FixedString.of(vin, 17),
                    new Signature(Signature.SM2, Bytes.fromHex("aa".repeat(32)), Bytes.fromHex("bb".repeat(32))));
            Gb32960Message answer = t.send(activation).receive();
            assertThat(answer).isInstanceOf(ActivationResponse.class);
            assertThat(((ActivationResponse) answer).status()).isEqualTo(ActivationResponse.SUCCESS);
            assertThat(redis.<String>getBucket(RedisKeys.publicKey(vin), StringCodec.INSTANCE).get())
                    .isEqualTo(publicKey.toHex());

            t.send(Frames.login(Edition.V2025, vin, "")).receive();
            KeyExchange exchange = new KeyExchange(Frames.header(Edition.V2025, CommandId.KEY_EXCHANGE, vin), 0x05,
                    Bytes.fromHex("000102030405060708090a0b0c0d0e0f"), Frames.TIME, DataTime.of(2027, 11, 21, 8, 0, 0));
            assertThat(t.send(exchange).receive().header().responseFlag()).isEqualTo(ResponseFlag.SUCCESS);
            assertThat(redis.<String, String>getMap(RedisKeys.dataKey(vin), StringCodec.INSTANCE).get("key"))
                    .isEqualTo("000102030405060708090a0b0c0d0e0f");
        }
        try (TestTerminal t = connect()) {
            Activation unknown = new Activation(Frames.header(Edition.V2025, CommandId.ACTIVATION, newVin()), Frames.TIME,
                    FixedString.of("CHIP000000000002", 16), publicKey, FixedString.of("X", 17),
                    new Signature(Signature.SM2, Bytes.fromHex("aa"), Bytes.fromHex("bb")));
            assertThat(((ActivationResponse) t.send(unknown).receive()).status()).isEqualTo(ActivationResponse.FAILURE);
        }
    }

    @Test
    void framesBeforeLoginCloseTheConnection() throws Exception {
        String vin = registered("");
        for (Gb32960Message early : List.<Gb32960Message>of(Frames.realtime(Edition.V2016, vin, 1),
                Frames.heartbeat(Edition.V2016, vin), Frames.calibration(Edition.V2025, vin),
                Frames.logout(Edition.V2016, vin))) {
            try (TestTerminal t = connect()) {
                t.send(early);
                assertThat(t.closedByServer()).as(early.header().commandName()).isTrue();
            }
        }
    }

    @Test
    void dataWithoutLoginResumesASessionLeftInRedis() throws Exception {
        // a session written by this node before a restart: its connection id is of the old start
        String vin = registered("");
        sessions.put(new SessionStore.Session(vin, "test-node", "before-restart-1", java.time.Instant.now()),
                Duration.ofMinutes(5)).toCompletableFuture().join();
        try (TestTerminal t = connect()) {
            byte[] frame = Gb32960Encoder.plain().encode(Frames.realtime(Edition.V2016, vin, 7));
            t.sendRaw(frame).send(Frames.heartbeat(Edition.V2016, vin));
            assertThat(t.receive().header().responseFlag()).isEqualTo(ResponseFlag.SUCCESS);
            assertThat(awaitRecords(Topics.TELEMETRY, vin, 1).get(0).value()).isEqualTo(frame);
            SessionStore.Owner owner = sessions.owner(vin).toCompletableFuture().join().orElseThrow();
            assertThat(owner.node()).isEqualTo("test-node");
            assertThat(owner.connection()).isNotEqualTo("before-restart-1");
            assertThat(events(vin, 1)).extracting(VehicleEvent::type).containsExactly(VehicleEvent.EventType.ONLINE);
        }
    }

    @Test
    void dataWithoutLoginOnASecondConnectionTakesTheSessionOver() throws Exception {
        String vin = registered("");
        try (TestTerminal first = connect(); TestTerminal second = connect()) {
            first.send(Frames.login(Edition.V2025, vin, "")).receive();
            assertThat(second.send(Frames.heartbeat(Edition.V2025, vin)).receive().header().responseFlag())
                    .isEqualTo(ResponseFlag.SUCCESS);
            assertThat(first.closedByServer()).isTrue();
            assertThat(second.send(Frames.calibration(Edition.V2025, vin)).receive().header().command()).isEqualTo(0x08);
        }
    }

    @Test
    void aSecondLoginKicksTheFirstConnection() throws Exception {
        String vin = registered("");
        try (TestTerminal first = connect(); TestTerminal second = connect()) {
            assertThat(first.send(Frames.login(Edition.V2016, vin, "")).receive().header().responseFlag())
                    .isEqualTo(ResponseFlag.SUCCESS);
            assertThat(second.send(Frames.login(Edition.V2016, vin, "")).receive().header().responseFlag())
                    .isEqualTo(ResponseFlag.SUCCESS);
            assertThat(first.closedByServer()).isTrue();
            assertThat(events(vin, 5)).extracting(VehicleEvent::type, VehicleEvent::reason).contains(
                    org.assertj.core.groups.Tuple.tuple(VehicleEvent.EventType.OFFLINE, VehicleEvent.OfflineReason.KICKED));
            // the new connection still works
            assertThat(second.send(Frames.heartbeat(Edition.V2016, vin)).receive().header().responseFlag())
                    .isEqualTo(ResponseFlag.SUCCESS);
        }
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        String vin = registered("");
        try (TestTerminal t = connect()) {
            t.send(Frames.login(Edition.V2025, vin, "")).receive();
            assertThat(t.send(Frames.logout(Edition.V2025, vin)).receive().header().responseFlag())
                    .isEqualTo(ResponseFlag.SUCCESS);
            await().atMost(Duration.ofSeconds(10)).until(() -> sessions.route(vin).toCompletableFuture().join().isEmpty());
            assertThat(events(vin, 4)).extracting(VehicleEvent::type).containsSubsequence(
                    VehicleEvent.EventType.LOGOUT, VehicleEvent.EventType.OFFLINE);
        }
    }

    @Test
    void closingTheConnectionPublishesOfflineAndReleasesTheRoute() throws Exception {
        String vin = registered("");
        try (TestTerminal t = connect()) {
            t.send(Frames.login(Edition.V2016, vin, "")).receive();
        }
        List<VehicleEvent> events = events(vin, 3);
        assertThat(events.get(2).type()).isEqualTo(VehicleEvent.EventType.OFFLINE);
        assertThat(events.get(2).reason()).isEqualTo(VehicleEvent.OfflineReason.CONNECTION_CLOSED);
        await().atMost(Duration.ofSeconds(10)).until(() -> sessions.route(vin).toCompletableFuture().join().isEmpty());
    }

    @Test
    void badInputIsAnsweredCountedDiagnosedAndEndsTheConnection() throws Exception {
        String vin = registered("");
        try (TestTerminal t = connect()) {
            t.send(Frames.login(Edition.V2016, vin, "")).receive();
            byte[] frame = Gb32960Encoder.plain().encode(Frames.realtime(Edition.V2016, vin, 5));
            frame[frame.length - 1] ^= 0x5A; // wrong BCC
            t.sendRaw(new byte[] {1, 2, 3}).sendRaw(frame);
            Gb32960Message answer = t.receive();
            assertThat(answer.header().responseFlag()).isEqualTo(ResponseFlag.ERROR); // the terminal resends
            assertThat(awaitRecords(Topics.INVALID_FRAMES, vin, 1).get(0).headers().lastHeader(Topics.HEADER_REASON).value())
                    .asString(StandardCharsets.US_ASCII).isEqualTo("BAD_BCC");
            t.sendRaw(frame); // third bad input: max-bad-frames=3
            assertThat(t.closedByServer()).isTrue();
        }
        assertThat(events(vin, 3).get(2).reason()).isEqualTo(VehicleEvent.OfflineReason.BAD_INPUT);
    }

    @Test
    void aPlatformForwardsFramesOfItsRegisteredVehicles() throws Exception {
        registry.saveAccount(new PlatformAccount("upstream1", HashedSecret.of("s3cret-pass"), true))
                .toCompletableFuture().join();
        String vin1 = registered("");
        String vin2 = registered("");
        String unregistered = newVin();
        try (TestTerminal bad = connect()) {
            Gb32960Message answer = bad.send(Frames.platformLogin("PLATFORM000000001", "upstream1", "wrong")).receive();
            assertThat(answer.header().responseFlag()).isEqualTo(ResponseFlag.ERROR);
            assertThat(bad.closedByServer()).isTrue();
        }
        try (TestTerminal p = connect()) {
            assertThat(p.send(Frames.platformLogin("PLATFORM000000001", "upstream1", "s3cret-pass")).receive()
                    .header().responseFlag()).isEqualTo(ResponseFlag.SUCCESS);
            byte[] f1 = Gb32960Encoder.plain().encode(Frames.realtime(Edition.V2016, vin1, 10));
            byte[] f2 = Gb32960Encoder.plain().encode(Frames.realtime(Edition.V2016, vin2, 20));
            byte[] f3 = Gb32960Encoder.plain().encode(Frames.realtime(Edition.V2016, unregistered, 30));
            p.sendRaw(f1).sendRaw(f3).sendRaw(f2);
            assertThat(awaitRecords(Topics.TELEMETRY, vin1, 1).get(0).value()).isEqualTo(f1);
            assertThat(awaitRecords(Topics.TELEMETRY, vin2, 1).get(0).value()).isEqualTo(f2);
            assertThat(awaitRecords(Topics.INVALID_FRAMES, unregistered, 1)).hasSize(1);
            assertThat(matching(Topics.TELEMETRY, unregistered)).isEmpty();
            assertThat(p.send(Frames.heartbeat(Edition.V2016, "PLATFORM000000001")).receive().header().responseFlag())
                    .isEqualTo(ResponseFlag.SUCCESS);
        }
    }

    @Test
    void repeatedPlatformLoginFailuresAreBlocked() throws Exception {
        registry.saveAccount(new PlatformAccount("upstream2", HashedSecret.of("right"), true)).toCompletableFuture().join();
        for (int i = 0; i < 5; i++) {
            try (TestTerminal t = connect()) {
                t.send(Frames.platformLogin("PLATFORM000000002", "upstream2", "wrong" + i)).receive();
            }
        }
        try (TestTerminal t = connect()) {
            // even the right password is refused while the limit holds
            Gb32960Message answer = t.send(Frames.platformLogin("PLATFORM000000002", "upstream2", "right")).receive();
            assertThat(answer.header().responseFlag()).isEqualTo(ResponseFlag.ERROR);
        }
    }
}
