package io.gb32960.benchmarks.load;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Creates the telemetry topic and reads its end offsets (what Kafka acknowledged, all partitions). */
final class KafkaProbe implements AutoCloseable {

    private final Admin admin;
    private final String topic;
    private final int partitions;
    private final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();

    KafkaProbe(String bootstrap, String topic, int partitions) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
        this.topic = topic;
        this.partitions = partitions;
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
    }

    /** Creates the topic (replication 1) before the node starts, so it does not depend on auto-creation. */
    void createTopic() throws ExecutionException, InterruptedException, TimeoutException {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }

    /**
     * Limits what the broker accepts from producer {@code clientId} to {@code bytesPerSecond}
     * (a Kafka client quota: the broker delays its answers), to play a Kafka slower than the vehicles.
     */
    void limitProducer(String clientId, long bytesPerSecond) throws ExecutionException, InterruptedException,
            TimeoutException {
        org.apache.kafka.common.quota.ClientQuotaEntity entity = new org.apache.kafka.common.quota.ClientQuotaEntity(
                Map.of(org.apache.kafka.common.quota.ClientQuotaEntity.CLIENT_ID, clientId));
        admin.alterClientQuotas(List.of(new org.apache.kafka.common.quota.ClientQuotaAlteration(entity, List.of(
                new org.apache.kafka.common.quota.ClientQuotaAlteration.Op("producer_byte_rate",
                        (double) bytesPerSecond))))).all().get(30, TimeUnit.SECONDS);
    }

    /** The sum of the end offsets (high watermarks) of every partition: records Kafka acknowledged. */
    long endOffsets() throws ExecutionException, InterruptedException, TimeoutException {
        ListOffsetsResult r = admin.listOffsets(latest);
        long sum = 0;
        for (ListOffsetsResult.ListOffsetsResultInfo info : r.all().get(20, TimeUnit.SECONDS).values()) {
            sum += info.offset();
        }
        return sum;
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
