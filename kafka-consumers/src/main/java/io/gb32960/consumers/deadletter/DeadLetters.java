package io.gb32960.consumers.deadletter;

import io.gb32960.consumers.frame.Rejection;
import io.gb32960.platform.common.kafka.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends records that cannot be stored to a dead-letter topic: the original key, value and headers,
 * plus {@code reason} (a {@code RejectReason} name) and {@code detail} as text, and Spring Kafka's
 * {@code kafka_dlt-original-topic/-partition/-offset/-timestamp} and {@code kafka_dlt-exception-message}
 * headers (so Spring's DLT tooling reads them). Counted as {@code gb32960.consumer.dead.letters}
 * (tags {@code topic} = the original topic, {@code reason}).
 */
public final class DeadLetters {

    public static final String HEADER_DETAIL = "detail";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaOperations<String, byte[]> kafka;
    private final MeterRegistry meters;

    public DeadLetters(KafkaOperations<String, byte[]> kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.meters = meters;
    }

    /** A record and why it goes to the dead-letter topic. */
    public record DeadLetter(ConsumerRecord<String, byte[]> record, Rejection rejection) {
    }

    /**
     * Sends all and waits until the broker has them.
     *
     * @throws RuntimeException when a send fails: the caller's batch is retried, so nothing is
     *                          acknowledged before it is dead-lettered
     */
    public void publishAll(String topic, List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<CompletableFuture<?>> sent = new ArrayList<>(letters.size());
        for (DeadLetter l : letters) {
            sent.add(kafka.send(toProducerRecord(topic, l)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        for (DeadLetter l : letters) {
            ConsumerRecord<String, byte[]> r = l.record();
            log.warn("[{}] dead-lettered {}-{}@{}: {} {}", r.key(), r.topic(), r.partition(), r.offset(),
                    l.rejection().reason(), l.rejection().detail());
            Counter.builder("gb32960.consumer.dead.letters").tag("topic", r.topic())
                    .tag("reason", l.rejection().reason().name()).register(meters).increment();
        }
    }

    static ProducerRecord<String, byte[]> toProducerRecord(String topic, DeadLetter l) {
        ConsumerRecord<String, byte[]> r = l.record();
        RecordHeaders headers = new RecordHeaders();
        for (Header h : r.headers()) {
            headers.add(h);
        }
        headers.add(Topics.HEADER_REASON, utf8(l.rejection().reason().name()));
        headers.add(HEADER_DETAIL, utf8(l.rejection().detail()));
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(r.topic()));
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(r.partition()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(r.offset()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(Long.BYTES).putLong(r.timestamp()).array());
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(l.rejection().reason() + ": " + l.rejection().detail()));
        return new ProducerRecord<>(topic, null, r.key(), r.value(), headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
