package io.gb32960.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real broker in a child JVM survives a crash and a graceful stop with its port and its data. */
class KafkaBrokerTest {

    private static final String TOPIC = "embedded.restart";

    @TempDir
    Path dir;

    @Test
    void aKilledBrokerRestartsOnTheSamePortWithTheRecordsWrittenBeforeTheCrash() throws Exception {
        int port = KafkaBroker.freePort();
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), port)) {
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            produce(broker, "before-crash");

            broker.kill();
            assertThat(broker.isRunning()).isFalse();
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .isInstanceOf(ConnectException.class);

            broker.restart();
            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.port()).isEqualTo(port);
            produce(broker, "after-restart");
            assertThat(consumeAll(broker, 2)).containsExactly("before-crash", "after-restart");
        }
    }

    @Test
    void aNewBrokerOnTheSameDirectoryKeepsTheDataAndOnlyDeletesItWhenAsked() throws Exception {
        Path data = dir.resolve("kafka");
        int port;
        try (KafkaBroker first = KafkaBroker.builder(data).partitions(3).start()) {
            port = first.port();
            produce(first, "from-the-first-broker");
        } // graceful stop; the data stays
        assertThat(data.resolve("broker.log")).exists();
        try (KafkaBroker second = KafkaBroker.builder(data).port(port).deleteDataOnClose(true).start()) {
            assertThat(consumeAll(second, 1)).containsExactly("from-the-first-broker");
        }
        assertThat(Files.exists(data)).isFalse();
    }

    private static void produce(KafkaBroker broker, String value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            // one key: one partition, so the consumer sees the records in order
            producer.send(new ProducerRecord<>(TOPIC, "k", value)).get(20, TimeUnit.SECONDS);
        }
    }

    /** Reads {@link #TOPIC} from the beginning (no consumer group) until {@code count} values arrived. */
    private static List<String> consumeAll(KafkaBroker broker, int count) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (values.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
