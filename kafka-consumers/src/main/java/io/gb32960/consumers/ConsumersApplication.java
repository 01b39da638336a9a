package io.gb32960.consumers;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Kafka consumers: telemetry to MySQL/MariaDB, vehicle events to the online log, the decoded
 * JSON stream. See docs/kafka-consumers.md. Its settings are read from {@code kafka-consumers.yml}
 * (and {@code kafka-consumers-PROFILE.yml}), not {@code application.yml}, so that several services
 * can share one classpath and one JVM (the standalone launcher).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsumersApplication {

    /** The name of this service's configuration files. */
    public static final String CONFIG_NAME = "kafka-consumers";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The service's application, configured from {@code kafka-consumers.yml}. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ConsumersApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
