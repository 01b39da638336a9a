package io.gb32960.access.outage;

import io.gb32960.platform.common.kafka.Topics;
import io.gb32960.protocol.wire.Bytes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code gb32960.telemetry} from the beginning, without a consumer group, and counts each distinct value. */
final class TelemetryReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<Bytes, Integer> values = new HashMap<>();
    private long records;

    TelemetryReader(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.TELEMETRY, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** One poll; returns this reader. */
    TelemetryReader poll() {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            values.merge(Bytes.of(r.value()), 1, Integer::sum);
            records++;
        }
        return this;
    }

    /** How many of {@code expected} have not been read (yet). */
    long missing(Collection<Bytes> expected) {
        return expected.stream().filter(b -> !values.containsKey(b)).count();
    }

    Set<Bytes> distinct() {
        return values.keySet();
    }

    long records() {
        return records;
    }

    /** Records read beyond the first copy of each value (at-least-once delivery allows them). */
    long duplicates() {
        return records - values.size();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
