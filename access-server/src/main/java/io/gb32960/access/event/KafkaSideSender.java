package io.gb32960.access.event;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.clients.producer.Producer;

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

    private final Producer<String, byte[]> kafka;
    private final MeterRegistry meters;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(100_000), r -> {
                Thread t = new Thread(r, "kafka-side-sender");
                t.setDaemon(true);
                return t;
            });

    /** @param kafka a producer this sender owns and closes */
    public KafkaSideSender(Producer<String, byte[]> kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.meters = meters;
    }

    public void send(ProducerRecord<String, byte[]> record) {
        try {
            sender.execute(() -> {
                try {
                    kafka.send(record, (r, e) -> {
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

    /** Sends what is queued (up to 10 s), then closes the producer; what is left is counted as failed. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(10, TimeUnit.SECONDS)) {
                int left = sender.shutdownNow().size();
                meters.counter("gb32960.kafka.side.errors", "topic", "shutdown").increment(left);
                log.warn("{} side records not published at shutdown", left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kafka.close(java.time.Duration.ofSeconds(5));
    }
}
