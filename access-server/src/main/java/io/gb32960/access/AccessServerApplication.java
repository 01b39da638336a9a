package io.gb32960.access;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The access node: terminals connect here (Netty), telemetry leaves through Kafka. Its settings
 * are read from {@code access-server.yml} (and {@code access-server-PROFILE.yml}), not
 * {@code application.yml}, so that several services can share one classpath (the standalone
 * launcher).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AccessServerApplication {

    /** The name of this service's configuration files. */
    public static final String CONFIG_NAME = "access-server";

    public static void main(String[] args) {
        try {
            builder().run(args);
        } catch (RuntimeException e) {
            // Spring Boot has logged why; threads started before the failure (a listener that did
            // bind, Redis and Kafka clients) must not keep a node that cannot serve alive
            System.exit(1);
        }
    }

    /** The node's application, configured from {@code access-server.yml}. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AccessServerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
