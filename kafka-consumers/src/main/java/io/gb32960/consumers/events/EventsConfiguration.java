package io.gb32960.consumers.events;

import io.gb32960.consumers.config.ConsumersProperties;
import io.gb32960.consumers.config.KafkaConfiguration;
import io.gb32960.consumers.deadletter.DeadLetters;
import io.gb32960.consumers.metrics.ListenerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> vehicleEventsContainer(
            ConsumersProperties props, DefaultKafkaConsumerFactory<String, byte[]> consumers, CommonErrorHandler errors,
            JdbcTemplate jdbc, TransactionTemplate batchTransactions, DeadLetters deadLetters, MeterRegistry meters) {
        ConsumersProperties.Events e = props.events();
        VehicleEventsListener listener = new VehicleEventsListener(new OnlineStateWriter(jdbc, batchTransactions),
                deadLetters, e.deadLetterTopic(), new ListenerMetrics(meters, "events"));
        return KafkaConfiguration.container(consumers, errors, "vehicle-events", e.topic(), e.groupId(),
                e.concurrency(), e.enabled(), listener);
    }
}
