package io.gb32960.access.server;

import io.gb32960.access.session.Connection;
import io.gb32960.access.telemetry.MemorySpillStore;
import io.gb32960.access.telemetry.TelemetryPipeline;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Back-pressure between a connection and the pipeline: a full queue stops the connection from
 * being read, keeps the frame, and resumes in order when room comes back. Kafka is Kafka's own
 * {@link MockProducer} here, to hold acknowledgements back at will.
 */
class TelemetryGateBackPressureTest {

    @Test
    void aFullQueueStopsReadingAndNothingIsLostOrReordered() throws Exception {
        MockProducer<String, byte[]> kafka = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        // a queue of 2 between the connection and a publisher whose sends stay in flight: frames
        // either wait in the connection (reading paused) or in the queue, and none may be lost
        MemorySpillStore spill = new MemorySpillStore(0);
        TelemetryPipeline pipeline = new TelemetryPipeline(kafka, spill, "n1", 2, 10, new SimpleMeterRegistry());
        EmbeddedChannel channel = new EmbeddedChannel();
        Connection c = new Connection(channel, "n1-1", "127.0.0.1:1");
        TelemetryGate gate = new TelemetryGate(pipeline);
        FrameHeader h = FrameHeader.command(Edition.V2016, CommandId.REALTIME_REPORT.id(), "LBP00000000000001");
        try {
            // Kafka answers nothing yet: sends stay in flight and the publisher keeps taking frames
            for (int i = 0; i < 200; i++) {
                gate.accept(c, h, new byte[] {(byte) i});
                channel.runPendingTasks();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> kafka.history().size() + pipeline.buffered()
                    + c.pending().size() == 200);
            // complete everything: order on the wire must be the order of acceptance
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                while (kafka.completeNext()) {
                    // acknowledge what is in flight
                }
                channel.runPendingTasks();
                return kafka.history().size() == 200;
            });
            List<ProducerRecord<String, byte[]>> sent = kafka.history();
            for (int i = 0; i < 200; i++) {
                assertThat(sent.get(i).value()[0]).isEqualTo((byte) i);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                channel.runPendingTasks();
                return channel.config().isAutoRead();
            });
            assertThat(c.pending()).isEmpty();
        } finally {
            pipeline.close();
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void whileTheQueueIsFullTheConnectionIsNotRead() throws Exception {
        MockProducer<String, byte[]> kafka = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        // the producer refuses (Kafka down) and the spill takes nothing: the publisher can place no frame
        kafka.sendException = new org.apache.kafka.common.errors.TimeoutException("broker down");
        TelemetryPipeline pipeline = new TelemetryPipeline(kafka, new MemorySpillStore(0), "n2", 1, 10, new SimpleMeterRegistry());
        EmbeddedChannel channel = new EmbeddedChannel();
        Connection c = new Connection(channel, "n2-1", "127.0.0.1:2");
        TelemetryGate gate = new TelemetryGate(pipeline);
        FrameHeader h = FrameHeader.command(Edition.V2025, CommandId.REALTIME_REPORT.id(), "LBP00000000000002");
        try {
            for (int i = 0; i < 50; i++) {
                gate.accept(c, h, new byte[] {(byte) i});
            }
            assertThat(channel.config().isAutoRead()).isFalse();
            assertThat(c.pending()).isNotEmpty();
            assertThat(pipeline.buffered() + c.pending().size()).isLessThanOrEqualTo(50);
        } finally {
            c.pending().clear();
            pipeline.close();
            channel.finishAndReleaseAll();
        }
    }
}
