package io.gb32960.consumers.frame;

import io.gb32960.consumers.config.ConsumersProperties;
import io.gb32960.consumers.deadletter.DeadLetters;
import io.gb32960.consumers.keys.VehicleKeys;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class FrameConfiguration {

    @Bean
    TelemetryFrames telemetryFrames(VehicleKeys keys, ConsumersProperties props) {
        return new TelemetryFrames(keys, props.telemetry().requireVerifiedSignature());
    }

    @Bean
    DeadLetters deadLetters(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters) {
        return new DeadLetters(kafka, meters);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
