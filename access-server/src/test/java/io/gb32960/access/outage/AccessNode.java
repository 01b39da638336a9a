package io.gb32960.access.outage;

import io.gb32960.access.AccessServerApplication;
import io.gb32960.access.server.NettyAccessServer;
import io.gb32960.platform.common.registry.VehicleRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

/**
 * One access node (the whole application context) against a given Kafka and spill directory, with
 * the embedded Redis of {@code EmbeddedRedisExtension}. Closing it is a graceful node shutdown.
 */
final class AccessNode implements AutoCloseable {

    static final String PUBLISHED = "gb32960.telemetry.published";
    static final String SPILLED = "gb32960.telemetry.spilled";
    static final String REPLAYED = "gb32960.telemetry.replayed";

    private final ConfigurableApplicationContext context;
    private final MeterRegistry meters;

    private AccessNode(ConfigurableApplicationContext context) {
        this.context = context;
        this.meters = context.getBean(MeterRegistry.class);
    }

    /** Command-line properties: they win over every application*.yml. */
    static AccessNode start(String bootstrapServers, Path spillDir, String nodeId) {
        String redisPort = System.getProperty("gb32960.test.redis.port");
        return new AccessNode(new SpringApplicationBuilder(AccessServerApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                // outages are noticed within seconds
                "--spring.kafka.producer.properties.max.block.ms=2000",
                "--spring.kafka.producer.properties.delivery.timeout.ms=5000",
                "--spring.kafka.producer.properties.request.timeout.ms=2000",
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + redisPort,
                "--server.port=0",
                "--gb32960.access.host=127.0.0.1",
                "--gb32960.access.port=0",
                "--gb32960.access.node-id=" + nodeId,
                "--gb32960.access.telemetry.spill-dir=" + spillDir.toAbsolutePath()));
    }

    int port() {
        return context.getBean(NettyAccessServer.class).port();
    }

    VehicleRegistry registry() {
        return context.getBean(VehicleRegistry.class);
    }

    /** The sum of the counters named {@code name}, whatever their tags. */
    double count(String name) {
        return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    /** Realtime frames the node has read from its connections. */
    double realtimeFramesIn() {
        return meters.find("gb32960.frames.in").tag("command", "realtimeReport").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    @Override
    public void close() {
        context.close();
    }
}
