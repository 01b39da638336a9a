package io.gb32960.platform.common.cluster;

import io.gb32960.platform.common.redis.RedisKeys;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Least-connection assignment weighted by capacity. Node stats are up to 500 ms old, so a burst of
 * logins would all go to the same node between two stat updates: each assignment increments the
 * node's in-flight counter in Redis, and the node subtracts the vehicles that arrived when it
 * publishes the stats that count them; a counter expires if assigned vehicles never arrive.
 * Reading the counters, choosing and counting the choice is one Lua script (the counters share a
 * hash slot), so concurrent dispatchers never choose on the same numbers.
 */
public final class NodeAssigner {

    /** How long an unanswered assignment keeps counting for a node. */
    public static final Duration INFLIGHT_TTL = Duration.ofSeconds(30);
    /** The node list is read at most this often; the stats in it change every 500 ms. */
    static final Duration LIVE_NODES_MAX_AGE = Duration.ofMillis(200);

    /** KEYS: the candidates' in-flight counters. ARGV: ttl ms, then connections and capacity per candidate. */
    private static final String ASSIGN = """
            local best, bestLoad = 1, nil
            for i = 1, #KEYS do
              local pending = tonumber(redis.call('get', KEYS[i]) or '0')
              local load = (tonumber(ARGV[2 * i]) + pending) / tonumber(ARGV[2 * i + 1])
              if bestLoad == nil or load < bestLoad then best, bestLoad = i, load end
            end
            redis.call('incr', KEYS[best])
            redis.call('pexpire', KEYS[best], ARGV[1])
            return best""";

    /** KEYS: a node's in-flight counter. ARGV: vehicles arrived. Never below zero. */
    private static final String ARRIVED = """
            local left = redis.call('decrby', KEYS[1], ARGV[1])
            if left < 0 then redis.call('set', KEYS[1], 0, 'KEEPTTL') end
            return left""";

    private record LiveNodes(long readAt, CompletableFuture<List<NodeStats>> nodes) {
    }

    private final NodeRegistry nodes;
    private final RedissonClient redis;
    private final Clock clock;
    private volatile LiveNodes live = new LiveNodes(Long.MIN_VALUE, null);

    public NodeAssigner(NodeRegistry nodes, RedissonClient redis, Clock clock) {
        this.nodes = nodes;
        this.redis = redis;
        this.clock = clock;
    }

    /** The least-loaded live node, counted as assigned; empty when no node is alive. */
    public CompletionStage<Optional<NodeStats>> assign() {
        return liveNodes().thenCompose(candidates -> {
            if (candidates.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<NodeStats>empty());
            }
            List<Object> keys = new ArrayList<>(candidates.size());
            Object[] args = new Object[1 + 2 * candidates.size()];
            args[0] = Long.toString(INFLIGHT_TTL.toMillis());
            for (int i = 0; i < candidates.size(); i++) {
                NodeStats n = candidates.get(i);
                keys.add(RedisKeys.inflight(n.nodeId()));
                args[1 + 2 * i] = Long.toString(n.connections());
                args[2 + 2 * i] = Long.toString(Math.max(1, n.capacity()));
            }
            return redis.getScript(StringCodec.INSTANCE).<Long>evalAsync(RScript.Mode.READ_WRITE, ASSIGN,
                            RScript.ReturnType.LONG, keys, args)
                    .thenApply(index -> Optional.of(candidates.get((int) (index - 1))));
        });
    }

    private CompletionStage<List<NodeStats>> liveNodes() {
        LiveNodes current = live;
        long now = clock.millis();
        if (current.nodes() != null && now - current.readAt() < LIVE_NODES_MAX_AGE.toMillis()
                && !current.nodes().isCompletedExceptionally()) {
            return current.nodes();
        }
        CompletableFuture<List<NodeStats>> read = nodes.liveNodes().toCompletableFuture();
        live = new LiveNodes(now, read);
        return read;
    }

    /** {@code count} vehicles assigned to the node arrived there (and are counted in its stats). */
    public CompletionStage<Void> arrived(String nodeId, long count) {
        if (count <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        return redis.getScript(StringCodec.INSTANCE).<Long>evalAsync(RScript.Mode.READ_WRITE, ARRIVED,
                RScript.ReturnType.LONG, List.of(RedisKeys.inflight(nodeId)), Long.toString(count)).thenApply(x -> null);
    }
}
