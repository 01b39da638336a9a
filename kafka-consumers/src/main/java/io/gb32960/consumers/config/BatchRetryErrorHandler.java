package io.gb32960.consumers.config;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ListenerUtils;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import java.util.HashMap;
import java.util.Map;

/**
 * What a failed batch gets: its partitions are rewound to the batch's first offsets, nothing is
 * committed, and the consumer thread waits out the back-off before polling the same records again;
 * without limit. The back-off grows while the same batch keeps failing and starts over with the
 * next one.
 * <p>
 * Bad records never fail a batch (the listeners dead-letter them), so a failure is the database,
 * Redis or Kafka itself, and waiting is right: skipping would lose data. Each wait is bounded by the
 * back-off's maximum interval, far below {@code max.poll.interval.ms}, so the consumer keeps its
 * partitions while it waits (heartbeats run on their own thread).
 * <p>
 * Spring Kafka's {@code DefaultErrorHandler} retries a failed batch in memory instead; in our tests
 * its retry loop sometimes ended after one retry and left the partitions paused, the records neither
 * stored nor retried. Rewinding keeps the container's ordinary poll loop in charge.
 */
final class BatchRetryErrorHandler implements CommonErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(BatchRetryErrorHandler.class);

    private final BackOff backOff;
    /** Per consumer thread: the failing batch's start offsets and where its back-off stands. */
    private final ThreadLocal<Failing> failing = new ThreadLocal<>();

    BatchRetryErrorHandler(BackOff backOff) {
        this.backOff = backOff;
    }

    private record Failing(Map<TopicPartition, Long> start, BackOffExecution backOff) {
    }

    @Override
    public void handleBatch(Exception thrown, ConsumerRecords<?, ?> data, Consumer<?, ?> consumer,
                            MessageListenerContainer container, Runnable invokeListener) {
        Map<TopicPartition, Long> start = new HashMap<>();
        for (TopicPartition tp : data.partitions()) {
            start.put(tp, data.records(tp).get(0).offset());
        }
        Failing f = failing.get();
        if (f == null || !f.start().equals(start)) {
            f = new Failing(start, backOff.start());
            failing.set(f);
        }
        start.forEach(consumer::seek);
        long wait = f.backOff().nextBackOff();
        if (wait == BackOffExecution.STOP) {
            wait = 0;
        }
        log.debug("batch at {} failed ({}); polled again in {} ms", start, thrown.toString(), wait);
        try {
            ListenerUtils.stoppableSleep(container, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean seeksAfterHandling() {
        return true;
    }

    @Override
    public boolean isAckAfterHandle() {
        return false;
    }

    @Override
    public void clearThreadState() {
        failing.remove();
    }
}
