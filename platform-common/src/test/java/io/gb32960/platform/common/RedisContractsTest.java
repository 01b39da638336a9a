package io.gb32960.platform.common;

import io.gb32960.platform.common.cluster.NodeRegistry;
import io.gb32960.platform.common.cluster.NodeStats;
import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.platform.common.redis.SessionStore;
import io.gb32960.platform.common.registry.PlatformAccount;
import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.platform.common.registry.VehicleRegistry;
import io.gb32960.platform.common.security.HashedSecret;
import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.control.UpgradeLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Redis contracts on a real redis-server (embedded-redis ships the binary). */
class RedisContractsTest {

    private static EmbeddedRedis server;
    private static RedissonClient redis;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedRedis.start();
        redis = server.client();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void vehiclesAndAccountsRoundTripAsPlainStrings() {
        VehicleRegistry registry = new VehicleRegistry(redis);
        RegisteredVehicle v = new RegisteredVehicle("LREG0000000000001", "8986", "TBOX-X", ResponseStyle.ECHO,
                UpgradeLayout.TABLE_B15_TEXT, true);
        registry.register(v).toCompletableFuture().join();
        assertThat(registry.vehicle(v.vin()).toCompletableFuture().join()).contains(v);
        assertThat(registry.vehicle("LREG0000000000002").toCompletableFuture().join()).isEmpty();
        assertThat(redis.<String, String>getMap(RedisKeys.vehicle(v.vin()), StringCodec.INSTANCE).get("responseStyle"))
                .isEqualTo("ECHO");

        PlatformAccount a = new PlatformAccount("acct", HashedSecret.of("pw", 1000, new SecureRandom()), true);
        registry.saveAccount(a).toCompletableFuture().join();
        PlatformAccount read = registry.account("acct").toCompletableFuture().join().orElseThrow();
        assertThat(read.secret().matches("pw")).isTrue();
        assertThat(read.secret().matches("pW")).isFalse();
        assertThat(redis.<String, String>getMap(RedisKeys.platformAccount("acct"), StringCodec.INSTANCE).values())
                .doesNotContain("pw");

        assertThat(registry.removeAccount("acct").toCompletableFuture().join()).isTrue();
        assertThat(registry.account("acct").toCompletableFuture().join()).isEmpty();
        assertThat(registry.removeAccount("acct").toCompletableFuture().join()).as("already gone").isFalse();
        assertThat(registry.unregister(v.vin()).toCompletableFuture().join()).isTrue();
        assertThat(registry.vehicle(v.vin()).toCompletableFuture().join()).isEmpty();
    }

    @Test
    void aNodeRemovesOnlyTheSessionItOwns() {
        SessionStore sessions = new SessionStore(redis);
        String vin = "LSES0000000000001";
        sessions.put(new SessionStore.Session(vin, "node-a", "a-1", Instant.now()), Duration.ofMinutes(1))
                .toCompletableFuture().join();
        // the vehicle logs in again on node b: the session now belongs to b's connection
        sessions.put(new SessionStore.Session(vin, "node-b", "b-7", Instant.now()), Duration.ofMinutes(1))
                .toCompletableFuture().join();
        assertThat(sessions.removeIfOwned(vin, "a-1").toCompletableFuture().join()).isFalse();
        assertThat(sessions.route(vin).toCompletableFuture().join()).contains("node-b");
        assertThat(sessions.removeIfOwned(vin, "b-7").toCompletableFuture().join()).isTrue();
        assertThat(sessions.route(vin).toCompletableFuture().join()).isEmpty();
        assertThat(sessions.get(vin).toCompletableFuture().join()).isEmpty();
    }

    @Test
    void staleNodesAreSkippedAndRemoved() {
        Instant now = Instant.parse("2026-11-21T08:00:00Z");
        NodeRegistry nodes = new NodeRegistry(redis, Clock.fixed(now, ZoneOffset.UTC));
        nodes.publish(new NodeStats("fresh", "10.0.0.1", 32960, 100, 90, 19000, now.minusMillis(500)))
                .toCompletableFuture().join();
        nodes.publish(new NodeStats("slow", "10.0.0.2", 32960, 5, 5, 19000, now.minusSeconds(4)))
                .toCompletableFuture().join();
        nodes.publish(new NodeStats("dead", "10.0.0.3", 32960, 5, 5, 19000, now.minusSeconds(31)))
                .toCompletableFuture().join();
        List<NodeStats> live = nodes.liveNodes().toCompletableFuture().join();
        assertThat(live).extracting(NodeStats::nodeId).containsExactly("fresh");
        assertThat(live.get(0).load()).isEqualTo(100.0 / 19000);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                redis.getMap(RedisKeys.nodes(), StringCodec.INSTANCE).keySet()).containsExactly("fresh"));
        // a slow node writes itself back with its next stats
        nodes.publish(new NodeStats("slow", "10.0.0.2", 32960, 5, 5, 19000, now)).toCompletableFuture().join();
        assertThat(nodes.liveNodes().toCompletableFuture().join()).extracting(NodeStats::nodeId)
                .containsExactlyInAnyOrder("fresh", "slow");
        nodes.leave("slow").toCompletableFuture().join();
        nodes.leave("fresh").toCompletableFuture().join();
        assertThat(nodes.liveNodes().toCompletableFuture().join()).isEmpty();
    }

    @Test
    void sessionsExpireUnlessRefreshed() {
        SessionStore sessions = new SessionStore(redis);
        String vin = "LSES0000000000002";
        sessions.put(new SessionStore.Session(vin, "node-a", "a-2", Instant.now()), Duration.ofSeconds(30))
                .toCompletableFuture().join();
        long before = redis.getBucket(RedisKeys.route(vin), StringCodec.INSTANCE).remainTimeToLive();
        sessions.refresh(vin, Duration.ofMinutes(10)).toCompletableFuture().join();
        assertThat(before).isBetween(1L, 30_000L);
        assertThat(redis.getBucket(RedisKeys.route(vin), StringCodec.INSTANCE).remainTimeToLive()).isGreaterThan(60_000L);
        assertThat(redis.getMap(RedisKeys.session(vin), StringCodec.INSTANCE).remainTimeToLive()).isGreaterThan(60_000L);
    }
}
