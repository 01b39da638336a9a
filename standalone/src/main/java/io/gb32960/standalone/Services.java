package io.gb32960.standalone;

import io.gb32960.access.AccessServerApplication;
import io.gb32960.admin.AdminBackendApplication;
import io.gb32960.consumers.ConsumersApplication;
import io.gb32960.ota.OtaServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Each service in its own Spring context, configured to the embedded parts. The services share one
 * classpath here, so each context leaves out the auto-configuration it does not use (a database,
 * web sign-in, page templates) that the other services' libraries would otherwise switch on.
 */
final class Services {

    private static final String DATABASE = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");
    private static final String WEB_SIGN_IN = String.join(",",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration");
    private static final String PAGES = "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration";
    private static final String KAFKA = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration";

    private final Infrastructure infra;

    Services(Infrastructure infra) {
        this.infra = infra;
    }

    /**
     * Access node {@code node} (1-based). Node 1 has the chosen ports and the dispatch listener; the
     * others take free ports and are reached through node 1's dispatcher, as behind an SLB.
     */
    ConfigurableApplicationContext access(StandaloneOptions o, RunDirectory dir, String publicHost, int node) {
        boolean first = node == 1;
        return run(AccessServerApplication.builder(), List.of(DATABASE, WEB_SIGN_IN, PAGES),
                "--spring.datasource.url=",
                "--server.port=" + (first ? o.accessActuatorPort : 0),
                "--springdoc.api-docs.enabled=false", "--springdoc.swagger-ui.enabled=false",
                "--gb32960.access.node-id=standalone-" + node,
                "--gb32960.access.host=" + o.host, "--gb32960.access.port=" + (first ? o.accessPort : 0),
                "--gb32960.access.public-host=" + publicHost,
                "--gb32960.access.dispatch.enabled=" + first, "--gb32960.access.dispatch.port=" + o.dispatchPort,
                "--gb32960.access.telemetry.spill-dir=" + dir.resolve(first ? "spill" : "spill-" + node));
    }

    ConfigurableApplicationContext consumers() {
        // the consumers' statement caches, as in kafka-consumers.yml
        return run(ConsumersApplication.builder(), List.of(WEB_SIGN_IN, PAGES),
                "--spring.datasource.url=" + infra.jdbcUrl() + "&cachePrepStmts=true&prepStmtCacheSize=64"
                        + "&prepStmtCacheSqlLimit=1048576&useServerPrepStmts=true",
                "--server.port=0",
                "--springdoc.api-docs.enabled=false", "--springdoc.swagger-ui.enabled=false",
                "--spring.flyway.enabled=false");
    }

    ConfigurableApplicationContext admin(StandaloneOptions o, String bootstrapPassword) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + infra.jdbcUrl(),
                "--server.port=" + o.adminPort,
                "--spring.flyway.enabled=false"));
        if (bootstrapPassword != null) {
            args.add("--gb32960.admin.security.bootstrap-password=" + bootstrapPassword);
        }
        return run(AdminBackendApplication.builder(), List.of(KAFKA), args.toArray(String[]::new));
    }

    /**
     * @param port       a concrete port: the download links the service signs name it
     * @param publicHost where terminals reach this machine
     */
    ConfigurableApplicationContext ota(int port, String publicHost, RunDirectory dir) {
        return run(OtaServiceApplication.builder(), List.of(),
                "--spring.datasource.url=" + infra.jdbcUrl(),
                "--server.port=" + port,
                "--spring.flyway.enabled=false",
                "--gb32960.ota.firmware.storage-dir=" + dir.resolve("firmware"),
                "--gb32960.ota.firmware.public-base-url=http://" + publicHost + ":" + port,
                // simulated terminals install in seconds: ask for the new version sooner than a real T-Box needs
                "--gb32960.ota.rollout.verify-delay=15s");
    }

    /** {@code args} must name {@code spring.datasource.url} (a repeated option would be joined, not replaced). */
    private ConfigurableApplicationContext run(SpringApplicationBuilder app, List<String> excluded, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "--spring.autoconfigure.exclude=" + String.join(",", excluded),
                "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + infra.redisPort(),
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrap(),
                "--spring.datasource.username=" + Infrastructure.DB_USER, "--spring.datasource.password=",
                "--spring.main.banner-mode=off",
                // the contexts share one logging system, set up by the first: its name would label every line
                "--logging.include-application-name=false",
                "--spring.jmx.enabled=false"));
        all.addAll(List.of(args));
        // closed by the launcher's own shutdown hook, in order (demo fleet, services, then Kafka and
        // the database), not by a hook of each context running side by side with it
        return app.registerShutdownHook(false).run(all.toArray(String[]::new));
    }
}
