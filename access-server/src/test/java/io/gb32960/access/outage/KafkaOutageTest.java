package io.gb32960.access.outage;

import io.gb32960.access.EmbeddedRedisExtension;
import io.gb32960.infra.KafkaBroker;
import io.gb32960.protocol.wire.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.gb32960.access.outage.AccessNode.PUBLISHED;
import static io.gb32960.access.outage.AccessNode.REPLAYED;
import static io.gb32960.access.outage.AccessNode.SPILLED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real broker (child JVM) is killed while vehicles keep sending and comes back on the same port
 * a few seconds later: every frame the node received reaches Kafka at least once, byte for byte,
 * through the spill and its replay.
 */
@ExtendWith(EmbeddedRedisExtension.class)
class KafkaOutageTest {

    private static final Logger log = LoggerFactory.getLogger(KafkaOutageTest.class);
    private static final int VEHICLES = 20;
    private static final int FRAMES = 2_000;

    @TempDir
    Path dir;

    @Test
    void everyFrameSentAcrossABrokerCrashArrivesInKafka() throws Exception {
        try (KafkaBroker broker = KafkaBroker.builder(dir.resolve("kafka")).partitions(3).start();
             AccessNode node = AccessNode.start(broker.bootstrapServers(), dir.resolve("spill"), "outage-node");
             Fleet fleet = Fleet.loggedIn(node, "LOUTA", VEHICLES)) {
            // 1. the broker is up: the first quarter goes straight to Kafka
            fleet.send(0, FRAMES / 4);
            await().atMost(Duration.ofSeconds(30)).until(() -> node.count(PUBLISHED) >= FRAMES / 4);

            // 2. crash (SIGKILL) while frames keep coming: their sends fail and they must be spilled
            broker.kill();
            fleet.send(FRAMES / 4, FRAMES / 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> node.count(SPILLED) > 0);

            // 3. the node knows Kafka is down; the frames are read (the event loops do not block)
            fleet.send(FRAMES / 2, 3 * FRAMES / 4);
            await().atMost(Duration.ofSeconds(10)).until(() -> node.realtimeFramesIn() >= 3 * FRAMES / 4);

            // 4. the broker comes back on the same port while frames keep coming
            CompletableFuture<Void> restart = CompletableFuture.runAsync(broker::restart);
            fleet.send(3 * FRAMES / 4, FRAMES);
            restart.get(60, TimeUnit.SECONDS);

            Set<Bytes> sent = fleet.sent();
            assertThat(sent).hasSize(FRAMES);
            try (TelemetryReader reader = new TelemetryReader(broker.bootstrapServers())) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(reader.poll().missing(sent))
                        .as("frames sent but not (yet) in Kafka").isZero());
                assertThat(reader.distinct()).containsAll(sent).hasSize(FRAMES); // nothing else, nothing altered
                assertThat(node.count(SPILLED)).isPositive();
                await().atMost(Duration.ofSeconds(30)).until(() -> node.count(REPLAYED) >= node.count(SPILLED));
                assertThat(node.count(REPLAYED)).isPositive();
                log.info("{} frames sent; {} records in Kafka ({} duplicates); spilled {}, replayed {}, published {}",
                        FRAMES, reader.records(), reader.duplicates(), node.count(SPILLED), node.count(REPLAYED),
                        node.count(PUBLISHED));
            }
        }
    }

    /**
     * During an outage the publisher thread must keep moving frames from the bounded memory queue
     * to the spill; otherwise the queue fills and every connection of the node stops being read.
     * <p>
     * The trap it guards against: when every broker is unreachable the Kafka 4 producer rebootstraps
     * ({@code metadata.recovery.strategy=rebootstrap}, the default) and forgets the topic's partitions,
     * so every {@code producer.send} waits {@code max.block.ms} for metadata. A replay that sent a
     * whole batch before looking at any result blocked the publisher for 500 x max.block.ms; the
     * pipeline now probes with one frame and stops a batch at the first failed send.
     */
    @Test
    void theNodeKeepsMovingFramesToTheSpillWhileTheBrokerIsDown() throws Exception {
        try (KafkaBroker broker = KafkaBroker.builder(dir.resolve("kafka")).start();
             AccessNode node = AccessNode.start(broker.bootstrapServers(), dir.resolve("spill"), "stall-node");
             Fleet fleet = Fleet.loggedIn(node, "LOUTS", 5)) {
            fleet.send(0, 100);
            await().atMost(Duration.ofSeconds(30)).until(() -> node.count(PUBLISHED) >= 100);
            broker.kill();
            fleet.send(100, 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> node.count(SPILLED) > 0);

            fleet.send(200, 1_200);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(node.count(SPILLED))
                    .as(() -> "frames spilled while " + node.gauge("gb32960.telemetry.buffered")
                            + " wait in the memory queue; the publisher thread is at:\n" + stack("telemetry-publisher"))
                    .isGreaterThanOrEqualTo(1_100));
        }
    }

    private static String stack(String threadName) {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, frames) -> {
            if (thread.getName().equals(threadName)) {
                for (int i = 0; i < Math.min(12, frames.length); i++) {
                    out.append("    at ").append(frames[i]).append('\n');
                }
            }
        });
        return out.toString();
    }
}
