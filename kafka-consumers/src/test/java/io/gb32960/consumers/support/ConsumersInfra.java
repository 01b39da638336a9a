package io.gb32960.consumers.support;

import io.gb32960.infra.KafkaBroker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Real infrastructure for the consumers' tests, started once per test run and shared: a database
 * server ({@link DbServer}: embedded MariaDB, or the external one), a KRaft Kafka broker (child JVM)
 * and a redis-server, each started on first use. Every test class gets its own database (created
 * empty, dropped afterwards) and its own topics and consumer groups: a {@link TestEnv} parameter of
 * the constructor or of a test method.
 */
public final class ConsumersInfra implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final Logger log = LoggerFactory.getLogger(ConsumersInfra.class);
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ConsumersInfra.class);
    private static final Path WORK = Path.of("target", "test-infra-" + ProcessHandle.current().pid());

    @Override
    public void beforeAll(ExtensionContext context) {
        env(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestEnv env = context.getStore(NS).remove("env", TestEnv.class);
        if (env != null) {
            env.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestEnv.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return env(c);
    }

    /** The class's environment; created by the first of beforeAll and a constructor parameter (per-class instances). */
    private static TestEnv env(ExtensionContext classContext) {
        return classContext.getStore(NS).computeIfAbsent("env", k -> newEnv(classContext), TestEnv.class);
    }

    private static TestEnv newEnv(ExtensionContext context) {
        DbServer db = dbServer(context);
        db.assumeReachable();
        String name = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        String database = "gb_" + name.substring(0, Math.min(40, name.length())) + "_" + suffix;
        db.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        log.info("{}: database {} on {}", context.getRequiredTestClass().getSimpleName(), database, db.description());
        return new TestEnv(db, database, new TestTopics("t" + suffix + "." + name),
                () -> broker(context).bootstrapServers(), () -> redisPort(context));
    }

    private static DbServer dbServer(ExtensionContext context) {
        return context.getRoot().getStore(NS).computeIfAbsent("db", k -> DbServer.externalRequested()
                ? DbServer.external() : DbServer.embedded(WORK.resolve("mariadb"), Path.of("target", "mariadb-base")),
                DbServer.class);
    }

    private static KafkaBroker broker(ExtensionContext context) {
        return context.getRoot().getStore(NS).computeIfAbsent("kafka", k -> KafkaBroker.builder(WORK.resolve("kafka"))
                .partitions(2).deleteDataOnClose(true).start(), KafkaBroker.class);
    }

    private static int redisPort(ExtensionContext context) {
        return context.getRoot().getStore(NS).computeIfAbsent("redis", k -> new Redis(), Redis.class).port;
    }

    /** A real redis-server (embedded-redis ships the binary). */
    private static final class Redis implements AutoCloseable {
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
        public void close() {
            server.stop();
        }
    }
}
