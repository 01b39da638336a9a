package io.gb32960.platform.common;

import io.gb32960.platform.common.cluster.NodeMessages;
import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.platform.common.redis.SessionStore;
import io.gb32960.platform.common.redis.SessionStore.Owner;
import io.gb32960.platform.common.redis.SessionStore.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Route and session compare-and-set scripts and node messages on a real redis-server. */
class SessionOwnershipTest {

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

    private static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    @Test
    void aLoginReturnsThePreviousOwnerAndTheRouteNamesNodeAndConnection() {
        SessionStore store = new SessionStore(redis);
        String vin = "LOWN0000000000001";
        assertThat(join(store.put(new Session(vin, "node-a", "node-a-1", Instant.now()), TTL))).isEmpty();
        assertThat(redis.getBucket(RedisKeys.route(vin), StringCodec.INSTANCE).get()).isEqualTo("node-a|node-a-1");
        assertThat(join(store.route(vin))).contains("node-a");

        assertThat(join(store.put(new Session(vin, "node-b", "node-b-7", Instant.now()), TTL)))
                .contains(new Owner("node-a", "node-a-1"));
        assertThat(join(store.owner(vin))).contains(new Owner("node-b", "node-b-7"));
        assertThat(join(store.get(vin)).orElseThrow().connection()).isEqualTo("node-b-7");
        assertThat(redis.getBucket(RedisKeys.route(vin), StringCodec.INSTANCE).remainTimeToLive()).isBetween(1L, 60_000L);
        assertThat(join(store.nodeVins("node-a"))).contains(vin);
        assertThat(join(store.nodeVins("node-b"))).contains(vin);

        // the late disconnect of node a's connection removes nothing, not even from a's set
        assertThat(join(store.removeIfOwned(vin, "node-a", "node-a-1"))).isFalse();
        assertThat(join(store.owner(vin))).contains(new Owner("node-b", "node-b-7"));
        assertThat(join(store.removeIfOwned(vin, "node-b", "node-b-7"))).isTrue();
        assertThat(join(store.owner(vin))).isEmpty();
        assertThat(join(store.get(vin))).isEmpty();
        assertThat(join(store.nodeVins("node-b"))).doesNotContain(vin);
    }

    @Test
    void aRouteWithoutSessionIsStillRemovedOnlyByItsConnection() {
        SessionStore store = new SessionStore(redis);
        String vin = "LOWN0000000000002";
        join(store.put(new Session(vin, "node-a", "node-a-12", Instant.now()), TTL));
        redis.getMap(RedisKeys.session(vin)).delete();
        // a suffix of another connection id is not the connection
        assertThat(join(store.removeIfOwned(vin, "a-12"))).isFalse();
        assertThat(join(store.removeIfOwned(vin, "node-a-1"))).isFalse();
        assertThat(join(store.owner(vin))).contains(new Owner("node-a", "node-a-12"));
        assertThat(join(store.removeIfOwned(vin, "node-a-12"))).isTrue();
        assertThat(join(store.owner(vin))).isEmpty();
    }

    @Test
    void replaceWritesOnlyOverTheExpectedRoute() {
        SessionStore store = new SessionStore(redis);
        String vin = "LOWN0000000000003";
        Session mine = new Session(vin, "node-a", "node-a-3", Instant.now());
        assertThat(join(store.replace(mine, Optional.empty(), TTL))).isTrue();
        assertThat(join(store.owner(vin))).contains(new Owner("node-a", "node-a-3"));
        // a newer login elsewhere: the reconciliation that read "no route" does not overwrite it
        join(store.put(new Session(vin, "node-b", "node-b-1", Instant.now()), TTL));
        assertThat(join(store.replace(mine, Optional.empty(), TTL))).isFalse();
        assertThat(join(store.replace(mine, Optional.of(new Owner("node-a", "node-a-3")), TTL))).isFalse();
        assertThat(join(store.owner(vin))).contains(new Owner("node-b", "node-b-1"));
        assertThat(join(store.replace(mine, Optional.of(new Owner("node-b", "node-b-1")), TTL))).isTrue();
        assertThat(join(store.get(vin)).orElseThrow().node()).isEqualTo("node-a");
    }

    /**
     * Logins racing from many threads (as from many nodes): each put sees exactly the put before it
     * in Redis' order, so the previous owners form one chain: one put saw nobody, every other
     * owner was replaced exactly once, and the last one holds the route.
     */
    @Test
    void racingLoginsEachSeeTheirPredecessorExactlyOnce() throws Exception {
        SessionStore store = new SessionStore(redis);
        String vin = "LOWN0000000000004";
        int puts = 64;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<Owner>>> results = new ArrayList<>();
            for (int i = 0; i < puts; i++) {
                String node = "node-" + (i % 4);
                String connection = node + "-" + i;
                results.add(threads.submit(() -> {
                    go.await();
                    return join(store.put(new Session(vin, node, connection, Instant.now()), TTL));
                }));
            }
            go.countDown();
            List<Owner> previous = new ArrayList<>();
            int sawNobody = 0;
            for (Future<Optional<Owner>> f : results) {
                Optional<Owner> p = f.get(30, TimeUnit.SECONDS);
                if (p.isEmpty()) {
                    sawNobody++;
                } else {
                    previous.add(p.get());
                }
            }
            Owner last = join(store.owner(vin)).orElseThrow();
            assertThat(sawNobody).isEqualTo(1);
            assertThat(previous).hasSize(puts - 1).doesNotHaveDuplicates().doesNotContain(last);
            Set<Owner> all = new HashSet<>(previous);
            all.add(last);
            assertThat(all).hasSize(puts);
            assertThat(join(store.get(vin)).orElseThrow().connection()).isEqualTo(last.connection());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aKickReachesTheNodeItIsAddressedTo() throws Exception {
        NodeMessages messages = new NodeMessages(redis);
        LinkedBlockingQueue<NodeMessages.Kick> atA = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<NodeMessages.Kick> atB = new LinkedBlockingQueue<>();
        int a = messages.subscribe("node-a", atA::add);
        int b = messages.subscribe("node-b", atB::add);
        try {
            NodeMessages.Kick kick = NodeMessages.Kick.of("LOWN0000000000005", "node-a-9", "node-b");
            assertThat(join(messages.kick("node-a", kick))).isEqualTo(1L);
            assertThat(atA.poll(10, TimeUnit.SECONDS)).isEqualTo(kick);
            // unreadable messages are dropped, the listener keeps working
            join(redis.getTopic(RedisKeys.nodeChannel("node-a"), StringCodec.INSTANCE).publishAsync("not json"));
            join(messages.kick("node-a", kick));
            assertThat(atA.poll(10, TimeUnit.SECONDS)).isEqualTo(kick);
            assertThat(atB).isEmpty();
        } finally {
            messages.unsubscribe("node-a", a);
            messages.unsubscribe("node-b", b);
        }
        assertThat(join(messages.kick("node-a", NodeMessages.Kick.of("V", "c", "x")))).isZero();
    }
}
