package io.gb32960.access;

import io.gb32960.access.cluster.DeadNodeSweeper;
import io.gb32960.access.session.LocalSessions;
import io.gb32960.platform.common.cluster.NodeRegistry;
import io.gb32960.platform.common.cluster.NodeStats;
import io.gb32960.platform.common.command.CommandGateway;
import io.gb32960.platform.common.command.CommandResult;
import io.gb32960.platform.common.command.DownlinkCommand;
import io.gb32960.platform.common.kafka.Topics;
import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.platform.common.redis.SessionStore;
import io.gb32960.platform.common.redis.SessionStore.Owner;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.param.ParameterId;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.simulator.sim.Simulation;
import io.gb32960.simulator.sim.SimulationConfig;
import io.gb32960.simulator.sim.VehicleIdentities;
import io.gb32960.simulator.sim.VehicleIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three access nodes (each its own Spring context, Netty servers, Redis client) on one Redis and
 * one Kafka, with dispatch listeners and required session tokens; the simulator's terminals go
 * through the whole flow. Ends by killing a node without a clean shutdown.
 */
@ExtendWith(EmbeddedRedisExtension.class)
@EmbeddedKafka(partitions = 1, topics = {Topics.TELEMETRY, Topics.VEHICLE_EVENTS, Topics.INVALID_FRAMES})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNodeClusterTest {

    private static final String ACCOUNT = "cluster-test";
    private static final String PASSWORD = "secret-3";
    private static final int VEHICLES = 90;
    private static final List<String> NODE_IDS = List.of("node-1", "node-2", "node-3");

    private static final Map<String, ConfigurableApplicationContext> nodes = new HashMap<>();
    private static List<String> vins;
    private static Simulation sim;
    private static CommandGateway gateway;

    @BeforeAll
    static void start() {
        for (String id : NODE_IDS) {
            nodes.put(id, TestNodes.start(id, "--gb32960.access.dispatch.enabled=true",
                    "--gb32960.access.dispatch.port=0", "--gb32960.access.require-session-token=true",
                    "--gb32960.access.dead-node-sweep-interval=500ms", "--gb32960.access.reconcile-interval=1h"));
        }
        ConfigurableApplicationContext first = nodes.get("node-1");
        TestNodes.account(first, ACCOUNT, PASSWORD);
        List<VehicleIdentity> vehicles = VehicleIdentities.pattern("LCLUSTR%010d", 1, VEHICLES);
        vins = vehicles.stream().map(VehicleIdentity::vin).toList();
        TestNodes.register(first, vins);
        await().atMost(Duration.ofSeconds(10)).until(() -> live().size() == 3);
        sim = new Simulation(SimulationConfig.builder().vehicles(vehicles).port(1)
                .dispatch(new SimulationConfig.Dispatch("127.0.0.1", TestNodes.dispatchPort(first), ACCOUNT, PASSWORD))
                .interval(Duration.ofSeconds(1)).rampUp(Duration.ofMillis(300)).reconnectDelay(Duration.ofMillis(300))
                .loginRetry(Duration.ofSeconds(2)).loginBackoff(Duration.ofMillis(500)).threads(2).build());
        sim.start();
        gateway = new CommandGateway(redis(), store(), CommandGateway.Settings.standard("gw-cluster")).start();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (sim != null) {
            sim.stop();
        }
        nodes.values().forEach(ConfigurableApplicationContext::close);
    }

    private static ConfigurableApplicationContext survivor() {
        return nodes.get("node-1");
    }

    private static RedissonClient redis() {
        return survivor().getBean(RedissonClient.class);
    }

    private static SessionStore store() {
        return survivor().getBean(SessionStore.class);
    }

    private static List<NodeStats> live() {
        return survivor().getBean(NodeRegistry.class).liveNodes().toCompletableFuture().join();
    }

    private static int online(String nodeId) {
        ConfigurableApplicationContext node = nodes.get(nodeId);
        return node == null || !node.isActive() ? 0 : node.getBean(LocalSessions.class).loggedInVehicles();
    }

    private static Optional<Owner> owner(String vin) {
        return store().owner(vin).toCompletableFuture().join();
    }

    @Test
    @Order(1)
    void dispatchSpreadsTheVehiclesEvenlyOverTheThreeNodes() {
        await().atMost(Duration.ofSeconds(60)).until(() -> sim.progress().loggedIn() == VEHICLES);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> NODE_IDS.stream().mapToInt(ThreeNodeClusterTest::online).sum() == VEHICLES);
        for (String id : NODE_IDS) {
            assertThat(online(id)).as(id).isBetween(VEHICLES / 3 - 3, VEHICLES / 3 + 3);
        }
        assertThat(sim.summary().dispatch().refusals()).isZero();
        for (String vin : vins) {
            assertThat(owner(vin)).as(vin).isPresent();
        }
    }

    @Test
    @Order(2)
    void commandsReachVehiclesOnEveryNodeAndComeBackAnswered() throws Exception {
        Map<String, String> vinPerNode = new HashMap<>();
        for (String vin : vins) {
            owner(vin).ifPresent(o -> vinPerNode.putIfAbsent(o.node(), vin));
        }
        assertThat(vinPerNode.keySet()).containsExactlyInAnyOrderElementsOf(NODE_IDS);
        List<CompletableFuture<CommandResult>> results = new ArrayList<>();
        for (String vin : vinPerNode.values()) {
            results.add(gateway.send(vin, new DownlinkCommand.Query(List.of(ParameterId.FIRMWARE_VERSION.id(),
                    ParameterId.HEARTBEAT_PERIOD_S.id())), Duration.ofSeconds(10)));
        }
        for (CompletableFuture<CommandResult> f : results) {
            CommandResult r = f.get(20, TimeUnit.SECONDS);
            assertThat(r.status()).as(r.detail()).isEqualTo(CommandResult.Status.ANSWERED);
            assertThat(r.answer().parameters()).extracting(CommandResult.AnsweredParameter::name)
                    .contains("firmwareVersion", "heartbeatPeriodS");
        }
        assertThat(results).extracting(f -> f.join().node()).containsExactlyInAnyOrderElementsOf(NODE_IDS);

        CommandResult offline = gateway.send("LNOTCONNECTED0001", new DownlinkCommand.Query(List.of(0x01)),
                Duration.ofSeconds(5)).get(20, TimeUnit.SECONDS);
        assertThat(offline.status()).isEqualTo(CommandResult.Status.OFFLINE);
    }

    @Test
    @Order(3)
    void aLoginWithoutAValidTokenIsRefused() throws Exception {
        String vin = "LCLUSTRTOKEN00001";
        TestNodes.register(survivor(), List.of(vin));
        try (TestTerminal t = new TestTerminal(TestNodes.accessPort(nodes.get("node-2")))) {
            assertThat(t.send(Frames.login(Edition.V2016, vin, "")).receive().header().responseFlag())
                    .isEqualTo(ResponseFlag.ERROR);
        }
        try (TestTerminal t = new TestTerminal(TestNodes.accessPort(nodes.get("node-3")))) {
            VehicleLogin login = Frames.login(Edition.V2016, vin, "");
            VehicleLogin withToken = new VehicleLogin(login.header(), login.time(), login.serial(), login.iccid(),
                    login.codes(), Bytes.ascii("\u0004abcd"));
            assertThat(t.send(withToken).receive().header().responseFlag()).isEqualTo(ResponseFlag.ERROR);
        }
        assertThat(owner(vin)).isEmpty();
    }

    @Test
    @Order(4)
    void racingLoginsOfOneVinOnTwoNodesLeaveOneSessionAndTheRouteNamesIt() throws Exception {
        String vin = "LCLUSTRRACE000001";
        TestNodes.register(survivor(), List.of(vin));
        for (int round = 0; round < 5; round++) {
            String tokenA = survivor().getBean(io.gb32960.platform.common.cluster.SessionTokens.class)
                    .create(vin, Duration.ofMinutes(1)).toCompletableFuture().join();
            try (TestTerminal a = new TestTerminal(TestNodes.accessPort(nodes.get("node-2")));
                 TestTerminal b = new TestTerminal(TestNodes.accessPort(nodes.get("node-3")))) {
                // the token is one-time: one of the two logins gets it, the other is refused or kicked
                CompletableFuture<Integer> fa = CompletableFuture.supplyAsync(() -> loginFlag(a, vin, tokenA));
                CompletableFuture<Integer> fb = CompletableFuture.supplyAsync(() -> loginFlag(b, vin, tokenA));
                assertThat(List.of(fa.join(), fb.join())).containsOnlyOnce(ResponseFlag.SUCCESS);
                Owner o = owner(vin).orElseThrow();
                assertThat(o.node()).isIn("node-2", "node-3");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> owner(vin).isEmpty());
        }
    }

    private static int loginFlag(TestTerminal t, String vin, String token) {
        try {
            VehicleLogin login = Frames.login(Edition.V2016, vin, "");
            byte[] ext = new byte[1 + token.length()];
            ext[0] = (byte) token.length();
            System.arraycopy(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, ext, 1, token.length());
            return t.send(new VehicleLogin(login.header(), login.time(), login.serial(), login.iccid(),
                    login.codes(), Bytes.of(ext))).receive().header().responseFlag();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Order(5)
    void aKilledNodesVehiclesComeBackThroughTheDispatcherOnTheSurvivors() {
        ConfigurableApplicationContext victim = nodes.get("node-3");
        int onVictim = online("node-3");
        assertThat(onVictim).isPositive();
        // no clean shutdown: its Redis client dies first, so it cannot leave the registry or remove routes
        victim.getBean(RedissonClient.class).shutdown(0, 1, TimeUnit.SECONDS);
        victim.close();

        await().atMost(Duration.ofSeconds(30)).until(() -> live().stream().noneMatch(n -> n.nodeId().equals("node-3")));
        await().atMost(Duration.ofSeconds(90)).until(() -> online("node-1") + online("node-2") == VEHICLES);
        await().atMost(Duration.ofSeconds(30)).until(() -> vins.stream().allMatch(v ->
                owner(v).map(o -> !o.node().equals("node-3")).orElse(false)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !redis().getSet(RedisKeys.knownNodes(), StringCodec.INSTANCE)
                .contains("node-3"));
        assertThat(redis().getMap(RedisKeys.nodes(), StringCodec.INSTANCE).containsKey("node-3")).isFalse();
        assertThat(survivor().getBean(DeadNodeSweeper.class)).isNotNull();
    }
}
