package io.gb32960.consumers.decoded;

import io.gb32960.consumers.frame.DecodedFrame;
import io.gb32960.consumers.frame.FrameOutcome;
import io.gb32960.consumers.frame.TelemetryFrames;
import io.gb32960.consumers.metrics.ListenerMetrics;
import io.gb32960.protocol.json.Gb32960Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchMessageListener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Republishes every frame the persister stores as JSON (docs/telemetry-json.md) on the decoded
 * topic, key VIN, with the source record's headers. Its own consumer group: the stream neither waits
 * for nor holds up the database. Frames the persister dead-letters are skipped here (the persister
 * counts them). At least once: the batch returns, and its offsets commit, only after the broker has
 * every JSON record; a redelivered batch publishes again (same key and content).
 */
final class DecodedStream implements BatchMessageListener<String, byte[]> {

    private final TelemetryFrames frames;
    private final KafkaOperations<String, byte[]> kafka;
    private final String topic;
    private final ListenerMetrics metrics;
    private final Gb32960Json json = new Gb32960Json();

    DecodedStream(TelemetryFrames frames, KafkaOperations<String, byte[]> kafka, String topic, ListenerMetrics metrics) {
        this.frames = frames;
        this.kafka = kafka;
        this.topic = topic;
        this.metrics = metrics;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        metrics.batch(records.size());
        try {
            handle(records);
        } catch (RuntimeException e) {
            metrics.failed(records.size(), e);
            throw e;
        }
    }

    private void handle(List<ConsumerRecord<String, byte[]>> records) {
        frames.prefetchKeys(records);
        List<CompletableFuture<?>> sent = new ArrayList<>(records.size());
        int skipped = 0;
        for (ConsumerRecord<String, byte[]> r : records) {
            FrameOutcome outcome = frames.decode(r);
            if (outcome instanceof DecodedFrame f) {
                RecordHeaders headers = new RecordHeaders();
                for (Header h : r.headers()) {
                    headers.add(h);
                }
                byte[] value = json.toJson(f.report()).getBytes(StandardCharsets.UTF_8);
                sent.add(kafka.send(new ProducerRecord<>(topic, null, f.vin(), value, headers)));
            } else {
                skipped++;
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        metrics.records("published", sent.size());
        metrics.records("skipped", skipped);
    }
}
