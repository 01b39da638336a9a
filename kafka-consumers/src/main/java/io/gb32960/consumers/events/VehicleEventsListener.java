package io.gb32960.consumers.events;

import io.gb32960.consumers.deadletter.DeadLetters;
import io.gb32960.consumers.deadletter.DeadLetters.DeadLetter;
import io.gb32960.consumers.frame.RejectReason;
import io.gb32960.consumers.frame.Rejection;
import io.gb32960.consumers.metrics.ListenerMetrics;
import io.gb32960.platform.common.event.VehicleEvent;
import io.gb32960.platform.common.event.VehicleEventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchMessageListener;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch listener of {@code gb32960.vehicle-events}: parses the JSON events, writes the online
 * log and states in one transaction, dead-letters what does not parse, then returns (offsets commit
 * after that). Failures throw and the batch is retried; the writes are idempotent.
 */
final class VehicleEventsListener implements BatchMessageListener<String, byte[]> {

    private final VehicleEventJson json = new VehicleEventJson();
    private final OnlineStateWriter writer;
    private final DeadLetters deadLetters;
    private final String deadLetterTopic;
    private final ListenerMetrics metrics;

    VehicleEventsListener(OnlineStateWriter writer, DeadLetters deadLetters, String deadLetterTopic, ListenerMetrics metrics) {
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.deadLetterTopic = deadLetterTopic;
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
        List<VehicleEvent> events = new ArrayList<>(records.size());
        List<DeadLetter> rejected = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                events.add(parse(r.value()));
            } catch (RuntimeException e) {
                rejected.add(new DeadLetter(r, new Rejection(RejectReason.MALFORMED_EVENT, String.valueOf(e.getMessage()))));
            }
        }
        if (!events.isEmpty()) {
            metrics.dbWrite().record(() -> writer.write(events));
        }
        deadLetters.publishAll(deadLetterTopic, rejected);
        metrics.records("stored", events.size());
        metrics.records("dead-lettered", rejected.size());
    }

    /** The event, its time cut to the microseconds the database keeps (so replays compare equal). */
    private VehicleEvent parse(byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("record without a value");
        }
        VehicleEvent e = json.fromJson(value);
        if (e.vin().isEmpty() || e.vin().length() > 17 || !e.vin().chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("not a storable VIN: " + e.vin());
        }
        if (e.node().length() > 64 || (e.remote() != null && e.remote().length() > 64)) {
            throw new IllegalArgumentException("node or remote longer than 64 characters");
        }
        return new VehicleEvent(e.vin(), e.type(), e.reason(), e.node(), e.remote(), e.at().truncatedTo(ChronoUnit.MICROS));
    }
}
