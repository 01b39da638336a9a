package io.gb32960.consumers.config;

import io.gb32960.consumers.metrics.ConsumerClientMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kafka clients of the consumers: a consumer factory for String keys and byte[] values (frames and
 * JSON events are parsed by the listeners, so deserialization never fails), a producer for
 * dead letters and the decoded stream, the topics to create, and the listener containers.
 * Spring Boot's {@code spring.kafka.*} settings apply to both factories; consumer client metrics
 * (lag per partition among them) are bound by {@link ConsumerClientMetrics}, producer metrics by
 * Boot's customizers.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    /** Before the listener id in the consumers' {@code client.id} (then {@code -0}, {@code -1}, … per thread). */
    public static final String CLIENT_ID_PREFIX = "kafka-consumers.";

    @Bean
    ConsumerClientMetrics consumerClientMetrics(MeterRegistry meters) {
        return new ConsumerClientMetrics(meters, Duration.ofSeconds(10));
    }

    @Bean
    DefaultKafkaConsumerFactory<String, byte[]> kafkaConsumerFactory(KafkaProperties kafka, ConsumerClientMetrics metrics) {
        DefaultKafkaConsumerFactory<String, byte[]> factory = new DefaultKafkaConsumerFactory<>(
                kafka.buildConsumerProperties(), new StringDeserializer(), new ByteArrayDeserializer());
        factory.addListener(metrics);
        return factory;
    }

    @Bean
    DefaultKafkaProducerFactory<String, byte[]> kafkaProducerFactory(KafkaProperties kafka,
                                                                     ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
        customizers.orderedStream().forEach(c -> c.customize(factory));
        return factory;
    }

    @Bean
    KafkaTemplate<String, byte[]> kafkaTemplate(DefaultKafkaProducerFactory<String, byte[]> producers) {
        return new KafkaTemplate<>(producers);
    }

    @Bean
    KafkaAdmin.NewTopics consumerTopics(ConsumersProperties props) {
        ConsumersProperties.NewTopics t = props.newTopics();
        List<NewTopic> topics = new ArrayList<>();
        for (String name : List.of(props.telemetry().topic(), props.telemetry().deadLetterTopic(), props.events().topic(),
                props.events().deadLetterTopic(), props.decoded().topic())) {
            topics.add(new NewTopic(name, Optional.of(t.partitions()), Optional.of(t.replicationFactor())));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * Batch failures (database, Redis, dead-letter sends) are retried with exponential back-off
     * without limit ({@link BatchRetryErrorHandler}): the partition waits for the database rather
     * than skipping records. Bad records never fail a batch: the listeners dead-letter them.
     */
    @Bean
    CommonErrorHandler batchRetryErrorHandler(ConsumersProperties props) {
        ConsumersProperties.Retry r = props.retry();
        ExponentialBackOff backOff = new ExponentialBackOff(r.initialInterval().toMillis(), r.multiplier());
        backOff.setMaxInterval(r.maxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return new BatchRetryErrorHandler(backOff);
    }

    /**
     * A container running {@code listener} on {@code topic}: offsets are committed synchronously after
     * the listener returns for the whole poll (AckMode BATCH), never before.
     */
    public static ConcurrentMessageListenerContainer<String, byte[]> container(
            DefaultKafkaConsumerFactory<String, byte[]> consumers, CommonErrorHandler errorHandler, String id, String topic,
            String groupId, int concurrency, boolean autoStartup, BatchMessageListener<String, byte[]> listener) {
        ContainerProperties p = new ContainerProperties(topic);
        p.setGroupId(groupId);
        p.setClientId(CLIENT_ID_PREFIX + id); // Kafka's JMX names: distinct from other services' clients in one JVM
        p.setAckMode(ContainerProperties.AckMode.BATCH);
        p.setSyncCommits(true);
        p.setMessageListener(listener);
        ConcurrentMessageListenerContainer<String, byte[]> c = new ConcurrentMessageListenerContainer<>(consumers, p);
        c.setConcurrency(concurrency);
        c.setCommonErrorHandler(errorHandler);
        c.setAutoStartup(autoStartup);
        c.setBeanName(id);
        return c;
    }
}
