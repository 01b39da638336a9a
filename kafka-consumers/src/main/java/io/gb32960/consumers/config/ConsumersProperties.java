package io.gb32960.consumers.config;

import io.gb32960.platform.common.kafka.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the consumers, under {@code gb32960.consumers}; every one has a default
 * (docs/kafka-consumers.md lists them). Out-of-range values fail the start.
 */
@ConfigurationProperties("gb32960.consumers")
public record ConsumersProperties(@DefaultValue Telemetry telemetry,
                                  @DefaultValue Events events,
                                  @DefaultValue Decoded decoded,
                                  @DefaultValue Keys keys,
                                  @DefaultValue Partitions partitions,
                                  @DefaultValue Retry retry,
                                  @DefaultValue NewTopics newTopics) {

    /**
     * The telemetry persister.
     *
     * @param concurrency     consumer threads (each owns some partitions and writes its own batches)
     * @param insertChunk     rows per multi-row INSERT statement
     * @param requireVerifiedSignature dead-letter 2025 frames whose signature could not be checked
     *                        (no public key), not only those that fail
     */
    public record Telemetry(@DefaultValue("true") boolean enabled,
                            @DefaultValue(Topics.TELEMETRY) String topic,
                            @DefaultValue("gb32960-telemetry-persister") String groupId,
                            @DefaultValue("2") int concurrency,
                            @DefaultValue(Topics.TELEMETRY + ".dlt") String deadLetterTopic,
                            @DefaultValue("250") int insertChunk,
                            @DefaultValue("false") boolean requireVerifiedSignature) {
        public Telemetry {
            positive("telemetry.concurrency", concurrency);
            if (insertChunk < 1 || insertChunk > 5000) {
                throw new IllegalArgumentException("telemetry.insert-chunk must be 1..5000, got " + insertChunk);
            }
        }
    }

    /** The vehicle-event consumer (online/offline log and state). */
    public record Events(@DefaultValue("true") boolean enabled,
                         @DefaultValue(Topics.VEHICLE_EVENTS) String topic,
                         @DefaultValue("gb32960-vehicle-events") String groupId,
                         @DefaultValue("1") int concurrency,
                         @DefaultValue(Topics.VEHICLE_EVENTS + ".dlt") String deadLetterTopic) {
        public Events {
            positive("events.concurrency", concurrency);
        }
    }

    /**
     * The decoded stream: every frame the persister stores, as JSON, on {@code topic}. Its own
     * consumer group, so it neither slows nor blocks persistence.
     */
    public record Decoded(@DefaultValue("true") boolean enabled,
                          @DefaultValue(Topics.TELEMETRY_DECODED) String topic,
                          @DefaultValue("gb32960-telemetry-decoded") String groupId,
                          @DefaultValue("1") int concurrency) {
        public Decoded {
            positive("decoded.concurrency", concurrency);
        }
    }

    /**
     * Keys for decryption and signature checks: per vehicle from Redis ({@code gb32960:pubkey:{VIN}},
     * {@code gb32960:datakey:{VIN}}), cached; platform keys from a key file (the CLI's key-spec
     * grammar, e.g. {@code rsa-private:platform.pem}).
     *
     * @param redis          look keys up in Redis (off: the key file only)
     * @param cacheTtl       how long a vehicle's keys (or their absence) are cached
     * @param refreshAfter   a frame that fails decryption or its signature check refetches the
     *                       vehicle's keys once when they are older than this
     * @param keyFile        optional key file
     * @param symmetricMode  how exchanged AES/SM4 keys are used: {@code CBC} (zero IV) or {@code ECB}
     */
    public record Keys(@DefaultValue("true") boolean redis,
                       @DefaultValue("60s") Duration cacheTtl,
                       @DefaultValue("100000") long cacheSize,
                       @DefaultValue("2s") Duration refreshAfter,
                       String keyFile,
                       @DefaultValue("CBC") SymmetricMode symmetricMode) {

        public enum SymmetricMode {
            CBC, ECB
        }
    }

    /**
     * Monthly partitions of the telemetry table: added {@code monthsAhead} in advance at start-up and
     * every {@code interval}; with {@code retentionMonths} > 0, partitions older than that many
     * months are dropped.
     */
    public record Partitions(@DefaultValue("true") boolean enabled,
                             @DefaultValue("3") int monthsAhead,
                             @DefaultValue("0") int retentionMonths,
                             @DefaultValue("6h") Duration interval) {
        public Partitions {
            if (monthsAhead < 0 || retentionMonths < 0) {
                throw new IllegalArgumentException("partitions.months-ahead and retention-months must be >= 0");
            }
        }
    }

    /**
     * Topics this service creates when missing (dead-letter topics and the decoded stream; the source
     * topics too, for a fresh broker).
     *
     * @param replicationFactor -1 = the broker's default
     */
    public record NewTopics(@DefaultValue("3") int partitions, @DefaultValue("-1") short replicationFactor) {
    }

    /** Back-off of a batch whose database write (or dead-lettering) failed; retried without limit. */
    public record Retry(@DefaultValue("500ms") Duration initialInterval,
                        @DefaultValue("2.0") double multiplier,
                        @DefaultValue("30s") Duration maxInterval) {
        public Retry {
            // the consumer waits without polling: stay well inside max.poll.interval.ms (5 min by default)
            if (maxInterval.compareTo(Duration.ofMinutes(2)) > 0 || multiplier < 1) {
                throw new IllegalArgumentException("retry.max-interval must be at most 2 min and multiplier >= 1");
            }
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
