package io.gb32960.consumers.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters of one listener, tagged {@code listener}:
 * <ul>
 *   <li>{@code gb32960.consumer.records} (counter, tag {@code outcome}: {@code stored},
 *   {@code dead-lettered}, {@code published}, {@code skipped}); its rate is records/s</li>
 *   <li>{@code gb32960.consumer.batch.size} (summary): records per poll</li>
 *   <li>{@code gb32960.consumer.db.write} (timer): one batch's database transaction</li>
 *   <li>{@code gb32960.consumer.batch.failures} (counter): batches that failed (database, Redis,
 *   Kafka) and are retried with back-off</li>
 * </ul>
 * Consumer lag per partition comes from the Kafka client metrics
 * ({@code kafka.consumer.fetch.manager.records.lag}, tags {@code topic}, {@code partition}).
 */
public final class ListenerMetrics {

    private static final Logger log = LoggerFactory.getLogger(ListenerMetrics.class);

    private final MeterRegistry registry;
    private final String listener;
    private final DistributionSummary batchSize;
    private final Timer dbWrite;
    private final Counter failures;

    public ListenerMetrics(MeterRegistry registry, String listener) {
        this.registry = registry;
        this.listener = listener;
        this.batchSize = DistributionSummary.builder("gb32960.consumer.batch.size").tag("listener", listener)
                .description("records per poll").publishPercentiles(0.5, 0.99).register(registry);
        this.dbWrite = Timer.builder("gb32960.consumer.db.write").tag("listener", listener)
                .description("database transaction of one batch").publishPercentiles(0.5, 0.99).register(registry);
        this.failures = Counter.builder("gb32960.consumer.batch.failures").tag("listener", listener)
                .description("batches that failed and are retried").register(registry);
    }

    /** Counts and logs a failed batch; the container retries it. */
    public void failed(int records, RuntimeException e) {
        failures.increment();
        log.warn("{}: batch of {} records failed, retried with back-off: {}", listener, records, e.toString());
    }

    public void batch(int size) {
        batchSize.record(size);
    }

    public Timer dbWrite() {
        return dbWrite;
    }

    public void records(String outcome, long n) {
        if (n > 0) {
            Counter.builder("gb32960.consumer.records").tag("listener", listener).tag("outcome", outcome)
                    .register(registry).increment(n);
        }
    }

    public MeterRegistry registry() {
        return registry;
    }
}
