package io.gb32960.consumers.telemetry;

import io.gb32960.consumers.config.ConsumersProperties;
import io.gb32960.consumers.config.KafkaConfiguration;
import io.gb32960.consumers.deadletter.DeadLetters;
import io.gb32960.consumers.frame.TelemetryFrames;
import io.gb32960.consumers.metrics.ListenerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class TelemetryConfiguration {

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> telemetryPersisterContainer(
            ConsumersProperties props, DefaultKafkaConsumerFactory<String, byte[]> consumers, CommonErrorHandler errors,
            TelemetryFrames frames, JdbcTemplate jdbc, TransactionTemplate batchTransactions, DeadLetters deadLetters,
            MeterRegistry meters, Clock clock) {
        ConsumersProperties.Telemetry t = props.telemetry();
        TelemetryWriter writer = new TelemetryWriter(jdbc, batchTransactions, t.insertChunk());
        TelemetryPersister persister = new TelemetryPersister(frames, writer, deadLetters, t.deadLetterTopic(),
                new ListenerMetrics(meters, "telemetry"), clock);
        return KafkaConfiguration.container(consumers, errors, "telemetry-persister", t.topic(), t.groupId(),
                t.concurrency(), t.enabled(), persister);
    }
}
