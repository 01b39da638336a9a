package io.gb32960.consumers.telemetry;

import io.gb32960.consumers.deadletter.DeadLetters;
import io.gb32960.consumers.deadletter.DeadLetters.DeadLetter;
import io.gb32960.consumers.frame.DecodedFrame;
import io.gb32960.consumers.frame.FrameOutcome;
import io.gb32960.consumers.frame.Rejection;
import io.gb32960.consumers.frame.TelemetryFrames;
import io.gb32960.consumers.metrics.ListenerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchMessageListener;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The batch listener of {@code gb32960.telemetry}. Per poll: load the keys the frames need, decode
 * every record, write the good frames in one database transaction, send the bad ones to the
 * dead-letter topic and wait for the broker, and only then return, which lets the container commit
 * the offsets. Any failure (database, Redis, dead-letter send) throws: the container's error handler
 * retries the whole batch with back-off, and the writes are idempotent, so a retried or redelivered
 * batch leaves the same rows.
 */
final class TelemetryPersister implements BatchMessageListener<String, byte[]> {

    private final TelemetryFrames frames;
    private final TelemetryWriter writer;
    private final DeadLetters deadLetters;
    private final String deadLetterTopic;
    private final ListenerMetrics metrics;
    private final Timer delay;
    private final Counter duplicates;
    private final Clock clock;

    TelemetryPersister(TelemetryFrames frames, TelemetryWriter writer, DeadLetters deadLetters, String deadLetterTopic,
                       ListenerMetrics metrics, Clock clock) {
        this.frames = frames;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.deadLetterTopic = deadLetterTopic;
        this.metrics = metrics;
        this.clock = clock;
        this.delay = Timer.builder("gb32960.telemetry.delay")
                .description("from the access node receiving a frame to its row being committed")
                .publishPercentiles(0.5, 0.9, 0.99, 0.999)
                .distributionStatisticExpiry(Duration.ofMinutes(2)).distributionStatisticBufferLength(2)
                .register(metrics.registry());
        this.duplicates = Counter.builder("gb32960.telemetry.duplicates")
                .description("frames that were stored before (replays, redeliveries)").register(metrics.registry());
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
        List<TelemetryRow> rows = new ArrayList<>(records.size());
        List<AlarmRow> alarms = new ArrayList<>();
        List<DeadLetter> rejected = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            FrameOutcome outcome = frames.decode(r);
            if (outcome instanceof DecodedFrame f) {
                rows.add(TelemetryRow.of(f));
                AlarmRow alarm = AlarmRow.of(f);
                if (alarm != null) {
                    alarms.add(alarm);
                }
            } else {
                rejected.add(new DeadLetter(r, (Rejection) outcome));
            }
        }
        if (!rows.isEmpty()) {
            TelemetryWriter.Written written = metrics.dbWrite().record(() -> writer.write(rows, alarms));
            duplicates.increment(rows.size() - written.telemetryInserted());
            long now = clock.millis();
            for (TelemetryRow row : rows) {
                delay.record(Math.max(0, now - row.receivedAtMillis()), TimeUnit.MILLISECONDS);
            }
        }
        deadLetters.publishAll(deadLetterTopic, rejected);
        metrics.records("stored", rows.size());
        metrics.records("dead-lettered", rejected.size());
    }
}
