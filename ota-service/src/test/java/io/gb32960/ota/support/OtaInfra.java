package io.gb32960.ota.support;

import io.gb32960.access.AccessServerApplication;
import io.gb32960.access.server.NettyAccessServer;
import io.gb32960.infra.db.EmbeddedMariaDb;
import io.gb32960.platform.common.kafka.Topics;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Real infrastructure for the OTA service's tests, started once per run (the JUnit root store
 * closes it at the end): an embedded MariaDB, a redis-server, a KRaft Kafka broker and a real access
 * node (access-server, its own Spring context) on them. Coordinates go to system properties that
 * {@code application-test.yml} reads before the first test's Spring context starts; every test
 * class shares that context. Ports are free ones picked at start.
 */
public final class OtaInfra implements BeforeAllCallback {

    public static final String NODE_ID = "ota-test-node";
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(OtaInfra.class);
    static final Path WORK = Path.of("target", "test-infra-" + ProcessHandle.current().pid()).toAbsolutePath();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NS).computeIfAbsent("infra", k -> new Infra(), Infra.class);
    }

    /** The access node's port for simulated terminals (after {@link #beforeAll}). */
    public static int nodePort() {
        return Integer.getInteger("gb32960.test.node.port");
    }

    /** The OTA service's HTTP port. */
    public static int httpPort() {
        return Integer.getInteger("gb32960.test.http.port");
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Infra implements AutoCloseable {
        final EmbeddedMariaDb db;
        final RedisServer redis;
        final EmbeddedKafkaKraftBroker kafka;
        final ConfigurableApplicationContext node;

        Infra() {
            db = EmbeddedMariaDb.builder(WORK.resolve("mariadb")).baseDir(Path.of("target", "mariadb-base"))
                    .arg("--innodb-buffer-pool-size=128M").start();
            String server = "jdbc:mysql://127.0.0.1:" + db.port() + "/";
            try (Connection c = DriverManager.getConnection(server + "?useSSL=false&allowPublicKeyRetrieval=true",
                    "root", "")) {
                c.createStatement().execute("CREATE DATABASE gb_ota CHARACTER SET utf8mb4");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            int redisPort = freePort();
            redis = RedisServer.builder().port(redisPort).setting("bind 127.0.0.1").setting("save \"\"")
                    .setting("appendonly no").build();
            redis.start();
            kafka = new EmbeddedKafkaKraftBroker(1, 1, Topics.TELEMETRY, Topics.VEHICLE_EVENTS, Topics.INVALID_FRAMES);
            kafka.afterPropertiesSet();
            System.setProperty("gb32960.test.db.url", server + "gb_ota?useSSL=false&allowPublicKeyRetrieval=true");
            System.setProperty("gb32960.test.redis.port", Integer.toString(redisPort));
            System.setProperty("gb32960.test.kafka", kafka.getBrokersAsString());
            System.setProperty("gb32960.test.http.port", Integer.toString(freePort()));
            System.setProperty("gb32960.test.work", WORK.toString());
            node = AccessServerApplication.builder().run(
                    "--gb32960.access.node-id=" + NODE_ID,
                    "--gb32960.access.host=127.0.0.1",
                    "--gb32960.access.port=0",
                    "--gb32960.access.telemetry.spill-dir=" + WORK.resolve("spill"),
                    "--spring.data.redis.host=127.0.0.1",
                    "--spring.data.redis.port=" + redisPort,
                    "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                    "--server.port=0",
                    // the test classpath has JDBC and Flyway: the node gets the database (unused), no migrations
                    "--spring.datasource.url=" + System.getProperty("gb32960.test.db.url"),
                    "--spring.datasource.username=root",
                    "--spring.flyway.enabled=false");
            System.setProperty("gb32960.test.node.port",
                    Integer.toString(node.getBean(NettyAccessServer.class).port()));
        }

        @Override
        public void close() throws IOException {
            node.close();
            kafka.destroy();
            redis.stop();
            db.close();
        }
    }
}
