package io.gb32960.platform.common;

import io.gb32960.platform.common.cluster.NodeAssigner;
import io.gb32960.platform.common.cluster.NodeRegistry;
import io.gb32960.platform.common.cluster.NodeStats;
import io.gb32960.platform.common.cluster.SessionTokens;
import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.platform.common.redis.SessionStore;
import io.gb32960.platform.common.redis.SessionStore.LoginOutcome;
import io.gb32960.platform.common.redis.SessionStore.LoginRequest;
import io.gb32960.platform.common.redis.SessionStore.LoginStatus;
import io.gb32960.platform.common.redis.SessionStore.Owner;
import io.gb32960.platform.common.redis.SessionStore.Session;
import io.gb32960.platform.common.redis.SessionStore.TokenCheck;
import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.platform.common.registry.VehicleRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-round-trip vehicle login script and the assignment scripts on a real redis-server. */
class LoginScriptTest {

    private static final Duration TTL = Duration.ofMinutes(1);
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

    private static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private static LoginRequest request(String vin, String connection, String iccid, boolean reject, String token,
                                        boolean require) {
        return new LoginRequest(new Session(vin, "node-a", connection, Instant.now()), TTL, iccid, reject, token, require);
    }

    @Test
    void anUnregisteredOrDisabledVinWritesNothing() {
        SessionStore store = new SessionStore(redis);
        LoginOutcome unknown = join(store.login(request("LSCR0000000000001", "c1", "", false, null, false)));
        assertThat(unknown.status()).isEqualTo(LoginStatus.NOT_REGISTERED);
        assertThat(unknown.registry()).isEmpty();
        assertThat(join(store.owner("LSCR0000000000001"))).isEmpty();

        VehicleRegistry registry = new VehicleRegistry(redis);
        join(registry.register(new RegisteredVehicle("LSCR0000000000002", "8986", "tbox-x", null, null, false)));
        LoginOutcome disabled = join(store.login(request("LSCR0000000000002", "c2", "8986", false, null, false)));
        assertThat(disabled.status()).isEqualTo(LoginStatus.DISABLED);
        assertThat(disabled.registry()).containsEntry("terminalModel", "tbox-x");
        assertThat(join(store.owner("LSCR0000000000002"))).isEmpty();
    }

    @Test
    void iccidMismatchIsRefusedOnlyWhenAskedTo() {
        SessionStore store = new SessionStore(redis);
        String vin = "LSCR0000000000003";
        join(new VehicleRegistry(redis).register(RegisteredVehicle.of(vin, "89860000000000000001")));
        assertThat(join(store.login(request(vin, "c3", "89860000000000000002", true, null, false))).status())
                .isEqualTo(LoginStatus.ICCID_MISMATCH);
        assertThat(join(store.owner(vin))).isEmpty();

        LoginOutcome warned = join(store.login(request(vin, "c3", "89860000000000000002", false, null, false)));
        assertThat(warned.status()).isEqualTo(LoginStatus.ADMITTED);
        assertThat(VehicleRegistry.toVehicle(vin, warned.registry()).iccid()).isEqualTo("89860000000000000001");
        assertThat(join(store.owner(vin))).contains(new Owner("node-a", "c3"));
    }

    @Test
    void aValidTokenIsUsedUpAndARequiredTokenMustBeValid() {
        SessionStore store = new SessionStore(redis);
        SessionTokens tokens = new SessionTokens(redis);
        String vin = "LSCR0000000000004";
        join(new VehicleRegistry(redis).register(RegisteredVehicle.of(vin, "")));
        String token = join(tokens.create(vin, TTL));

        LoginOutcome none = join(store.login(request(vin, "c4", "", false, null, true)));
        assertThat(none.status()).isEqualTo(LoginStatus.TOKEN_REJECTED);
        assertThat(none.token()).isEqualTo(TokenCheck.NONE);
        LoginOutcome wrong = join(store.login(request(vin, "c4", "", false, "00ff", true)));
        assertThat(wrong.status()).isEqualTo(LoginStatus.TOKEN_REJECTED);
        assertThat(wrong.token()).isEqualTo(TokenCheck.INVALID);
        assertThat(join(store.owner(vin))).isEmpty();

        LoginOutcome valid = join(store.login(request(vin, "c4", "", false, token, true)));
        assertThat(valid.status()).isEqualTo(LoginStatus.ADMITTED);
        assertThat(valid.token()).isEqualTo(TokenCheck.VALID);
        assertThat(valid.previous()).isEmpty();
        // used up: the same token again is invalid, and without the requirement the login is still admitted
        LoginOutcome again = join(store.login(request(vin, "c5", "", false, token, false)));
        assertThat(again.status()).isEqualTo(LoginStatus.ADMITTED);
        assertThat(again.token()).isEqualTo(TokenCheck.INVALID);
        assertThat(again.previous()).contains(new Owner("node-a", "c4"));
    }

    @Test
    void assignmentsSpreadByLoadAndArrivalsAreTakenOffTheInflightCount() {
        NodeRegistry nodes = new NodeRegistry(redis, Clock.systemUTC());
        NodeAssigner assigner = new NodeAssigner(nodes, redis, Clock.systemUTC());
        join(nodes.publish(new NodeStats("n1", "127.0.0.1", 1, 0, 0, 100, Instant.now())));
        join(nodes.publish(new NodeStats("n2", "127.0.0.1", 2, 50, 50, 100, Instant.now())));
        join(nodes.publish(new NodeStats("n3", "127.0.0.1", 3, 0, 0, 200, Instant.now())));
        join(assigner.report("n1", 0, 100, 0));
        join(assigner.report("n2", 50, 100, 0));
        join(assigner.report("n3", 0, 200, 0));
        Map<String, Integer> chosen = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            chosen.merge(join(assigner.assign()).orElseThrow().nodeId(), 1, Integer::sum);
        }
        // final loads equal: n1 (0+a)/100 = n2 (50+b)/100 = n3 (0+c)/200 with a+b+c = 300
        assertThat(chosen.get("n1")).isBetween(86, 88);
        assertThat(chosen.get("n2")).isBetween(36, 38);
        assertThat(chosen.get("n3")).isBetween(174, 176);
        assertThat(redis.<Long>getBucket(RedisKeys.inflight("n3"), LongCodec.INSTANCE).get()).isEqualTo((long) chosen.get("n3"));

        // 100 arrived and are now among n3's connections: the load stays, the in-flight count drops
        join(assigner.report("n3", 100, 200, 100));
        assertThat(redis.<Long>getBucket(RedisKeys.inflight("n3"), LongCodec.INSTANCE).get())
                .isEqualTo(chosen.get("n3") - 100L);
        join(assigner.report("n3", 1000, 200, 1000));
        assertThat(redis.<Long>getBucket(RedisKeys.inflight("n3"), LongCodec.INSTANCE).get()).isZero();
        for (String n : new String[]{"n1", "n2", "n3"}) {
            join(nodes.leave(n));
        }
    }
}
