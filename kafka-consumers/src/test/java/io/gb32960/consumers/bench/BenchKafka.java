package io.gb32960.consumers.bench;

import io.gb32960.platform.common.kafka.Topics;
import io.gb32960.protocol.frame.FrameHeader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/** Topics and a producer that publishes frames the way the access node does (key VIN, the four headers). */
final class BenchKafka implements AutoCloseable {

    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;

    BenchKafka(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"); // as the access node
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    void createTopic(String topic, int partitions) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    void send(String topic, byte[] frame, long receivedAtMillis) {
        FrameHeader h = FrameHeader.parse(frame, 0);
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, h.vin(), frame);
        r.headers().add(Topics.HEADER_COMMAND, utf8(Integer.toString(h.command())));
        r.headers().add(Topics.HEADER_EDITION, utf8(h.edition().label()));
        r.headers().add(Topics.HEADER_NODE, utf8("bench-node"));
        r.headers().add(Topics.HEADER_RECEIVED_AT, utf8(Long.toString(receivedAtMillis)));
        producer.send(r);
    }

    void flush() {
        producer.flush();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
