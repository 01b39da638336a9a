package io.gb32960.access.event;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends the node's side records (vehicle events, invalid frames) without blocking the caller: a
 * Kafka send may wait for metadata while the broker is down, so sends run on one bounded thread.
 * A record that cannot be queued or sent is counted and logged, by topic.
 */
public final class KafkaSideSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaSideSender.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry meters;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(100_000), r -> new Thread(r, "kafka-side-sender"));

    public KafkaSideSender(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.meters = meters;
    }

    public void send(ProducerRecord<String, byte[]> record) {
        try {
            sender.execute(() -> {
                try {
                    kafka.send(record).whenComplete((r, e) -> {
                        if (e != null) {
                            failed(record, e);
                        }
                    });
                } catch (RuntimeException e) {
                    failed(record, e);
                }
            });
        } catch (RejectedExecutionException e) {
            failed(record, e);
        }
    }

    private void failed(ProducerRecord<String, byte[]> record, Throwable e) {
        meters.counter("gb32960.kafka.side.errors", "topic", record.topic()).increment();
        log.warn("[{}] record for {} not published: {}", record.key(), record.topic(), e.toString());
    }

    /** Sends what is queued (up to 10 s), then stops. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
