package io.gb32960.access;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The access node: terminals connect here (Netty), telemetry leaves through Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AccessServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccessServerApplication.class, args);
    }
}
