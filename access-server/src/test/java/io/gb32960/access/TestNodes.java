package io.gb32960.access;

import io.gb32960.access.dispatch.DispatchServer;
import io.gb32960.access.server.NettyAccessServer;
import io.gb32960.platform.common.registry.PlatformAccount;
import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.platform.common.registry.VehicleRegistry;
import io.gb32960.platform.common.security.HashedSecret;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Access nodes as separate application contexts in the test JVM, on the test Redis and Kafka. */
final class TestNodes {

    private TestNodes() {
    }

    /** A node with the test profile; {@code args} are extra {@code --key=value} properties. */
    static ConfigurableApplicationContext start(String nodeId, String... args) {
        List<String> all = new ArrayList<>(List.of("--gb32960.access.node-id=" + nodeId));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(AccessServerApplication.class).profiles("test")
                .run(all.toArray(String[]::new));
    }

    static int accessPort(ConfigurableApplicationContext node) {
        return node.getBean(NettyAccessServer.class).port();
    }

    static int dispatchPort(ConfigurableApplicationContext node) {
        return node.getBean(DispatchServer.class).port();
    }

    static void register(ConfigurableApplicationContext node, Collection<String> vins) {
        VehicleRegistry registry = node.getBean(VehicleRegistry.class);
        CompletableFuture.allOf(vins.stream()
                .map(vin -> registry.register(RegisteredVehicle.of(vin, "")).toCompletableFuture())
                .toArray(CompletableFuture[]::new)).join();
    }

    /** A platform account (cheap hash: tests only). */
    static void account(ConfigurableApplicationContext node, String account, String password) {
        node.getBean(VehicleRegistry.class).saveAccount(new PlatformAccount(account,
                HashedSecret.of(password, 1_000, new SecureRandom()), true)).toCompletableFuture().join();
    }
}
