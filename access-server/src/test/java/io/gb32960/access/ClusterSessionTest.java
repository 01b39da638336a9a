package io.gb32960.access;

import io.gb32960.access.cluster.SessionReconciler;
import io.gb32960.access.server.NettyAccessServer;
import io.gb32960.platform.common.kafka.Topics;
import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.platform.common.redis.SessionStore;
import io.gb32960.platform.common.redis.SessionStore.Owner;
import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.platform.common.registry.VehicleRegistry;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.ResponseFlag;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two access nodes (two application contexts in this JVM) sharing one Redis and one Kafka: a
 * vehicle has one session in the whole cluster, and each node's reconciliation repairs Redis.
 */
@ExtendWith(EmbeddedRedisExtension.class)
@EmbeddedKafka(partitions = 1, topics = {Topics.TELEMETRY, Topics.VEHICLE_EVENTS, Topics.INVALID_FRAMES})
class ClusterSessionTest {

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startNodes() {
        nodeA = start("node-a");
        nodeB = start("node-b");
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    private static ConfigurableApplicationContext start(String nodeId) {
        return new SpringApplicationBuilder(AccessServerApplication.class).profiles("test").run(
                "--gb32960.access.node-id=" + nodeId,
                // rounds are run by the test
                "--gb32960.access.reconcile-interval=1h");
    }

    private static int port(ConfigurableApplicationContext node) {
        return node.getBean(NettyAccessServer.class).port();
    }

    private static SessionStore store() {
        return nodeA.getBean(SessionStore.class);
    }

    private static Optional<Owner> owner(String vin) {
        return store().owner(vin).toCompletableFuture().join();
    }

    private static int reconcile(ConfigurableApplicationContext node) {
        return node.getBean(SessionReconciler.class).reconcile().toCompletableFuture().join();
    }

    private static double reconciled(ConfigurableApplicationContext node, String fix) {
        return node.getBean(MeterRegistry.class).find("gb32960.sessions.reconciled").tag("fix", fix).counters()
                .stream().mapToDouble(Counter::count).sum();
    }

    private static void register(String vin) {
        nodeA.getBean(VehicleRegistry.class).register(RegisteredVehicle.of(vin, "")).toCompletableFuture().join();
    }

    private static void login(TestTerminal t, String vin) throws Exception {
        assertThat(t.send(Frames.login(Edition.V2016, vin, "")).receive().header().responseFlag())
                .isEqualTo(ResponseFlag.SUCCESS);
    }

    @Test
    void aLoginOnAnotherNodeKicksTheOldConnectionAndTakesTheRoute() throws Exception {
        String vin = "LCLUSTER000000001";
        register(vin);
        try (TestTerminal onA = new TestTerminal(port(nodeA)); TestTerminal onB = new TestTerminal(port(nodeB))) {
            login(onA, vin);
            Owner a = owner(vin).orElseThrow();
            assertThat(a.node()).isEqualTo("node-a");
            assertThat(a.connection()).startsWith("node-a-");

            login(onB, vin);
            assertThat(onA.closedByServer()).as("node a closes the old connection").isTrue();
            Owner b = owner(vin).orElseThrow();
            assertThat(b.node()).isEqualTo("node-b");
            assertThat(b.connection()).startsWith("node-b-");
            assertThat(store().get(vin).toCompletableFuture().join().orElseThrow().connection()).isEqualTo(b.connection());
            await().atMost(Duration.ofSeconds(10)).until(() -> nodeA.getBean(MeterRegistry.class)
                    .find("gb32960.kicks.received").tag("result", "closed").counters().stream()
                    .mapToDouble(Counter::count).sum() == 1);

            // the old node's disconnect, however late, leaves the new route alone
            assertThat(store().removeIfOwned(vin, "node-a", a.connection()).toCompletableFuture().join()).isFalse();
            assertThat(owner(vin)).contains(b);
            // the vehicle is still served on node b
            assertThat(onB.send(Frames.heartbeat(Edition.V2016, vin)).receive().header().command()).isEqualTo(0x07);
            assertThat(owner(vin)).contains(b);
        }
    }

    @Test
    void reconciliationRestoresALostRouteAndRemovesARouteOfAClosedConnection() throws Exception {
        String vin = "LCLUSTER000000002";
        String gone = "LCLUSTER000000003";
        register(vin);
        try (TestTerminal onB = new TestTerminal(port(nodeB))) {
            login(onB, vin);
            Owner b = owner(vin).orElseThrow();
            assertThat(reconcile(nodeB)).isZero(); // nothing to fix

            // Redis lost the vehicle's keys (flush, failover)
            RedissonClient redis = nodeB.getBean(RedissonClient.class);
            redis.getKeys().delete(RedisKeys.route(vin), RedisKeys.session(vin));
            assertThat(owner(vin)).isEmpty();
            double restored = reconciled(nodeB, "restored");
            assertThat(reconcile(nodeB)).isEqualTo(1);
            assertThat(owner(vin)).contains(b);
            assertThat(store().get(vin).toCompletableFuture().join().orElseThrow().node()).isEqualTo("node-b");
            assertThat(reconciled(nodeB, "restored")).isEqualTo(restored + 1);

            // a route naming node b for a connection that does not exist (any more)
            store().put(new SessionStore.Session(gone, "node-b", "node-b-999999", Instant.now()), Duration.ofMinutes(5))
                    .toCompletableFuture().join();
            assertThat(store().nodeVins("node-b").toCompletableFuture().join()).contains(vin, gone);
            double removed = reconciled(nodeB, "removed");
            assertThat(reconcile(nodeB)).isEqualTo(1);
            assertThat(owner(gone)).isEmpty();
            assertThat(store().get(gone).toCompletableFuture().join()).isEmpty();
            assertThat(store().nodeVins("node-b").toCompletableFuture().join()).contains(vin).doesNotContain(gone);
            assertThat(reconciled(nodeB, "removed")).isEqualTo(removed + 1);
            assertThat(owner(vin)).contains(b);
        }
    }

    @Test
    void aVehicleRoutedElsewhereIsClosedByReconciliationWhenItsKickWasLost() throws Exception {
        String vin = "LCLUSTER000000004";
        register(vin);
        try (TestTerminal onA = new TestTerminal(port(nodeA))) {
            login(onA, vin);
            // node b took the vehicle, but its kick never reached node a
            store().put(new SessionStore.Session(vin, "node-b", "node-b-888888", Instant.now()), Duration.ofMinutes(5))
                    .toCompletableFuture().join();
            double kicked = reconciled(nodeA, "kicked");
            assertThat(reconcile(nodeA)).isEqualTo(1);
            assertThat(onA.closedByServer()).isTrue();
            assertThat(reconciled(nodeA, "kicked")).isEqualTo(kicked + 1);
            assertThat(owner(vin)).contains(new Owner("node-b", "node-b-888888"));
        }
    }
}
