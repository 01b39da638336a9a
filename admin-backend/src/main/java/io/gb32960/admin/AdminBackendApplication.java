package io.gb32960.admin;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The admin backend: web pages and REST API for fleet admins and operators, and the configuration
 * endpoint for terminals. Its settings are read from {@code admin-backend.yml} (and
 * {@code admin-backend-PROFILE.yml}), not {@code application.yml}, so that several services can
 * share one classpath (the standalone launcher).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AdminBackendApplication {

    /** The name of this service's configuration files. */
    public static final String CONFIG_NAME = "admin-backend";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The service's application, configured from {@code admin-backend.yml}. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AdminBackendApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
