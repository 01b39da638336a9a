package io.gb32960.ota;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The OTA service: firmware uploads of suppliers, review, gray-release campaigns, the version check
 * and signed resumable downloads for terminals, remote-upgrade commands. Its settings are read from
 * {@code ota-service.yml} (and {@code ota-service-PROFILE.yml}), not {@code application.yml}, so
 * that several services can share one classpath (the standalone launcher).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OtaServiceApplication {

    /** The name of this service's configuration files. */
    public static final String CONFIG_NAME = "ota-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The service's application, configured from {@code ota-service.yml}. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(OtaServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
