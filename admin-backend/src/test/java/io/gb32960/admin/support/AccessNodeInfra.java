package io.gb32960.admin.support;

import io.gb32960.access.AccessServerApplication;
import io.gb32960.access.server.NettyAccessServer;
import io.gb32960.platform.common.kafka.Topics;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real access node (access-server, its own Spring context from {@code access-server.yml}) in the
 * test JVM, on the test Redis and an embedded KRaft Kafka broker; started once per run on first use
 * (after {@link AdminInfra}), stopped at the end. A {@link RunningNode} parameter gives its port.
 */
public final class AccessNodeInfra implements BeforeAllCallback, ParameterResolver {

    public static final String NODE_ID = "admin-test-node";
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(AccessNodeInfra.class);

    /** The node: where terminals connect. */
    public record RunningNode(String nodeId, int port) {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        node(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningNode.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return node(context).running;
    }

    private static Node node(ExtensionContext context) {
        return context.getRoot().getStore(NS).computeIfAbsent("node", k -> new Node(), Node.class);
    }

    private static final class Node implements AutoCloseable {
        final EmbeddedKafkaKraftBroker kafka;
        final ConfigurableApplicationContext context;
        final RunningNode running;

        Node() {
            kafka = new EmbeddedKafkaKraftBroker(1, 1, Topics.TELEMETRY, Topics.VEHICLE_EVENTS, Topics.INVALID_FRAMES);
            kafka.afterPropertiesSet();
            context = AccessServerApplication.builder().run(
                    "--gb32960.access.node-id=" + NODE_ID,
                    "--gb32960.access.host=127.0.0.1",
                    "--gb32960.access.port=0",
                    "--gb32960.access.telemetry.spill-dir=" + AdminInfra.WORK.resolve("spill").toAbsolutePath(),
                    "--spring.data.redis.host=127.0.0.1",
                    "--spring.data.redis.port=" + AdminInfra.redisPort(),
                    "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                    "--server.port=0",
                    // the admin backend's test classpath has JDBC and Flyway: the node gets the test
                    // database (unused) and no migrations
                    "--spring.datasource.url=" + System.getProperty("gb32960.test.db.url"),
                    "--spring.datasource.username=" + System.getProperty("gb32960.test.db.user"),
                    "--spring.datasource.password=" + System.getProperty("gb32960.test.db.password"),
                    "--spring.flyway.enabled=false");
            running = new RunningNode(NODE_ID, context.getBean(NettyAccessServer.class).port());
        }

        @Override
        public void close() {
            context.close();
            kafka.destroy();
        }
    }
}
