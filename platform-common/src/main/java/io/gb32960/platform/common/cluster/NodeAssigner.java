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
 * node's in-flight counter in Redis, and the node, when it reports its connections, subtracts the
 * vehicles that arrived since in the same atomic step, so connections and in-flight counts always
 * describe the same instant; a counter expires if assigned vehicles never arrive. Reading the
 * numbers, choosing and counting the choice is one Lua script (all these keys share a hash slot),
 * so concurrent dispatchers never choose on the same numbers. Which nodes are alive comes from the
 * node registry, read at most every 200 ms.
 */
public final class NodeAssigner {

    /** How long an unanswered assignment keeps counting for a node. */
    public static final Duration INFLIGHT_TTL = Duration.ofSeconds(30);
    /** The node list is read at most this often; the stats in it change every 500 ms. */
    static final Duration LIVE_NODES_MAX_AGE = Duration.ofMillis(200);

    /**
     * KEYS: the load hash, then the candidates' in-flight counters. ARGV: ttl ms, then the
     * candidates' ids. Connections and capacity are read here, from the load hash the nodes write
     * together with their arrivals, so counters and connections are always of the same instant.
     */
    private static final String ASSIGN = """
            local best, bestLoad = 1, nil
            for i = 2, #KEYS do
              local id = ARGV[i]
              local connections = tonumber(redis.call('hget', KEYS[1], id .. ':connections') or '0')
              local capacity = tonumber(redis.call('hget', KEYS[1], id .. ':capacity') or '1')
              if capacity < 1 then capacity = 1 end
              local pending = tonumber(redis.call('get', KEYS[i]) or '0')
              local load = (connections + pending) / capacity
              if bestLoad == nil or load < bestLoad then best, bestLoad = i - 1, load end
            end
            redis.call('incr', KEYS[best + 1])
            redis.call('pexpire', KEYS[best + 1], ARGV[1])
            return best""";

    /**
     * A node's load report: its connections and capacity, and the assigned vehicles that arrived
     * since its last report, taken off its in-flight counter (never below zero) in the same step.
     * KEYS: the load hash, the node's in-flight counter. ARGV: node id, connections, capacity, arrived.
     */
    private static final String REPORT = """
            redis.call('hset', KEYS[1], ARGV[1] .. ':connections', ARGV[2], ARGV[1] .. ':capacity', ARGV[3])
            if tonumber(ARGV[4]) > 0 then
              local left = redis.call('decrby', KEYS[2], ARGV[4])
              if left < 0 then redis.call('set', KEYS[2], 0, 'KEEPTTL') end
            end
            return 0""";

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
            List<Object> keys = new ArrayList<>(candidates.size() + 1);
            Object[] args = new Object[1 + candidates.size()];
            keys.add(RedisKeys.nodeLoad());
            args[0] = Long.toString(INFLIGHT_TTL.toMillis());
            for (int i = 0; i < candidates.size(); i++) {
                keys.add(RedisKeys.inflight(candidates.get(i).nodeId()));
                args[1 + i] = candidates.get(i).nodeId();
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

    /**
     * The node's load now: its connections and capacity, and {@code arrived} vehicles that came
     * with a token since its last report (taken off its in-flight count in the same step).
     */
    public CompletionStage<Void> report(String nodeId, long connections, int capacity, long arrived) {
        return redis.getScript(StringCodec.INSTANCE).<Long>evalAsync(RScript.Mode.READ_WRITE, REPORT,
                RScript.ReturnType.LONG, List.of(RedisKeys.nodeLoad(), RedisKeys.inflight(nodeId)), nodeId,
                Long.toString(connections), Integer.toString(capacity), Long.toString(Math.max(0, arrived)))
                .thenApply(x -> null);
    }
}
