package io.gb32960.consumers.config;

import io.gb32960.consumers.support.ConsumersApp;
import io.gb32960.consumers.support.ConsumersInfra;
import io.gb32960.consumers.support.TestEnv;
import io.gb32960.consumers.support.TestFrames;
import io.gb32960.protocol.frame.Edition;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as one Spring context among others in a JVM (the standalone launcher): it reads
 * {@code kafka-consumers.yml} through {@code ConsumersApplication.builder()}, and two contexts side
 * by side keep their meters apart (nothing in Micrometer's static global registry) and their Kafka
 * clients under their own ids.
 */
@ExtendWith(ConsumersInfra.class)
class SameJvmTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final TestEnv env;

    SameJvmTest(TestEnv env) {
        this.env = env;
    }

    @Test
    void twoContextsInOneJvmKeepTheirMetersAndClientIdsApart() {
        env.createTopics(1);
        String vin = "LSAMEJVM000000001";
        try (ConsumersApp telemetry = ConsumersApp.start(env, "--gb32960.consumers.events.enabled=false",
                "--gb32960.consumers.decoded.enabled=false");
             ConsumersApp events = ConsumersApp.start(env, "--gb32960.consumers.telemetry.enabled=false",
                     "--gb32960.consumers.decoded.enabled=false")) {
            assertThat(telemetry.property("spring.datasource.hikari.pool-name")).as("read from kafka-consumers.yml")
                    .isEqualTo("kafka-consumers");
            env.send(List.of(env.telemetryRecord(TestFrames.realtime(Edition.V2016, vin,
                    LocalDateTime.of(2026, 11, 21, 9, 0)).frame(), Instant.now())));
            await().atMost(WAIT).untilAsserted(() -> assertThat(
                    telemetry.count("gb32960.consumer.records", "listener", "telemetry", "outcome", "stored")).isEqualTo(1));
            await().atMost(WAIT).untilAsserted(() -> assertThat(clientIds(telemetry)).isNotEmpty());

            assertThat(events.meters()).isNotSameAs(telemetry.meters());
            assertThat(events.count("gb32960.consumer.records", "listener", "telemetry")).isZero();
            assertThat(Metrics.globalRegistry.find("gb32960.consumer.records").meters()).isEmpty();
            assertThat(clientIds(telemetry)).allMatch(id -> id.startsWith(KafkaConfiguration.CLIENT_ID_PREFIX + "telemetry-persister-"));
            assertThat(clientIds(events)).allMatch(id -> id.startsWith(KafkaConfiguration.CLIENT_ID_PREFIX + "vehicle-events-"));
        }
    }

    /** The client ids of the consumers whose Kafka client metrics the context bound. */
    private static List<String> clientIds(ConsumersApp app) {
        return app.meters().getMeters().stream().filter(m -> m.getId().getName().startsWith("kafka.consumer."))
                .map(Meter::getId).map(id -> id.getTag("client.id")).filter(id -> id != null).distinct().toList();
    }
}
