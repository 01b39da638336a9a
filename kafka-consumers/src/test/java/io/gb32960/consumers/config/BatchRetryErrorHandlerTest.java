package io.gb32960.consumers.config;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class BatchRetryErrorHandlerTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);

    /** Counts how often a back-off starts over; each execution answers 0 ms. */
    private static final class CountingBackOff implements BackOff {
        final AtomicInteger starts = new AtomicInteger();

        @Override
        public BackOffExecution start() {
            starts.incrementAndGet();
            return () -> 0L;
        }
    }

    private static ConsumerRecords<String, byte[]> batch(long first0, long first1) {
        List<ConsumerRecord<String, byte[]>> r0 = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> r1 = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            r0.add(new ConsumerRecord<>("t", 0, first0 + i, "k", new byte[0]));
            r1.add(new ConsumerRecord<>("t", 1, first1 + i, "k", new byte[0]));
        }
        return new ConsumerRecords<>(Map.of(P0, r0, P1, r1), Map.of());
    }

    @Test
    void aFailedBatchIsRewoundNotAcknowledgedAndItsBackOffContinuesUntilAnotherBatchFails() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.seek(P0, 13);
        consumer.seek(P1, 23);
        MessageListenerContainer container = mock(MessageListenerContainer.class);
        when(container.isRunning()).thenReturn(true);
        CountingBackOff backOff = new CountingBackOff();
        BatchRetryErrorHandler handler = new BatchRetryErrorHandler(backOff);

        handler.handleBatch(new IllegalStateException("db down"), batch(10, 20), consumer, container, () -> { });
        assertThat(consumer.position(P0)).isEqualTo(10);
        assertThat(consumer.position(P1)).isEqualTo(20);
        handler.handleBatch(new IllegalStateException("db down"), batch(10, 20), consumer, container, () -> { });
        assertThat(backOff.starts).hasValue(1);
        handler.handleBatch(new IllegalStateException("db down"), batch(13, 20), consumer, container, () -> { });
        assertThat(backOff.starts).hasValue(2);

        assertThat(handler.isAckAfterHandle()).isFalse();
        assertThat(handler.seeksAfterHandling()).isTrue();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(P0, P1));
        assertThat(committed.values()).allMatch(o -> o == null);
    }
}
