package io.gb32960.consumers.decoded;

import io.gb32960.consumers.config.ConsumersProperties;
import io.gb32960.consumers.config.KafkaConfiguration;
import io.gb32960.consumers.frame.TelemetryFrames;
import io.gb32960.consumers.metrics.ListenerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

@Configuration(proxyBeanMethods = false)
class DecodedConfiguration {

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> decodedStreamContainer(
            ConsumersProperties props, DefaultKafkaConsumerFactory<String, byte[]> consumers, CommonErrorHandler errors,
            TelemetryFrames frames, KafkaTemplate<String, byte[]> kafka, MeterRegistry meters) {
        ConsumersProperties.Decoded d = props.decoded();
        DecodedStream stream = new DecodedStream(frames, kafka, d.topic(), new ListenerMetrics(meters, "decoded"));
        return KafkaConfiguration.container(consumers, errors, "decoded-stream", props.telemetry().topic(), d.groupId(),
                d.concurrency(), d.enabled(), stream);
    }
}
