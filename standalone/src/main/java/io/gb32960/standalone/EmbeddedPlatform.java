package io.gb32960.standalone;

import io.gb32960.access.AccessServerApplication;
import io.gb32960.access.dispatch.DispatchServer;
import io.gb32960.access.server.NettyAccessServer;
import io.gb32960.infra.KafkaBroker;
import io.gb32960.platform.common.registry.VehicleRegistry;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The whole platform in this JVM: a real redis-server and a real KRaft Kafka broker (child
 * processes, data under the data directory), then each service in its own Spring context on its
 * own ports, then the demo fleet. Closing stops everything in reverse order.
 */
final class EmbeddedPlatform implements AutoCloseable {

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Endpoints endpoints = new Endpoints();

    Endpoints endpoints() {
        return endpoints;
    }

    static EmbeddedPlatform start(StandaloneOptions o, RunDirectory dir, Consumer<String> progress) throws Exception {
        EmbeddedPlatform p = new EmbeddedPlatform();
        try {
            p.startAll(o, dir, progress);
            return p;
        } catch (Exception | Error e) {
            p.close();
            throw e;
        }
    }

    private void startAll(StandaloneOptions o, RunDirectory dir, Consumer<String> progress) throws Exception {
        String publicHost = o.publicHost.isBlank() ? (o.host.equals("0.0.0.0") ? "127.0.0.1" : o.host) : o.publicHost;

        progress.accept("starting Redis");
        int redisPort = KafkaBroker.freePort();
        Path redisDir = Files.createDirectories(dir.resolve("redis"));
        RedisServer redis = RedisServer.builder().port(redisPort).setting("bind 127.0.0.1")
                .setting("dir " + redisDir).setting("appendonly yes").setting("save \"\"").build();
        redis.start();
        running.push(redis::stop);
        dir.recordChildren();
        endpoints.put("redis", "127.0.0.1:" + redisPort);

        progress.accept("starting Kafka");
        KafkaBroker kafka = KafkaBroker.builder(dir.resolve("kafka")).partitions(3).start();
        running.push(kafka);
        dir.recordChildren();
        endpoints.put("kafka", kafka.bootstrapServers());

        progress.accept("starting the access node (access and dispatch listeners)");
        ConfigurableApplicationContext access = AccessServerApplication.builder().run(
                "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redisPort,
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--server.port=" + o.accessActuatorPort,
                "--gb32960.access.node-id=standalone-1",
                "--gb32960.access.host=" + o.host, "--gb32960.access.port=" + o.accessPort,
                "--gb32960.access.public-host=" + publicHost,
                "--gb32960.access.dispatch.enabled=true", "--gb32960.access.dispatch.port=" + o.dispatchPort,
                "--gb32960.access.telemetry.spill-dir=" + dir.resolve("spill"));
        running.push(access::close);
        int accessPort = access.getBean(NettyAccessServer.class).port();
        int dispatchPort = access.getBean(DispatchServer.class).port();
        endpoints.put("access (vehicles)", publicHost + ":" + accessPort);
        endpoints.put("dispatch (SLB login)", publicHost + ":" + dispatchPort);
        endpoints.put("access actuator", "http://127.0.0.1:"
                + ((WebServerApplicationContext) access).getWebServer().getPort() + "/actuator/prometheus");

        if (o.demoVehicles > 0) {
            progress.accept("starting " + o.demoVehicles + " demo vehicles");
            DemoFleet fleet = DemoFleet.start(access.getBean(VehicleRegistry.class), dir.root(), o.demoVehicles,
                    Duration.ofSeconds(o.demoIntervalSeconds), "127.0.0.1", dispatchPort);
            running.push(fleet);
            endpoints.put("demo vehicles", o.demoVehicles + " x " + DemoFleet.VIN_PATTERN + ", account "
                    + DemoFleet.ACCOUNT + " (password in " + dir.resolve("demo-account.txt") + ")");
        }
        endpoints.put("data directory", dir.root().toString());
    }

    @Override
    public void close() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("standalone: stopping a part failed: " + e);
            }
        }
    }

    static void writeEndpoints(RunDirectory dir, Endpoints endpoints, long readyMillis) throws IOException {
        Path tmp = dir.resolve("endpoints.json.tmp");
        Files.writeString(tmp, endpoints.json(readyMillis));
        Files.move(tmp, dir.resolve("endpoints.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
