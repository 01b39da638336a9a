package io.gb32960.consumers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Kafka consumers: telemetry to MySQL/MariaDB, vehicle events to the online log, the decoded
 * JSON stream. See docs/kafka-consumers.md.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsumersApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsumersApplication.class, args);
    }
}
