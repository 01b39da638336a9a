package io.gb32960.consumers.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.kafka.core.ConsumerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Binds each consumer's Kafka client metrics to Micrometer, among them the lag of every assigned
 * partition ({@code kafka.consumer.fetch.manager.records.lag}, tags {@code topic}, {@code partition},
 * {@code spring.id}). Unlike Spring's default listener it looks for new client metrics every
 * {@code refresh} instead of every minute, so a partition's lag shows soon after its assignment.
 */
public final class ConsumerClientMetrics implements ConsumerFactory.Listener<String, byte[]>, AutoCloseable {

    private final MeterRegistry registry;
    private final Duration refresh;
    private final Map<String, KafkaClientMetrics> bound = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kafka-client-metrics");
        t.setDaemon(true);
        return t;
    });

    public ConsumerClientMetrics(MeterRegistry registry, Duration refresh) {
        this.registry = registry;
        this.refresh = refresh;
    }

    @Override
    public void consumerAdded(String id, Consumer<String, byte[]> consumer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer, List.of(Tag.of("spring.id", id)), scheduler, refresh);
        metrics.bindTo(registry);
        KafkaClientMetrics old = bound.put(id, metrics);
        if (old != null) {
            old.close();
        }
    }

    @Override
    public void consumerRemoved(String id, Consumer<String, byte[]> consumer) {
        KafkaClientMetrics metrics = bound.remove(id);
        if (metrics != null) {
            metrics.close();
        }
    }

    @Override
    public void close() {
        bound.values().forEach(KafkaClientMetrics::close);
        bound.clear();
        scheduler.shutdownNow();
    }
}
