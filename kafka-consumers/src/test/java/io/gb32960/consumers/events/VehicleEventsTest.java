package io.gb32960.consumers.events;

import io.gb32960.consumers.support.ConsumersApp;
import io.gb32960.consumers.support.ConsumersInfra;
import io.gb32960.consumers.support.TestEnv;
import io.gb32960.platform.common.event.VehicleEvent;
import io.gb32960.platform.common.event.VehicleEvent.EventType;
import io.gb32960.platform.common.event.VehicleEvent.OfflineReason;
import io.gb32960.platform.common.event.VehicleEventJson;
import io.gb32960.platform.common.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Vehicle events to the online log and the online state, with a real broker and database. */
@ExtendWith(ConsumersInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VehicleEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant T1 = Instant.parse("2026-11-21T02:00:00.123456Z");
    private final TestEnv env;
    private final VehicleEventJson json = new VehicleEventJson();
    private ConsumersApp app;

    VehicleEventsTest(TestEnv env) {
        this.env = env;
    }

    @BeforeAll
    void start() {
        env.createTopics(2);
        app = ConsumersApp.start(env, "--gb32960.consumers.telemetry.enabled=false",
                "--gb32960.consumers.decoded.enabled=false");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private void send(VehicleEvent... events) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (VehicleEvent e : events) {
            records.add(new ProducerRecord<>(env.topics().events(), e.vin(), json.toJson(e)));
        }
        env.send(records);
    }

    private int logRows(String vin) {
        return env.jdbc().queryForObject("SELECT COUNT(*) FROM vehicle_online_log WHERE vin = ?", Integer.class, vin);
    }

    private Map<String, Object> state(String vin) {
        return env.jdbc().queryForMap("SELECT * FROM vehicle_online_state WHERE vin = ?", vin);
    }

    private static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    @Test
    void loginThenLogoutIsLoggedAndLeavesTheVehicleOffline() {
        String vin = "LEVENTS0000000001";
        send(new VehicleEvent(vin, EventType.LOGIN, null, "node-a", "10.0.0.1:50000", T1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(logRows(vin)).isEqualTo(1));
        assertThat(state(vin)).containsEntry("online", true).containsEntry("node", "node-a")
                .containsEntry("since", utc(T1)).containsEntry("remote", "10.0.0.1:50000");

        Instant t2 = T1.plusSeconds(600);
        send(new VehicleEvent(vin, EventType.LOGOUT, null, "node-a", "10.0.0.1:50000", t2),
                new VehicleEvent(vin, EventType.OFFLINE, OfflineReason.LOGOUT, "node-a", "10.0.0.1:50000", t2.plusMillis(5)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(logRows(vin)).isEqualTo(3));
        assertThat(state(vin)).containsEntry("online", false).containsEntry("since", utc(t2))
                .containsEntry("reason", "LOGOUT").containsEntry("last_event", "OFFLINE")
                .containsEntry("last_seen", utc(t2.plusMillis(5)));
        assertThat(env.jdbc().queryForList("SELECT event FROM vehicle_online_log WHERE vin = ? ORDER BY event_at",
                String.class, vin)).containsExactly("LOGIN", "LOGOUT", "OFFLINE");
    }

    @Test
    void theOldNodeReportingAKickedConnectionDoesNotTakeTheVehicleOffline() {
        String vin = "LEVENTS0000000002";
        send(new VehicleEvent(vin, EventType.LOGIN, null, "node-a", "10.0.0.2:1", T1),
                new VehicleEvent(vin, EventType.LOGIN, null, "node-b", "10.0.0.2:2", T1.plusSeconds(5)),
                new VehicleEvent(vin, EventType.OFFLINE, OfflineReason.KICKED, "node-a", "10.0.0.2:1", T1.plusSeconds(6)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(logRows(vin)).isEqualTo(3));
        assertThat(state(vin)).containsEntry("online", true).containsEntry("node", "node-b")
                .containsEntry("since", utc(T1.plusSeconds(5))).containsEntry("last_seen", utc(T1.plusSeconds(6)));
    }

    @Test
    void replayedEventsAddNoRowsAndChangeNoState() {
        String vin = "LEVENTS0000000003";
        VehicleEvent[] events = {
            new VehicleEvent(vin, EventType.LOGIN, null, "node-a", "10.0.0.3:1", T1),
            new VehicleEvent(vin, EventType.OFFLINE, OfflineReason.IDLE_TIMEOUT, "node-a", "10.0.0.3:1", T1.plusSeconds(200)),
            new VehicleEvent(vin, EventType.LOGIN, null, "node-c", "10.0.0.3:2", T1.plusSeconds(300))};
        send(events);
        await().atMost(WAIT).untilAsserted(() -> assertThat(logRows(vin)).isEqualTo(3));
        Map<String, Object> before = state(vin);
        double stored = app.count("gb32960.consumer.records", "listener", "events", "outcome", "stored");

        send(events);
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                app.count("gb32960.consumer.records", "listener", "events", "outcome", "stored")).isEqualTo(stored + 3));
        assertThat(logRows(vin)).isEqualTo(3);
        assertThat(state(vin)).isEqualTo(before).containsEntry("node", "node-c").containsEntry("online", true);
    }

    @Test
    void malformedEventsGoToTheDeadLetterTopic() {
        String vin = "LEVENTS0000000004";
        env.send(List.of(new ProducerRecord<>(env.topics().events(), vin, "{not json".getBytes(StandardCharsets.UTF_8)),
                new ProducerRecord<>(env.topics().events(), vin, json.toJson(
                        new VehicleEvent(vin, EventType.LOGIN, null, "node-a", null, T1)))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(logRows(vin)).isEqualTo(1));
        List<ConsumerRecord<String, byte[]>> dead = env.read(env.topics().eventsDlt(), 1, WAIT);
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(vin);
            assertThat(TestEnv.header(r, Topics.HEADER_REASON)).isEqualTo("MALFORMED_EVENT");
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        });
    }
}
