package io.gb32960.access;

import io.gb32960.access.server.NettyAccessServer;
import io.gb32960.platform.common.event.VehicleEvent;
import io.gb32960.platform.common.event.VehicleEventJson;
import io.gb32960.platform.common.kafka.Topics;
import io.gb32960.platform.common.redis.SessionStore;
import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.platform.common.registry.VehicleRegistry;
import io.gb32960.protocol.frame.Edition;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Idle connections are closed with an offline event; a node shutdown closes every connection with
 * one; with {@code iccid-mismatch=REJECT} a login with another SIM is refused.
 */
@ExtendWith(EmbeddedRedisExtension.class)
@SpringBootTest(properties = {"gb32960.access.idle-timeout=1s", "gb32960.access.iccid-mismatch=REJECT"})
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, topics = {Topics.TELEMETRY, Topics.VEHICLE_EVENTS, Topics.INVALID_FRAMES})
@DirtiesContext
class IdleAndShutdownTest {

    @Autowired
    NettyAccessServer server;
    @Autowired
    VehicleRegistry registry;
    @Autowired
    SessionStore sessions;
    @Autowired
    EmbeddedKafkaBroker broker;

    private List<VehicleEvent> events(String vin, int count) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "idle-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        List<VehicleEvent> events = new ArrayList<>();
        VehicleEventJson json = new VehicleEventJson();
        try (Consumer<String, byte[]> c = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            c.subscribe(List.of(Topics.VEHICLE_EVENTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (vin.equals(r.key())) {
                        events.add(json.fromJson(r.value()));
                    }
                }
                return events.size() >= count;
            });
        }
        return events;
    }

    @Test
    void anIdleConnectionIsClosedWithAnOfflineEvent() throws Exception {
        String vin = "LIDLE000000000001";
        registry.register(RegisteredVehicle.of(vin, "")).toCompletableFuture().join();
        try (TestTerminal t = new TestTerminal(server.port())) {
            t.send(Frames.login(Edition.V2016, vin, "")).receive();
            assertThat(t.closedByServer()).isTrue(); // nothing sent for longer than the 1 s idle timeout
        }
        VehicleEvent offline = events(vin, 3).get(2);
        assertThat(offline.type()).isEqualTo(VehicleEvent.EventType.OFFLINE);
        assertThat(offline.reason()).isEqualTo(VehicleEvent.OfflineReason.IDLE_TIMEOUT);
        await().atMost(Duration.ofSeconds(10)).until(() -> sessions.route(vin).toCompletableFuture().join().isEmpty());
    }

    @Test
    void aLoginWithAnotherIccidIsRejectedWhenConfigured() throws Exception {
        String vin = "LICCID00000000001";
        registry.register(RegisteredVehicle.of(vin, "89860000000000000009")).toCompletableFuture().join();
        try (TestTerminal t = new TestTerminal(server.port())) {
            assertThat(t.send(Frames.login(Edition.V2016, vin, "89860000000000000001")).receive().header().responseFlag())
                    .isEqualTo(io.gb32960.protocol.frame.ResponseFlag.ERROR);
            assertThat(t.closedByServer()).isTrue();
        }
        try (TestTerminal t = new TestTerminal(server.port())) {
            assertThat(t.send(Frames.login(Edition.V2016, vin, "89860000000000000009")).receive().header().responseFlag())
                    .isEqualTo(io.gb32960.protocol.frame.ResponseFlag.SUCCESS);
        }
    }

    @Test
    void stoppingTheNodeClosesConnectionsWithServerShutdownEvents() throws Exception {
        String vin = "LSTOP000000000001";
        registry.register(RegisteredVehicle.of(vin, "")).toCompletableFuture().join();
        try (TestTerminal t = new TestTerminal(server.port())) {
            t.send(Frames.login(Edition.V2025, vin, "")).receive();
            server.stop();
            assertThat(t.closedByServer()).isTrue();
        } finally {
            server.start(); // the context is dirtied anyway; keep the lifecycle consistent for its shutdown
        }
        VehicleEvent offline = events(vin, 3).get(2);
        assertThat(offline.reason()).isEqualTo(VehicleEvent.OfflineReason.SERVER_SHUTDOWN);
        await().atMost(Duration.ofSeconds(10)).until(() -> sessions.route(vin).toCompletableFuture().join().isEmpty());
    }
}
