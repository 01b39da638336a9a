package io.gb32960.access;

import io.gb32960.platform.common.kafka.Topics;
import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.platform.common.registry.VehicleRegistry;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.ResponseFlag;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis goes away while vehicles are connected: vehicles already logged in keep reporting (their
 * sessions are in the node's memory), new logins are refused with an error answer and counted,
 * and when Redis is back logins succeed again, without a restart of the node.
 */
@EmbeddedKafka(partitions = 1, topics = {Topics.TELEMETRY, Topics.VEHICLE_EVENTS, Topics.INVALID_FRAMES})
class RedisOutageTest {

    private static final String ONLINE = "LREDISOUT00000001";
    private static final String LATE = "LREDISOUT00000002";

    @TempDir
    static Path redisDir;

    private static int redisPort;
    private static RedisServer redis;
    private static ConfigurableApplicationContext node;

    @BeforeAll
    static void start() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            redisPort = s.getLocalPort();
        }
        redis = redisServer();
        redis.start();
        node = TestNodes.start("outage-node", "--spring.data.redis.port=" + redisPort,
                "--spring.data.redis.timeout=1000");
        VehicleRegistry registry = node.getBean(VehicleRegistry.class);
        registry.register(RegisteredVehicle.of(ONLINE, "")).toCompletableFuture().join();
        registry.register(RegisteredVehicle.of(LATE, "")).toCompletableFuture().join();
    }

    /** Persistent (AOF), so the registry survives the restart as a production Redis's would. */
    private static RedisServer redisServer() throws IOException {
        return RedisServer.builder().port(redisPort).setting("bind 127.0.0.1").setting("dir " + redisDir)
                .setting("appendonly yes").setting("appendfsync always").setting("save \"\"").build();
    }

    @AfterAll
    static void stop() throws IOException {
        if (node != null) {
            node.close();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    private static double redisLoginErrors() {
        Counter c = node.getBean(MeterRegistry.class).find("gb32960.login.redis.errors").counter();
        return c == null ? 0 : c.count();
    }

    private static int login(String vin) throws IOException {
        try (TestTerminal t = new TestTerminal(TestNodes.accessPort(node))) {
            return t.send(Frames.login(Edition.V2016, vin, "")).receive().header().responseFlag();
        }
    }

    @Test
    void loggedInVehiclesKeepReportingNewLoginsAreRefusedAndEverythingRecovers() throws Exception {
        Map<String, Object> props = KafkaTestUtils.consumerProps(System.getProperty("spring.embedded.kafka.brokers"),
                "outage-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer();
             TestTerminal online = new TestTerminal(TestNodes.accessPort(node))) {
            consumer.subscribe(List.of(Topics.TELEMETRY));
            assertThat(online.send(Frames.login(Edition.V2016, ONLINE, "")).receive().header().responseFlag())
                    .isEqualTo(ResponseFlag.SUCCESS);

            redis.stop();

            byte[] report = Gb32960Encoder.plain().encode(Frames.realtime(Edition.V2016, ONLINE, 42));
            online.sendRaw(report);
            assertThat(online.send(Frames.heartbeat(Edition.V2016, ONLINE)).receive().header().responseFlag())
                    .isEqualTo(ResponseFlag.SUCCESS);
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> ONLINE.equals(r.key()) && Arrays.equals(r.value(), report));
            });

            assertThat(login(LATE)).isEqualTo(ResponseFlag.ERROR);
            assertThat(redisLoginErrors()).isPositive();

            redis = redisServer();
            redis.start();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> login(LATE) == ResponseFlag.SUCCESS);
            // the vehicle that stayed online all along is still served
            assertThat(online.send(Frames.heartbeat(Edition.V2016, ONLINE)).receive().header().responseFlag())
                    .isEqualTo(ResponseFlag.SUCCESS);
        }
    }
}
