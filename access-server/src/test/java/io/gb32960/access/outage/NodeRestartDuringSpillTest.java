package io.gb32960.access.outage;

import io.gb32960.access.EmbeddedRedisExtension;
import io.gb32960.infra.KafkaBroker;
import io.gb32960.protocol.wire.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

import static io.gb32960.access.outage.AccessNode.PUBLISHED;
import static io.gb32960.access.outage.AccessNode.SPILLED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The spill outlives the node: frames a node spilled while Kafka was down, and still held when it
 * was stopped, are sent by the next node started on the same spill directory once Kafka is back.
 * Needs a durable spill store on {@code gb32960.access.telemetry.spill-dir}.
 */
@ExtendWith(EmbeddedRedisExtension.class)
class NodeRestartDuringSpillTest {

    private static final Logger log = LoggerFactory.getLogger(NodeRestartDuringSpillTest.class);
    private static final int BEFORE_CRASH = 100;
    private static final int FRAMES = 1_100;

    @TempDir
    Path dir;

    @Test
    void framesSpilledByAStoppedNodeReachKafkaThroughTheNextNodeOnTheSameSpillDir() throws Exception {
        Path spill = dir.resolve("spill");
        try (KafkaBroker broker = KafkaBroker.builder(dir.resolve("kafka")).partitions(3).start()) {
            Set<Bytes> sent;
            try (AccessNode first = AccessNode.start(broker.bootstrapServers(), spill, "node-a");
                 Fleet fleet = Fleet.loggedIn(first, "LOUTB", 10)) {
                fleet.send(0, BEFORE_CRASH);
                await().atMost(Duration.ofSeconds(30)).until(() -> first.count(PUBLISHED) >= BEFORE_CRASH);
                broker.kill();
                fleet.send(BEFORE_CRASH, FRAMES);
                // the node noticed the outage and has read every frame
                await().atMost(Duration.ofSeconds(30)).until(() -> first.count(SPILLED) > 0
                        && first.realtimeFramesIn() >= FRAMES);
                sent = fleet.sent();
            } // graceful node shutdown while Kafka is still down
            String spillAfterStop = describe(spill);

            try (AccessNode second = AccessNode.start(broker.bootstrapServers(), spill, "node-b")) {
                broker.restart();
                try (TelemetryReader reader = new TelemetryReader(broker.bootstrapServers())) {
                    await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertThat(reader.poll().missing(sent))
                            .as("frames accepted by node-a (%d of them during the outage) and still missing in Kafka"
                                    + " after node-b started on the same spill dir and the broker came back. Missing"
                                    + " outage frames mean node-a's spill did not survive its shutdown: the spill store"
                                    + " is not durable (is the file spill store wired to"
                                    + " gb32960.access.telemetry.spill-dir? After node-a stopped, %s)",
                                    FRAMES - BEFORE_CRASH, spillAfterStop)
                            .isZero());
                    assertThat(reader.distinct()).containsAll(sent).hasSize(FRAMES);
                    log.info("{} frames sent to node-a; {} records in Kafka ({} duplicates); node-b replayed {}",
                            FRAMES, reader.records(), reader.duplicates(), second.count(AccessNode.REPLAYED));
                }
            }
        }
    }

    private static String describe(Path spill) throws IOException {
        if (!Files.isDirectory(spill)) {
            return "the spill dir does not exist";
        }
        long count = 0;
        long bytes = 0;
        try (Stream<Path> files = Files.walk(spill)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                count++;
                bytes += Files.size(p);
            }
        }
        return "the spill dir held " + count + " files, " + bytes + " bytes";
    }
}
