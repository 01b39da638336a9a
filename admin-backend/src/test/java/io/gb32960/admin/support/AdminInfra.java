package io.gb32960.admin.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * Real infrastructure for the admin backend's tests, started once per test run (the JUnit root
 * store closes it at the end): a database ({@link TestDatabase}) and a redis-server. Their
 * coordinates go to system properties that {@code application-test.yml} reads, before the Spring
 * context of the first test class starts; every test class then shares that context.
 */
public final class AdminInfra implements BeforeAllCallback {

    private static final Logger log = LoggerFactory.getLogger(AdminInfra.class);
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(AdminInfra.class);
    static final Path WORK = Path.of("target", "test-infra-" + ProcessHandle.current().pid());

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store root = context.getRoot().getStore(NS);
        TestDatabase db = root.computeIfAbsent("db", k -> {
            TestDatabase started = TestDatabase.start(WORK);
            log.info("admin-backend tests: database {}", started.description());
            return started;
        }, TestDatabase.class);
        System.setProperty("gb32960.test.db.url", db.url());
        System.setProperty("gb32960.test.db.user", db.user());
        System.setProperty("gb32960.test.db.password", db.password());
        Redis redis = root.computeIfAbsent("redis", k -> new Redis(), Redis.class);
        System.setProperty("gb32960.test.redis.port", Integer.toString(redis.port));
    }

    /** The test Redis's port (after {@link #beforeAll}). */
    public static int redisPort() {
        return Integer.getInteger("gb32960.test.redis.port");
    }

    /** A real redis-server (embedded-redis ships the binary) on a free port. */
    static final class Redis implements AutoCloseable {
        final int port;
        final RedisServer server;

        Redis() {
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = RedisServer.builder().port(port).setting("bind 127.0.0.1").setting("save \"\"")
                    .setting("appendonly no").build();
            server.start();
        }

        @Override
        public void close() throws IOException {
            server.stop();
        }
    }
}
